package dev.prodlint.model.stmt;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import java.util.ArrayList;
import java.util.List;

/**
 * try/catch/finally. {@link #resources()} are Java try-with-resources declarations (VarDecl, or an
 * ExprStmt naming an existing variable): closed automatically when the try ends, however it ends.
 */
public final class Try extends Stmt {
    private final List<Stmt> resources;
    private final Block body;
    private final List<Catch> catches;
    private final Block finalizer;

    public Try(SourceRange range, List<Stmt> resources, Block body, List<Catch> catches, Block finalizer) {
        super(range);
        this.resources = List.copyOf(resources);
        this.body = body;
        this.catches = List.copyOf(catches);
        this.finalizer = finalizer;
    }

    public List<Stmt> resources() {
        return resources;
    }

    public Block body() {
        return body;
    }

    public List<Catch> catches() {
        return catches;
    }

    public Block finalizer() {
        return finalizer;
    }

    @Override
    public List<? extends Node> children() {
        List<Node> out = new ArrayList<>(resources);
        out.add(body);
        out.addAll(catches);
        if (finalizer != null) out.add(finalizer);
        return out;
    }
}
