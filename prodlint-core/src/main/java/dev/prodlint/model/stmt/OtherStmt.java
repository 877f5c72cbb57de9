package dev.prodlint.model.stmt;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import java.util.List;

/** A statement with no dedicated node (empty, debugger, assert, type declarations...); keeps its parts. */
public final class OtherStmt extends Stmt {
    private final String kind;
    private final List<Node> parts;

    public OtherStmt(SourceRange range, String kind, List<? extends Node> parts) {
        super(range);
        this.kind = kind;
        this.parts = List.copyOf(parts);
    }

    public String kind() {
        return kind;
    }

    @Override
    public List<? extends Node> children() {
        return parts;
    }
}
