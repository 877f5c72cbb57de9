package dev.prodlint.model.expr;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import java.util.ArrayList;
import java.util.List;

/** A call {@code callee(args)}; a method call has a {@link Member} callee. */
public final class Call extends Expr {
    private final Expr callee;
    private final List<Expr> args;
    private final boolean optional;

    public Call(SourceRange range, Expr callee, List<Expr> args, boolean optional) {
        super(range);
        this.callee = callee;
        this.args = List.copyOf(args);
        this.optional = optional;
    }

    public Expr callee() {
        return callee;
    }

    public List<Expr> args() {
        return args;
    }

    public Expr arg(int i) {
        return i < args.size() ? args.get(i) : null;
    }

    /** {@code a?.()} or a call through an optional member. */
    public boolean isOptional() {
        return optional;
    }

    /** The receiver of a method call ({@code pool} in {@code pool.connect()}), else null. */
    public Expr receiver() {
        return callee.unwrap() instanceof Member m ? m.object() : null;
    }

    /** The called method's or function's simple name, or null for computed callees. */
    public String methodName() {
        Expr c = callee.unwrap();
        if (c instanceof Member m) return m.property();
        if (c instanceof Name n) return n.id();
        return null;
    }

    @Override
    public List<? extends Node> children() {
        List<Node> out = new ArrayList<>(args.size() + 1);
        out.add(callee);
        out.addAll(args);
        return out;
    }
}
