package dev.prodlint.model.expr;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;

/** An expression. Destructuring patterns are expressions too, so a pattern can stand as a target. */
public abstract class Expr extends Node {
    protected Expr(SourceRange range) {
        super(range);
    }

    /** This expression with awaits, casts, non-null assertions and parentheses peeled off. */
    public Expr unwrap() {
        Expr e = this;
        while (true) {
            if (e instanceof Await a) e = a.operand();
            else if (e instanceof Cast c) e = c.operand();
            else return e;
        }
    }
}
