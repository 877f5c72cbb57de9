package dev.prodlint.model.stmt;

import dev.prodlint.model.ClassDecl;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import java.util.List;

/** A function or class declared as a statement (top-level or local); exactly one of the two is set. */
public final class Declaration extends Stmt {
    private final FunctionDecl function;
    private final ClassDecl classDecl;

    public Declaration(SourceRange range, FunctionDecl function, ClassDecl classDecl) {
        super(range);
        this.function = function;
        this.classDecl = classDecl;
    }

    public FunctionDecl function() {
        return function;
    }

    public ClassDecl classDecl() {
        return classDecl;
    }

    @Override
    public List<? extends Node> children() {
        return List.of(function != null ? function : classDecl);
    }
}
