package dev.prodlint.model.stmt;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import dev.prodlint.model.expr.Expr;
import java.util.List;

/** {@code return value}; value may be null. */
public final class Return extends Stmt {
    private final Expr value;

    public Return(SourceRange range, Expr value) {
        super(range);
        this.value = value;
    }

    public Expr value() {
        return value;
    }

    @Override
    public List<? extends Node> children() {
        return value == null ? List.of() : List.of(value);
    }
}
