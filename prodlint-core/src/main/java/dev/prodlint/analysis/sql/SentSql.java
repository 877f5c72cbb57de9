package dev.prodlint.analysis.sql;

import dev.prodlint.analysis.CallClassifier.CallMatch;
import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.analysis.lifecycle.Callbacks;
import dev.prodlint.analysis.request.DataSinks;
import dev.prodlint.apimodel.MethodModel;
import dev.prodlint.model.Language;
import dev.prodlint.model.Node;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.ArrayLit;
import dev.prodlint.model.expr.Binary;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Lambda;
import dev.prodlint.model.expr.Literal;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.New;
import dev.prodlint.model.expr.ObjectLit;
import dev.prodlint.model.expr.OtherExpr;
import dev.prodlint.model.expr.Property;
import dev.prodlint.model.expr.Template;
import dev.prodlint.rules.Snippets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL text a call sends, with its template values marked, and the values bound to its
 * placeholders: {@code db.query('... $1', [id])}, {@code jdbc.update("... ?", a, b)}, a prepared
 * statement's {@code setLong(1, id)}, {@code :name} bindings, a tagged template.
 *
 * @param inline the template's (or concatenation's) values, in order: placeholder {@code tN}
 * @param bindings the positional values: {@code $1}/{@code ?1} and {@code ?}
 * @param named the {@code :name} values
 */
public record SentSql(Expr site, String text, List<Expr> inline, List<Expr> bindings, Map<String, Expr> named) {

    /** The SQL of a call whose API model row names its SQL argument; null when there is none or its text is not known. */
    public static SentSql of(ModuleContext ctx, Call c) {
        Optional<CallMatch> match = ctx.calls().classify(c);
        if (match.isEmpty() || match.get().method().sqlArg() == null) return null;
        return of(ctx, c, match.get().method());
    }

    public static SentSql of(ModuleContext ctx, Call c, MethodModel m) {
        int si = m.sqlArg();
        if (si >= c.args().size()) return null;
        List<Expr> inline = new ArrayList<>();
        String text = text(c.arg(si), inline, 0);
        if (text == null) return null;
        return new SentSql(c, text, inline, bindings(ctx, c, m, si), namedBindings(c, si));
    }

    /** A tagged template: sql`UPDATE users SET bio = ${bio}`. */
    public static SentSql ofTemplate(Template t) {
        List<Expr> inline = new ArrayList<>();
        String text = text(t, inline, 0);
        return text == null ? null : new SentSql(t, text, inline, List.of(), Map.of());
    }

    /** Text alone (a JPA query's string): no bindings. */
    public static String textOf(Expr e) {
        return text(e, new ArrayList<>(), 0);
    }

    public Optional<SqlShape> shape() {
        return SqlText.shape(text);
    }

    /** The value bound to a placeholder ({@code d1}, {@code q0}, {@code t2}, {@code nname}), or null. */
    public Expr valueOf(String key) {
        return valueOf(key, inline, bindings, named);
    }

    private static Expr valueOf(String key, List<Expr> inline, List<Expr> bindings, Map<String, Expr> named) {
        if (key.isEmpty()) return null;
        char k = key.charAt(0);
        String rest = key.substring(1);
        try {
            if (k == 't') {
                int i = Integer.parseInt(rest);
                return i < inline.size() ? inline.get(i) : null;
            }
            if (k == 'd') {
                int i = Integer.parseInt(rest) - 1;
                return i >= 0 && i < bindings.size() ? bindings.get(i) : null;
            }
            if (k == 'q') {
                int i = Integer.parseInt(rest);
                return i < bindings.size() ? bindings.get(i) : null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        if (k == 'n') return named.get(rest);
        return null;
    }

    /** The SQL text, with a template's values (and concatenated expressions) marked for {@link SqlText}. */
    static String text(Expr e, List<Expr> inline, int depth) {
        if (e == null || depth > 8) return null;
        Expr u = e.unwrap();
        String s = Callbacks.stringOf(u);
        if (s != null) return s;
        if (u instanceof Template t) {
            StringBuilder sb = new StringBuilder(t.quasis().get(0));
            for (int i = 0; i < t.exprs().size(); i++) {
                sb.append(SqlText.VALUE_MARK).append('t').append(inline.size()).append(SqlText.VALUE_MARK);
                inline.add(t.exprs().get(i));
                sb.append(t.quasis().get(i + 1));
            }
            return sb.toString();
        }
        if (u instanceof Binary b && b.op().equals("+")) {
            String l = text(b.left(), inline, depth + 1);
            String r = text(b.right(), inline, depth + 1);
            if (l == null && r == null) return null;
            if (l == null) {
                l = String.valueOf(SqlText.VALUE_MARK) + 't' + inline.size() + SqlText.VALUE_MARK;
                inline.add(b.left());
            }
            if (r == null) {
                r = String.valueOf(SqlText.VALUE_MARK) + 't' + inline.size() + SqlText.VALUE_MARK;
                inline.add(b.right());
            }
            return l + r;
        }
        if (u instanceof Name n && n.symbol() != null && n.symbol().isConstant() && n.symbol().initializer() != null) {
            return text(n.symbol().initializer(), inline, depth + 1);
        }
        return null;
    }

    /** [a, b] after the SQL (or the model's paramsArg); Java: the varargs after it, leaving out row mappers and classes. */
    private static List<Expr> bindings(ModuleContext ctx, Call c, MethodModel m, int si) {
        List<Expr> out = new ArrayList<>();
        int pi = m.paramsArg() != null ? m.paramsArg() : si + 1;
        if (ctx.module().language() == Language.JAVA) {
            List<Expr> statement = preparedBindings(c);
            if (statement != null) return statement;
            for (int i = pi; i < c.args().size(); i++) {
                Expr a = c.arg(i).unwrap();
                if (a instanceof Lambda || a instanceof OtherExpr o && (o.kind().startsWith("method-reference") || o.kind().contains("class"))) continue;
                if (a instanceof New nw && nw.type() != null && (nw.type().simpleName().contains("Mapper") || nw.type().simpleName().contains("Extractor")
                        || nw.type().simpleName().contains("Callback") || nw.type().simpleName().contains("Handler"))) continue;
                if (a instanceof New nw && nw.type() != null && nw.type().simpleName().equals("Object") || a instanceof ArrayLit) {
                    out.addAll(elements(a));
                    continue;
                }
                String code = Snippets.code(ctx.module(), a);
                if (code.endsWith(".class") || code.endsWith("Mapper") || code.endsWith("MAPPER") || code.endsWith("Extractor")) continue;
                out.add(a);
            }
            return out;
        }
        if (pi >= c.args().size()) return out;
        Expr a = c.arg(pi).unwrap();
        if (a instanceof Name n && n.symbol() != null && n.symbol().initializer() != null && n.symbol().initializer().unwrap() instanceof ArrayLit arr) a = arr;
        if (a instanceof ArrayLit) out.addAll(elements(a));
        return out;
    }

    /** JDBC: ps = conn.prepareStatement(sql); ps.setLong(1, id): the values set by index, or null for another call. */
    private static List<Expr> preparedBindings(Call c) {
        if (!"prepareStatement".equals(c.methodName()) && !"prepareCall".equals(c.methodName())) return null;
        Symbol held = null;
        if (c.parent() instanceof dev.prodlint.model.stmt.VarDecl v && v.target() instanceof Name n) held = n.symbol();
        else if (c.parent() instanceof dev.prodlint.model.expr.Assign a && a.target().unwrap() instanceof Name n) held = n.symbol();
        dev.prodlint.model.FunctionDecl f = c.enclosingFunction();
        List<Expr> out = new ArrayList<>();
        if (held == null || f == null || f.body() == null) return out;
        Symbol ps = held;
        Map<Integer, Expr> byIndex = new java.util.TreeMap<>();
        f.body().walk(n -> {
            if (n instanceof Call set && set.methodName() != null && set.methodName().startsWith("set") && set.args().size() >= 2
                    && set.receiver() != null && set.receiver().unwrap() instanceof Name r && r.symbol() == ps
                    && set.arg(0).unwrap() instanceof Literal l && l.kind() == Literal.Kind.NUMBER) {
                try {
                    byIndex.putIfAbsent(Integer.parseInt(l.value()), set.arg(1));
                } catch (NumberFormatException e) {
                    // setObject(i + 1, x): not a fixed index
                }
            }
        });
        for (Map.Entry<Integer, Expr> e : byIndex.entrySet()) {
            while (out.size() < e.getKey() - 1) out.add(null);
            out.add(e.getValue());
        }
        return out;
    }

    private static List<Expr> elements(Expr a) {
        List<Expr> out = new ArrayList<>();
        if (a instanceof ArrayLit arr) {
            for (Expr x : arr.elements()) if (x != null) out.add(x);
        } else if (a instanceof New nw) {
            for (Node ch : nw.children()) {
                if (ch instanceof ArrayLit arr) out.addAll(elements(arr));
            }
            out.addAll(nw.args());
        }
        return out;
    }

    /** knex.raw(sql, { userId }) and Java's Map.of("userId", x) bindings for :name placeholders. */
    private static Map<String, Expr> namedBindings(Call c, int si) {
        Map<String, Expr> out = new HashMap<>();
        for (int i = si + 1; i < c.args().size(); i++) {
            ObjectLit o = DataSinks.literal(c.arg(i));
            if (o != null) {
                for (Property p : o.properties()) if (p.key() != null && p.value() != null) out.put(p.key(), p.value());
            }
            if (c.arg(i).unwrap() instanceof Call m && m.args().size() % 2 == 0 && List.of("of", "addValue").contains(m.methodName())) {
                for (int k = 0; k + 1 < m.args().size(); k += 2) {
                    String key = Callbacks.stringOf(m.arg(k));
                    if (key != null) out.put(key, m.arg(k + 1));
                }
            }
        }
        return out;
    }
}
