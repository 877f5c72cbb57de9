package dev.prodlint.model;

import dev.prodlint.model.expr.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A field or class property, with its declared type, annotations and initializer. */
public final class FieldDecl extends Node {
    private final String name;
    private final TypeRef type;
    private final Expr initializer;
    private final List<Annotation> annotations;
    private final Set<String> modifiers;

    public FieldDecl(SourceRange range, String name, TypeRef type, Expr initializer,
                     List<Annotation> annotations, Set<String> modifiers) {
        super(range);
        this.name = name;
        this.type = type;
        this.initializer = initializer;
        this.annotations = List.copyOf(annotations);
        this.modifiers = Set.copyOf(modifiers);
    }

    public String name() {
        return name;
    }

    public TypeRef type() {
        return type;
    }

    public Expr initializer() {
        return initializer;
    }

    public List<Annotation> annotations() {
        return annotations;
    }

    public Set<String> modifiers() {
        return modifiers;
    }

    public boolean isStatic() {
        return modifiers.contains("static");
    }

    @Override
    public List<? extends Node> children() {
        List<Node> out = new ArrayList<>(annotations);
        if (initializer != null) out.add(initializer);
        return out;
    }
}
