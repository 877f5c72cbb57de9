package dev.prodlint.model;

import dev.prodlint.model.expr.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Java annotation or a TypeScript decorator: {@code @Cacheable(value = "x", sync = true)}, {@code @Body()}. */
public final class Annotation extends Node {
    private final String name;
    private final Map<String, Expr> arguments;

    /** @param arguments named arguments in order; a single positional argument is named "value". */
    public Annotation(SourceRange range, String name, Map<String, Expr> arguments) {
        super(range);
        this.name = name;
        this.arguments = arguments;
    }

    public String name() {
        return name;
    }

    public String simpleName() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    public Map<String, Expr> arguments() {
        return arguments;
    }

    @Override
    public List<? extends Node> children() {
        return new ArrayList<>(arguments.values());
    }
}
