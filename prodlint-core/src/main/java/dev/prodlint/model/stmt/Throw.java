package dev.prodlint.model.stmt;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import dev.prodlint.model.expr.Expr;
import java.util.List;

/** {@code throw value}. */
public final class Throw extends Stmt {
    private final Expr value;

    public Throw(SourceRange range, Expr value) {
        super(range);
        this.value = value;
    }

    public Expr value() {
        return value;
    }

    @Override
    public List<? extends Node> children() {
        return List.of(value);
    }
}
