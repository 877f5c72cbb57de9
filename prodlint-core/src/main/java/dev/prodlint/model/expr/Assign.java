package dev.prodlint.model.expr;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import java.util.List;

/** Assignment {@code target op value}; op is "=", "+=", "??=" and so on; target may be a pattern. */
public final class Assign extends Expr {
    private final String op;
    private final Expr target;
    private final Expr value;

    public Assign(SourceRange range, String op, Expr target, Expr value) {
        super(range);
        this.op = op;
        this.target = target;
        this.value = value;
    }

    public String op() {
        return op;
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
