package dev.prodlint.model.expr;

import dev.prodlint.model.ClassDecl;
import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import dev.prodlint.model.TypeRef;
import java.util.ArrayList;
import java.util.List;

/** {@code new T(args)}; Java anonymous classes keep their body. */
public final class New extends Expr {
    private final Expr callee;
    private final TypeRef type;
    private final List<Expr> args;
    private final ClassDecl body;

    public New(SourceRange range, Expr callee, TypeRef type, List<Expr> args, ClassDecl body) {
        super(range);
        this.callee = callee;
        this.type = type;
        this.args = List.copyOf(args);
        this.body = body;
    }

    /** The constructor expression ({@code Pool}, {@code pg.Pool}); may be null for Java. */
    public Expr callee() {
        return callee;
    }

    public TypeRef type() {
        return type;
    }

    public List<Expr> args() {
        return args;
    }

    public ClassDecl body() {
        return body;
    }

    @Override
    public List<? extends Node> children() {
        List<Node> out = new ArrayList<>();
        if (callee != null) out.add(callee);
        out.addAll(args);
        if (body != null) out.add(body);
        return out;
    }
}
