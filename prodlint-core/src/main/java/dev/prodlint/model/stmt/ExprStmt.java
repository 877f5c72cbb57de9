package dev.prodlint.model.stmt;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import dev.prodlint.model.expr.Expr;
import java.util.List;

/** An expression evaluated for its effect. */
public final class ExprStmt extends Stmt {
    private final Expr expr;

    public ExprStmt(SourceRange range, Expr expr) {
        super(range);
        this.expr = expr;
    }

    public Expr expr() {
        return expr;
    }

    @Override
    public List<? extends Node> children() {
        return List.of(expr);
    }
}
