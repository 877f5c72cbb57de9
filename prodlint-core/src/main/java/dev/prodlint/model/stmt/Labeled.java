package dev.prodlint.model.stmt;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import java.util.List;

/** {@code label: body}. */
public final class Labeled extends Stmt {
    private final String label;
    private final Stmt body;

    public Labeled(SourceRange range, String label, Stmt body) {
        super(range);
        this.label = label;
        this.body = body;
    }

    public String label() {
        return label;
    }

    public Stmt body() {
        return body;
    }

    @Override
    public List<? extends Node> children() {
        return List.of(body);
    }
}
