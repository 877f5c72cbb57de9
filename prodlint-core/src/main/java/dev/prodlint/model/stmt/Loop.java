package dev.prodlint.model.stmt;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import dev.prodlint.model.expr.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * Any loop. FOR has init/condition/update; FOR_OF (also Java's enhanced for) and FOR_IN bind
 * {@link #variable()} from {@link #iterable()}; WHILE and DO_WHILE have a condition. A missing
 * condition means "forever".
 */
public final class Loop extends Stmt {
    public enum Kind { FOR, FOR_OF, FOR_IN, WHILE, DO_WHILE }

    private final Kind kind;
    private final List<Stmt> init;
    private final Expr condition;
    private final List<Expr> update;
    private final Stmt variable;
    private final Expr iterable;
    private final Stmt body;
    private final boolean await;

    public Loop(SourceRange range, Kind kind, List<Stmt> init, Expr condition, List<Expr> update,
                Stmt variable, Expr iterable, Stmt body, boolean await) {
        super(range);
        this.kind = kind;
        this.init = List.copyOf(init);
        this.condition = condition;
        this.update = List.copyOf(update);
        this.variable = variable;
        this.iterable = iterable;
        this.body = body;
        this.await = await;
    }

    public Kind kind() {
        return kind;
    }

    public List<Stmt> init() {
        return init;
    }

    public Expr condition() {
        return condition;
    }

    public List<Expr> update() {
        return update;
    }

    /** The loop variable of FOR_OF/FOR_IN: a VarDecl without initializer, or an ExprStmt target. */
    public Stmt variable() {
        return variable;
    }

    public Expr iterable() {
        return iterable;
    }

    public Stmt body() {
        return body;
    }

    /** {@code for await (...)}. */
    public boolean isAwait() {
        return await;
    }

    @Override
    public List<? extends Node> children() {
        List<Node> out = new ArrayList<>(init);
        if (variable != null) out.add(variable);
        if (iterable != null) out.add(iterable);
        if (condition != null) out.add(condition);
        out.addAll(update);
        out.add(body);
        return out;
    }
}
