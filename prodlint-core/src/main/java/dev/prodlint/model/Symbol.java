package dev.prodlint.model;

import dev.prodlint.model.expr.Expr;

/**
 * What a name refers to, as name resolution found it. A symbol is shared by every reference to the
 * same declaration, so identity comparison tells whether two names are the same variable.
 */
public final class Symbol {
    public enum Kind { LOCAL, PARAMETER, FIELD, IMPORT, FUNCTION, CLASS }

    private final String name;
    private final Kind kind;
    private final Node declaration;
    private final TypeRef declaredType;
    private final Expr initializer;
    private final Import importedFrom;
    private final boolean constant;

    public Symbol(String name, Kind kind, Node declaration, TypeRef declaredType, Expr initializer,
                  Import importedFrom, boolean constant) {
        this.name = name;
        this.kind = kind;
        this.declaration = declaration;
        this.declaredType = declaredType;
        this.initializer = initializer;
        this.importedFrom = importedFrom;
        this.constant = constant;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public Node declaration() {
        return declaration;
    }

    /** The declared type, or null when none was written. */
    public TypeRef declaredType() {
        return declaredType;
    }

    /** The initializer of a variable or field, or null. */
    public Expr initializer() {
        return initializer;
    }

    /** For imports, where the name comes from. */
    public Import importedFrom() {
        return importedFrom;
    }

    /** {@code const} in JavaScript, {@code final} in Java. */
    public boolean isConstant() {
        return constant;
    }

    @Override
    public String toString() {
        return kind + " " + name;
    }
}
