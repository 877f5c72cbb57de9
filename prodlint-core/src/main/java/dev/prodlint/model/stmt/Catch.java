package dev.prodlint.model.stmt;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import dev.prodlint.model.TypeRef;
import dev.prodlint.model.expr.Expr;
import java.util.ArrayList;
import java.util.List;

/** A catch clause. No types means it catches everything (JavaScript); Java lists its types. */
public final class Catch extends Node {
    private final Expr param;
    private final List<TypeRef> types;
    private final Block body;

    public Catch(SourceRange range, Expr param, List<TypeRef> types, Block body) {
        super(range);
        this.param = param;
        this.types = List.copyOf(types);
        this.body = body;
    }

    /** The bound error, or null for {@code catch {}}. */
    public Expr param() {
        return param;
    }

    public List<TypeRef> types() {
        return types;
    }

    public Block body() {
        return body;
    }

    /** True when this clause catches any exception a call can throw. */
    public boolean catchesAll() {
        if (types.isEmpty()) return true;
        for (TypeRef t : types) {
            String n = t.simpleName();
            if (n.equals("Throwable") || n.equals("Exception") || n.equals("RuntimeException")) return true;
        }
        return false;
    }

    @Override
    public List<? extends Node> children() {
        List<Node> out = new ArrayList<>(2);
        if (param != null) out.add(param);
        out.add(body);
        return out;
    }
}
