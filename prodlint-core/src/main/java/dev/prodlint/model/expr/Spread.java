package dev.prodlint.model.expr;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import java.util.List;

/** {@code ...operand} in a call, array or object; in a pattern, a rest element. */
public final class Spread extends Expr {
    private final Expr operand;

    public Spread(SourceRange range, Expr operand) {
        super(range);
        this.operand = operand;
    }

    public Expr operand() {
        return operand;
    }

    @Override
    public List<? extends Node> children() {
        return List.of(operand);
    }
}
