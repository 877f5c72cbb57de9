package dev.prodlint.model.expr;

import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import java.util.List;

/** A function used as a value: arrow function, function expression, Java lambda or method reference body. */
public final class Lambda extends Expr {
    private final FunctionDecl function;

    public Lambda(SourceRange range, FunctionDecl function) {
        super(range);
        this.function = function;
    }

    public FunctionDecl function() {
        return function;
    }

    @Override
    public List<? extends Node> children() {
        return List.of(function);
    }
}
