package dev.prodlint.model.expr;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import java.util.List;

/** A unary operation, including {@code ++}/{@code --}, {@code typeof}, {@code void} and {@code delete}. */
public final class Unary extends Expr {
    private final String op;
    private final Expr operand;
    private final boolean prefix;

    public Unary(SourceRange range, String op, Expr operand, boolean prefix) {
        super(range);
        this.op = op;
        this.operand = operand;
        this.prefix = prefix;
    }

    public String op() {
        return op;
    }

    public Expr operand() {
        return operand;
    }

    public boolean isPrefix() {
        return prefix;
    }

    @Override
    public List<? extends Node> children() {
        return List.of(operand);
    }
}
