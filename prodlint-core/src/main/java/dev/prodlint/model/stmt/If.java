package dev.prodlint.model.stmt;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import dev.prodlint.model.expr.Expr;
import java.util.ArrayList;
import java.util.List;

/** {@code if (condition) then else otherwise}; otherwise may be null. */
public final class If extends Stmt {
    private final Expr condition;
    private final Stmt then;
    private final Stmt otherwise;

    public If(SourceRange range, Expr condition, Stmt then, Stmt otherwise) {
        super(range);
        this.condition = condition;
        this.then = then;
        this.otherwise = otherwise;
    }

    public Expr condition() {
        return condition;
    }

    public Stmt then() {
        return then;
    }

    public Stmt otherwise() {
        return otherwise;
    }

    @Override
    public List<? extends Node> children() {
        List<Node> out = new ArrayList<>(3);
        out.add(condition);
        out.add(then);
        if (otherwise != null) out.add(otherwise);
        return out;
    }
}
