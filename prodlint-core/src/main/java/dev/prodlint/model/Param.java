package dev.prodlint.model;

import dev.prodlint.model.expr.Expr;
import java.util.ArrayList;
import java.util.List;

/** A function parameter; its target is a {@code Name} or a destructuring pattern. */
public final class Param extends Node {
    private final Expr target;
    private final TypeRef type;
    private final Expr defaultValue;
    private final List<Annotation> annotations;
    private final boolean rest;

    public Param(SourceRange range, Expr target, TypeRef type, Expr defaultValue,
                 List<Annotation> annotations, boolean rest) {
        super(range);
        this.target = target;
        this.type = type;
        this.defaultValue = defaultValue;
        this.annotations = List.copyOf(annotations);
        this.rest = rest;
    }

    public Expr target() {
        return target;
    }

    /** The parameter's name when it is a plain name, else null. */
    public String name() {
        return target instanceof dev.prodlint.model.expr.Name n ? n.id() : null;
    }

    public TypeRef type() {
        return type;
    }

    public Expr defaultValue() {
        return defaultValue;
    }

    public List<Annotation> annotations() {
        return annotations;
    }

    public boolean isRest() {
        return rest;
    }

    @Override
    public List<? extends Node> children() {
        List<Node> out = new ArrayList<>(annotations);
        out.add(target);
        if (defaultValue != null) out.add(defaultValue);
        return out;
    }
}
