package dev.prodlint.model.expr;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import java.util.ArrayList;
import java.util.List;

/**
 * A template string: text parts interleaved with expressions (quasis.size() == exprs.size() + 1).
 * Tagged templates keep their tag (e.g. {@code sql`...`}).
 */
public final class Template extends Expr {
    private final Expr tag;
    private final List<String> quasis;
    private final List<Expr> exprs;

    public Template(SourceRange range, Expr tag, List<String> quasis, List<Expr> exprs) {
        super(range);
        this.tag = tag;
        this.quasis = List.copyOf(quasis);
        this.exprs = List.copyOf(exprs);
    }

    public Expr tag() {
        return tag;
    }

    public List<String> quasis() {
        return quasis;
    }

    public List<Expr> exprs() {
        return exprs;
    }

    /** The text with each expression replaced by {@code placeholder}, e.g. "?" for SQL. */
    public String textWith(String placeholder) {
        StringBuilder sb = new StringBuilder(quasis.get(0));
        for (int i = 1; i < quasis.size(); i++) sb.append(placeholder).append(quasis.get(i));
        return sb.toString();
    }

    @Override
    public List<? extends Node> children() {
        List<Node> out = new ArrayList<>();
        if (tag != null) out.add(tag);
        out.addAll(exprs);
        return out;
    }
}
