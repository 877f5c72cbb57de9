package dev.prodlint.model.stmt;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;

/** A statement. */
public abstract class Stmt extends Node {
    protected Stmt(SourceRange range) {
        super(range);
    }
}
