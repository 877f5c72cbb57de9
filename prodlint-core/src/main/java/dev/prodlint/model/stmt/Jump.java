package dev.prodlint.model.stmt;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import java.util.List;

/** {@code break} or {@code continue}, with an optional label. */
public final class Jump extends Stmt {
    public enum Kind { BREAK, CONTINUE }

    private final Kind kind;
    private final String label;

    public Jump(SourceRange range, Kind kind, String label) {
        super(range);
        this.kind = kind;
        this.label = label;
    }

    public Kind kind() {
        return kind;
    }

    public String label() {
        return label;
    }

    @Override
    public List<? extends Node> children() {
        return List.of();
    }
}
