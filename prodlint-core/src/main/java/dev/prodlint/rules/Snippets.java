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

    /** A node's source text with all whitespace removed, for comparing expressions as written. */
    public static String compact(SourceModule m, dev.prodlint.model.Node n) {
        return m.text().slice(n.range()).replaceAll("\\s+", "");
    }

    /**
     * A call's callee, short: {@code memberMapper.update}, and for a builder chain its start and the
     * method ({@code db('orders')...del}, {@code new LambdaUpdateWrapper<>()...set}).
     */
    public static String shortCallee(SourceModule m, Call c) {
        if (!(c.callee().unwrap() instanceof dev.prodlint.model.expr.Member mem) || mem.property() == null) return compact(m, c.callee());
        dev.prodlint.model.expr.Expr obj = mem.object().unwrap();
        if (!(obj instanceof Call)) return compact(m, c.callee());
        dev.prodlint.model.expr.Expr root = obj;
        while (root.unwrap() instanceof Call rc && rc.receiver() != null && rc.receiver().unwrap() instanceof Call) root = rc.receiver().unwrap();
        String start = code(m, root);
        if (start.length() > 40) start = start.substring(0, 37) + "...";
        return start + "..." + mem.property();
    }

    /** The callee as written, with "()" or "(...)" for the arguments. */
    public static String call(SourceModule m, Call c) {
        String callee = m.text().slice(c.callee().range()).replaceAll("\\s+", "");
        if (callee.length() > MAX) callee = "..." + callee.substring(callee.length() - MAX);
        return callee + (c.args().isEmpty() ? "()" : "(...)");
    }

    /**
     * Where a call's method name starts: in a chain ({@code builder.connectTimeout(5, s).readTimeout(0, s)})
     * the call's own range starts at the chain's first line, which is not where the reader looks.
     */
    public static dev.prodlint.model.SourceRange nameRange(SourceModule m, Call c) {
        if (!(c.callee() instanceof dev.prodlint.model.expr.Member mem) || mem.object() == null) return c.range();
        String text = m.text().content();
        int from = mem.object().range().endOffset();
        int dot = mem.property() == null ? -1 : text.indexOf("." + mem.property(), from);
        // Comments may sit between the receiver and the dot; the name follows the dot.
        int i = dot >= 0 && dot < c.range().endOffset() ? dot + 1 : from;
        return m.text().range(i, c.range().endOffset());
    }

    /** A database operation as a message names it: its callee, and for SQL the start of the statement. */
    public static String dbOp(SourceModule m, dev.prodlint.analysis.db.DbOp op) {
        String callee = shortCallee(m, op.anchorCall());
        if (op.sql() != null) {
            String sql = op.sql().replaceAll("\\s+", " ").strip();
            if (sql.length() > 48) sql = sql.substring(0, 45) + "...";
            return "`" + callee + "(\"" + sql + "\")`";
        }
        return "`" + callee + "(...)`";
    }
}
