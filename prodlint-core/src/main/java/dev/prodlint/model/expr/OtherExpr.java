package dev.prodlint.model.expr;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import java.util.List;

/**
 * An expression the model has no dedicated node for (sequence, yield, JSX element, class
 * expression, switch expression, method reference...). It keeps its kind and its sub-expressions,
 * so calls inside are still seen.
 */
public final class OtherExpr extends Expr {
    private final String kind;
    private final List<Node> parts;

    public OtherExpr(SourceRange range, String kind, List<? extends Node> parts) {
        super(range);
        this.kind = kind;
        this.parts = List.copyOf(parts);
    }

    public String kind() {
        return kind;
    }

    @Override
    public List<? extends Node> children() {
        return parts;
    }
}
