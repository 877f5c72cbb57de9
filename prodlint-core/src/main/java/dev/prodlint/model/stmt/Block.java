package dev.prodlint.model.stmt;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import java.util.List;

/** A sequence of statements. */
public final class Block extends Stmt {
    private final List<Stmt> statements;

    public Block(SourceRange range, List<Stmt> statements) {
        super(range);
        this.statements = List.copyOf(statements);
    }

    public List<Stmt> statements() {
        return statements;
    }

    @Override
    public List<? extends Node> children() {
        return statements;
    }
}
