package dev.prodlint.analysis.db;

import dev.prodlint.analysis.lifecycle.Callbacks;
import dev.prodlint.analysis.request.DataSinks;
import dev.prodlint.analysis.sql.SentSql;
import dev.prodlint.analysis.sql.SqlShape.Conflict;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.ObjectLit;
import dev.prodlint.model.expr.Property;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A query-builder chain as one statement: knex, Drizzle and Kysely chains, TypeORM's QueryBuilder,
 * MyBatis-Plus chain wrappers. The method names along the chain say what it does
 * ({@code insert(...).onConflict(...).ignore()}, {@code where('stock', '>=', n).decrement('stock', n)}).
 */
final class BuilderOps {
    private static final Pattern RELATIVE_SQL = Pattern.compile("(?i)\\b(\\w+)\\s*=\\s*\\1\\s*[-+*/]");
    private static final Set<String> BUILDER_INSERT = Set.of("insert", "insertinto", "values", "replaceinto");
    private static final Set<String> BUILDER_UPDATE = Set.of("update", "updatetable", "set");
    private static final Set<String> BUILDER_DELETE = Set.of("del", "delete", "deletefrom");
    private static final Set<String> BUILDER_IGNORE = Set.of("ignore", "onconflictdonothing", "orignore", "donothing", "insertignore");
    private static final Set<String> BUILDER_MERGE = Set.of("merge", "onconflictdoupdate", "orupdate", "doupdateset", "onduplicatekeyupdate", "upsert");
    private static final Set<String> BUILDER_LOCK = Set.of("forupdate", "forshare", "fornokeyupdate", "setlock", "lock", "forkeyshare");
    private static final Set<String> BUILDER_GUARD_OPS = Set.of(">", ">=", "<", "<=", "<>", "!=", "gt", "gte", "lt", "lte", "ne");

    private final DbOps ops;

    BuilderOps(DbOps ops) {
        this.ops = ops;
    }

    DbOp of(Call top, List<Call> calls, FunctionDecl frame) {
        DbOp.Kind kind = DbOp.Kind.READ;
        Conflict conflict = Conflict.NONE;
        boolean lock = false;
        boolean returning = false;
        boolean guarded = false;
        Set<String> relative = new LinkedHashSet<>();
        Map<String, Expr> absolute = new LinkedHashMap<>();
        String table = null;
        Call anchor = top;
        Set<String> columns = new LinkedHashSet<>();
        for (int i = calls.size() - 1; i >= 0; i--) {
            Call c = calls.get(i);
            String n = c.methodName() == null ? "" : c.methodName().toLowerCase(Locale.ROOT);
            if (i == calls.size() - 1 || table == null && Set.of("from", "table", "into", "insertinto", "updatetable", "deletefrom", "selectfrom", "insert", "update", "delete").contains(n)) {
                String t = tableArg(c);
                if (t != null) table = t;
            }
            if (BUILDER_INSERT.contains(n)) {
                if (kind != DbOp.Kind.UPDATE) kind = DbOp.Kind.INSERT;
                anchor = c;
                if (!c.args().isEmpty()) {
                    ObjectLit vals = DataSinks.literal(c.arg(0));
                    if (vals != null) for (Property p : vals.properties()) if (p.key() != null) columns.add(p.key());
                }
            } else if (BUILDER_UPDATE.contains(n)) {
                kind = DbOp.Kind.UPDATE;
                anchor = c;
                if (!c.args().isEmpty()) ops.dataProps(c.arg(0), relative, absolute);
            } else if (BUILDER_DELETE.contains(n)) {
                kind = DbOp.Kind.DELETE;
                anchor = c;
            } else if (n.equals("increment") || n.equals("decrement")) {
                kind = DbOp.Kind.INCREMENT;
                anchor = c;
                String col = c.args().isEmpty() ? null : Callbacks.stringOf(c.arg(0));
                relative.add(col == null ? "?" : col);
            } else if (n.equals("setsql") && !c.args().isEmpty()) {
                // MyBatis-Plus update().setSql("stock = stock - 1")
                kind = DbOp.Kind.UPDATE;
                String text = SentSql.textOf(c.arg(0));
                if (text != null && RELATIVE_SQL.matcher(text).find()) relative.add(column(RELATIVE_SQL.matcher(text)));
            } else if (BUILDER_IGNORE.contains(n) || n.equals("onconflict") && c.args().stream().anyMatch(a -> ops.text(a).contains("doNothing"))) {
                conflict = Conflict.DO_NOTHING;
            } else if (BUILDER_MERGE.contains(n) || n.equals("onconflict") && c.args().stream().anyMatch(a -> ops.text(a).contains("doUpdate"))) {
                conflict = Conflict.DO_UPDATE;
            } else if (BUILDER_LOCK.contains(n)) {
                lock = true;
            } else if (n.startsWith("returning")) {
                returning = true;
            } else if ((n.equals("wherein") || n.equals("andwherein")) && !c.args().isEmpty() && Callbacks.stringOf(c.arg(0)) != null) {
                columns.add(Callbacks.stringOf(c.arg(0)));
            } else if (n.equals("where") || n.equals("andwhere") || n.equals("gt") || n.equals("ge") || n.equals("lt") || n.equals("le")
                    || n.equals("ne") || n.equals("apply")) {
                if (!c.args().isEmpty()) {
                    ObjectLit w = DataSinks.literal(c.arg(0));
                    if (w != null) for (Property p : w.properties()) if (p.key() != null) columns.add(p.key());
                    String col = Callbacks.stringOf(c.arg(0));
                    if (col != null) columns.add(col);
                }
                if (!n.startsWith("where") && !n.equals("andwhere")) guarded = true;
                else if (c.args().size() >= 3 && BUILDER_GUARD_OPS.contains(String.valueOf(Callbacks.stringOf(c.arg(1))))) guarded = true;
                else if (!c.args().isEmpty() && DbOps.whereGuards(c.arg(0))) guarded = true;
            }
        }
        if (kind == DbOp.Kind.INSERT && conflict == Conflict.DO_UPDATE) kind = DbOp.Kind.UPSERT;
        if (kind == DbOp.Kind.READ && !awaitedOrUsed(top)) return null;
        return new DbOp(top, anchor, kind, DbOps.norm(table), lock, conflict, returning, relative, absolute, guarded, false, "builder", frame, null, columns);
    }

    private static String column(java.util.regex.Matcher m) {
        return m.find(0) ? m.group(1) : "?";
    }

    /** knex('likes'), db.insert(likes), insertInto('likes'), from(posts). */
    private static String tableArg(Call c) {
        if (c.args().isEmpty()) return null;
        String s = Callbacks.stringOf(c.arg(0));
        if (s != null) return s.split("\\s")[0];
        Expr a = c.arg(0).unwrap();
        if (a instanceof Name n) return n.id();
        if (a instanceof Member m && m.property() != null) return m.property();
        return null;
    }

    private static boolean awaitedOrUsed(Call top) {
        return top.parent() instanceof dev.prodlint.model.expr.Await || top.parent() instanceof dev.prodlint.model.stmt.VarDecl
                || top.parent() instanceof dev.prodlint.model.stmt.Return;
    }
}
