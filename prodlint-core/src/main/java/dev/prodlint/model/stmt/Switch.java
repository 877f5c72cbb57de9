package dev.prodlint.model.stmt;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import dev.prodlint.model.expr.Expr;
import java.util.ArrayList;
import java.util.List;

/** {@code switch (subject) { case ...: ... }}; cases fall through unless they break. */
public final class Switch extends Stmt {
    private final Expr subject;
    private final List<SwitchCase> cases;

    public Switch(SourceRange range, Expr subject, List<SwitchCase> cases) {
        super(range);
        this.subject = subject;
        this.cases = List.copyOf(cases);
    }

    public Expr subject() {
        return subject;
    }

    public List<SwitchCase> cases() {
        return cases;
    }

    @Override
    public List<? extends Node> children() {
        List<Node> out = new ArrayList<>();
        out.add(subject);
        out.addAll(cases);
        return out;
    }
}
