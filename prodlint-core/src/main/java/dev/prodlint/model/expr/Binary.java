package dev.prodlint.model.expr;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import java.util.List;

/** A binary or logical operation; op is the source operator ({@code ===}, {@code &&}, {@code instanceof}). */
public final class Binary extends Expr {
    private final String op;
    private final Expr left;
    private final Expr right;

    public Binary(SourceRange range, String op, Expr left, Expr right) {
        super(range);
        this.op = op;
        this.left = left;
        this.right = right;
    }

    public String op() {
        return op;
    }

    public Expr left() {
        return left;
    }

    public Expr right() {
        return right;
    }

    @Override
    public List<? extends Node> children() {
        return List.of(left, right);
    }
}
