package dev.prodlint.rules;

import dev.prodlint.model.SourceModule;
import dev.prodlint.model.expr.Call;

/** Short source excerpts for messages: {@code pool.connect()}, {@code client.query(...)}. */
public final class Snippets {
    private static final int MAX = 60;

    private Snippets() {
    }

    /** A node's source text on one line, shortened. */
    public static String code(SourceModule m, dev.prodlint.model.Node n) {
        String text = m.text().slice(n.range()).replaceAll("\\s+", " ").strip();
        return text.length() > MAX ? text.substring(0, MAX) + "..." : text;
    }

    /** The callee as written, with "()" or "(...)" for the arguments. */
    public static String call(SourceModule m, Call c) {
        String callee = m.text().slice(c.callee().range()).replaceAll("\\s+", "");
        if (callee.length() > MAX) callee = "..." + callee.substring(callee.length() - MAX);
        return callee + (c.args().isEmpty() ? "()" : "(...)");
    }
}
