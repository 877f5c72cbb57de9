package dev.prodlint.model;

import java.util.List;

/**
 * A type as written in the source ({@code Pool}, {@code pg.PoolClient}, {@code java.sql.Connection}),
 * with its type arguments. {@link #resolved} is filled by name resolution with a qualified id:
 * {@code module#Export} for JavaScript modules, the fully qualified name for Java.
 */
public final class TypeRef {
    private final String name;
    private final List<TypeRef> arguments;
    private String resolved;

    public TypeRef(String name, List<TypeRef> arguments) {
        this.name = name;
        this.arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }

    public static TypeRef of(String name) {
        return new TypeRef(name, List.of());
    }

    public String name() {
        return name;
    }

    public String simpleName() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    public List<TypeRef> arguments() {
        return arguments;
    }

    public String resolved() {
        return resolved;
    }

    public void resolveTo(String qualified) {
        this.resolved = qualified;
    }

    @Override
    public String toString() {
        return resolved != null ? resolved : name;
    }
}
