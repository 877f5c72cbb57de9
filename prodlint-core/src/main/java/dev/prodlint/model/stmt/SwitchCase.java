package dev.prodlint.model.stmt;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import dev.prodlint.model.expr.Expr;
import java.util.ArrayList;
import java.util.List;

/** One case of a switch; no labels means {@code default}. Java arrow cases do not fall through. */
public final class SwitchCase extends Node {
    private final List<Expr> labels;
    private final List<Stmt> body;
    private final boolean arrow;

    public SwitchCase(SourceRange range, List<Expr> labels, List<Stmt> body, boolean arrow) {
        super(range);
        this.labels = List.copyOf(labels);
        this.body = List.copyOf(body);
        this.arrow = arrow;
    }

    public List<Expr> labels() {
        return labels;
    }

    public List<Stmt> body() {
        return body;
    }

    public boolean isDefault() {
        return labels.isEmpty();
    }

    public boolean isArrow() {
        return arrow;
    }

    @Override
    public List<? extends Node> children() {
        List<Node> out = new ArrayList<>(labels);
        out.addAll(body);
        return out;
    }
}
