package dev.prodlint.model.expr;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import java.util.List;

/** A literal. A string's value is its decoded content, without quotes. */
public final class Literal extends Expr {
    public enum Kind { STRING, NUMBER, BOOLEAN, NULL, UNDEFINED, REGEX, CHAR, OTHER }

    private final Kind kind;
    private final String value;

    public Literal(SourceRange range, Kind kind, String value) {
        super(range);
        this.kind = kind;
        this.value = value;
    }

    public Kind kind() {
        return kind;
    }

    public String value() {
        return value;
    }

    public boolean isString() {
        return kind == Kind.STRING;
    }

    public boolean isNullish() {
        return kind == Kind.NULL || kind == Kind.UNDEFINED;
    }

    @Override
    public List<? extends Node> children() {
        return List.of();
    }
}
