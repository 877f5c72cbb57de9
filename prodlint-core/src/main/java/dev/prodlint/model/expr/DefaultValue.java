package dev.prodlint.model.expr;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import java.util.List;

/** A pattern element with a default: {@code [a = 1]}, {@code ({x = 2}) => ...}. */
public final class DefaultValue extends Expr {
    private final Expr target;
    private final Expr value;

    public DefaultValue(SourceRange range, Expr target, Expr value) {
        super(range);
        this.target = target;
        this.value = value;
    }

    public Expr target() {
        return target;
    }

    public Expr value() {
        return value;
    }

    @Override
    public List<? extends Node> children() {
        return List.of(target, value);
    }
}
