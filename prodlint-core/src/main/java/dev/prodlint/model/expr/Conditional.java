package dev.prodlint.model.expr;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import java.util.List;

/** {@code test ? then : otherwise}. */
public final class Conditional extends Expr {
    private final Expr test;
    private final Expr then;
    private final Expr otherwise;

    public Conditional(SourceRange range, Expr test, Expr then, Expr otherwise) {
        super(range);
        this.test = test;
        this.then = then;
        this.otherwise = otherwise;
    }

    public Expr test() {
        return test;
    }

    public Expr then() {
        return then;
    }

    public Expr otherwise() {
        return otherwise;
    }

    @Override
    public List<? extends Node> children() {
        return List.of(test, then, otherwise);
    }
}
