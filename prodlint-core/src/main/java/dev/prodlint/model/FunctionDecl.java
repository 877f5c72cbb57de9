package dev.prodlint.model;

import dev.prodlint.model.stmt.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A function of any form: declaration, method, constructor, arrow function, function expression,
 * lambda. An arrow or lambda with an expression body is lowered to a block holding one return.
 */
public final class FunctionDecl extends Node {
    public enum Kind { FUNCTION, METHOD, CONSTRUCTOR, ARROW, LAMBDA, MODULE_BODY }

    private final Kind kind;
    private final String name;
    private final List<Param> params;
    private final Block body;
    private final boolean async;
    private final List<Annotation> annotations;
    private final Set<String> modifiers;
    private final TypeRef returnType;

    public FunctionDecl(SourceRange range, Kind kind, String name, List<Param> params, Block body,
                        boolean async, List<Annotation> annotations, Set<String> modifiers,
                        TypeRef returnType) {
        super(range);
        this.kind = kind;
        this.name = name;
        this.params = List.copyOf(params);
        this.body = body;
        this.async = async;
        this.annotations = List.copyOf(annotations);
        this.modifiers = Set.copyOf(modifiers);
        this.returnType = returnType;
    }

    public Kind kind() {
        return kind;
    }

    /** The declared name, or for an anonymous function the name it is assigned to; may be null. */
    public String name() {
        return name;
    }

    public String displayName() {
        return name != null ? name : "<anonymous>";
    }

    /** The report name of the function {@code n} is in, or null at module level. */
    public static String reportNameOf(Node n) {
        FunctionDecl f = n instanceof FunctionDecl self ? self : n.enclosingFunction();
        return f == null ? null : f.reportName();
    }

    /** The name findings give: this function's, or for a callback the nearest named function around it. */
    public String reportName() {
        FunctionDecl f = this;
        while (f.name == null && f.enclosingFunction() != null) f = f.enclosingFunction();
        return f.displayName();
    }

    public List<Param> params() {
        return params;
    }

    /** The body; null for abstract and interface methods and overload signatures. */
    public Block body() {
        return body;
    }

    public boolean isAsync() {
        return async;
    }

    public List<Annotation> annotations() {
        return annotations;
    }

    public Set<String> modifiers() {
        return modifiers;
    }

    public TypeRef returnType() {
        return returnType;
    }

    /** The class this function is a method of, or null. */
    public ClassDecl owner() {
        return parent() instanceof ClassDecl c ? c : null;
    }

    @Override
    public List<? extends Node> children() {
        List<Node> out = new ArrayList<>(annotations);
        out.addAll(params);
        if (body != null) out.add(body);
        return out;
    }
}
