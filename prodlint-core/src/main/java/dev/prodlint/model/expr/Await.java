package dev.prodlint.model.expr;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import java.util.List;

/** {@code await operand}; may reject, so it can throw. */
public final class Await extends Expr {
    private final Expr operand;

    public Await(SourceRange range, Expr operand) {
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
