package dev.prodlint.model.expr;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import dev.prodlint.model.TypeRef;
import java.util.List;

/** A type assertion that does not change the value: Java cast, TS {@code as}, {@code satisfies}, {@code x!}, parentheses. */
public final class Cast extends Expr {
    private final TypeRef type;
    private final Expr operand;

    public Cast(SourceRange range, TypeRef type, Expr operand) {
        super(range);
        this.type = type;
        this.operand = operand;
    }

    /** The asserted type, or null for non-null assertions and parentheses. */
    public TypeRef type() {
        return type;
    }

    public Expr operand() {
        return operand;
    }

    @Override
    public List<? extends Node> children() {
        return List.of(operand);
    }
}
