package dev.prodlint.model.expr;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import dev.prodlint.model.Symbol;
import java.util.List;

/** An identifier, as a reference or as a binding target; name resolution sets its symbol. */
public final class Name extends Expr {
    private final String id;
    private Symbol symbol;

    public Name(SourceRange range, String id) {
        super(range);
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The resolved declaration, or null for globals and names resolution could not place. */
    public Symbol symbol() {
        return symbol;
    }

    public void bind(Symbol s) {
        this.symbol = s;
    }

    @Override
    public List<? extends Node> children() {
        return List.of();
    }
}
