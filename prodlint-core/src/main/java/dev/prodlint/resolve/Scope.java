package dev.prodlint.resolve;

import dev.prodlint.model.Symbol;
import java.util.HashMap;
import java.util.Map;

/** A lexical scope: the names declared in it and the enclosing scope. */
final class Scope {
    private final Scope parent;
    private final Map<String, Symbol> symbols = new HashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    Scope parent() {
        return parent;
    }

    void declare(Symbol s) {
        symbols.put(s.name(), s);
    }

    Symbol lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Symbol found = s.symbols.get(name);
            if (found != null) return found;
        }
        return null;
    }
}
