package dev.prodlint.model.stmt;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import dev.prodlint.model.expr.Expr;
import java.util.List;

/** Java {@code synchronized (lock) { body }}. */
public final class Synchronized extends Stmt {
    private final Expr lock;
    private final Block body;

    public Synchronized(SourceRange range, Expr lock, Block body) {
        super(range);
        this.lock = lock;
        this.body = body;
    }

    public Expr lock() {
        return lock;
    }

    public Block body() {
        return body;
    }

    @Override
    public List<? extends Node> children() {
        return List.of(lock, body);
    }
}
