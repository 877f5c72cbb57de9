package dev.prodlint.model.expr;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import java.util.List;

/** An array literal, or with {@link #isPattern()} an array destructuring pattern. Holes are omitted. */
public final class ArrayLit extends Expr {
    private final List<Expr> elements;
    private final boolean pattern;

    public ArrayLit(SourceRange range, List<Expr> elements, boolean pattern) {
        super(range);
        this.elements = List.copyOf(elements);
        this.pattern = pattern;
    }

    public List<Expr> elements() {
        return elements;
    }

    public boolean isPattern() {
        return pattern;
    }

    @Override
    public List<? extends Node> children() {
        return elements;
    }
}
