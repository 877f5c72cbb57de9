package dev.prodlint.analysis.sql;

import dev.prodlint.analysis.sql.SqlShape.Kind;
import dev.prodlint.analysis.sql.SqlShape.Slot;
import dev.prodlint.analysis.sql.SqlShape.Use;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.statement.insert.ConflictActionType;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.ForMode;
import net.sf.jsqlparser.statement.upsert.Upsert;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import dev.prodlint.analysis.sql.SqlShape.Conflict;
import dev.prodlint.analysis.sql.SqlShape.Lock;

/**
 * Parses the SQL a call sends, with its placeholders ($1, ?, :name, a template's ${...}) turned
 * into named markers so each can be traced back to the value bound to it. Text the parser does not
 * accept yields no shape, never a guess.
 */
public final class SqlText {
    /** Marks a template's interpolated values in the text handed to {@link #shape}: {@code \u0000t0\u0000}. */
    public static final char VALUE_MARK = '\u0000';
    private static final String PREFIX = "__pl_";
    private static final Pattern MARKER = Pattern.compile(":" + PREFIX + "(\\w+)");
    private static final int MAX_LENGTH = 20_000;
    /** JSqlParser bounds each parse with a timeout on another thread; one shared pool, not a thread per statement. */
    private static final java.util.concurrent.ExecutorService PARSER_THREADS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "prodlint-sql");
        t.setDaemon(true);
        return t;
    });
    private static final Pattern OBJECT_SET = Pattern.compile("(?i)\\bSET\\s+:" + PREFIX + "(\\w++)(?!\\s*=)");
    private static final String OBJECT_COLUMN = "__pl_object";

    private SqlText() {
    }

    /** A transaction-control statement: what it does to the connection's transaction. */
    public enum Control { BEGIN, COMMIT, ROLLBACK, SERIALIZABLE }

    private static final Pattern BEGIN = Pattern.compile("(?i)^\\s*(BEGIN(\\s+(WORK|TRANSACTION))?|START\\s+TRANSACTION)\\b.*", Pattern.DOTALL);
    private static final Pattern END = Pattern.compile("(?i)^\\s*(COMMIT|END|ROLLBACK|ABORT)(\\s+(WORK|TRANSACTION))?\\s*;?\\s*$");
    private static final Pattern SERIALIZABLE = Pattern.compile("(?i)\\bISOLATION\\s+LEVEL\\s+SERIALIZABLE\\b");

    /**
     * BEGIN / START TRANSACTION (SERIALIZABLE when it says so, or SET TRANSACTION ISOLATION LEVEL
     * SERIALIZABLE), COMMIT / END, ROLLBACK / ABORT; empty for anything else. Plain keywords, so a
     * pattern reads them; statements that carry data go through the parser.
     */
    public static Optional<Control> control(String sql) {
        if (sql == null || sql.length() > 200) return Optional.empty();
        if (SERIALIZABLE.matcher(sql).find()) return Optional.of(Control.SERIALIZABLE);
        if (BEGIN.matcher(sql).matches()) return Optional.of(Control.BEGIN);
        java.util.regex.Matcher m = END.matcher(sql);
        if (m.matches()) {
            String w = m.group(1).toUpperCase(java.util.Locale.ROOT);
            return Optional.of(w.equals("COMMIT") || w.equals("END") ? Control.COMMIT : Control.ROLLBACK);
        }
        return Optional.empty();
    }

    /** Parsing is the slow part; the same statements recur across a project's files. Bounded by clearing. */
    private static final java.util.Map<String, Optional<SqlShape>> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** Any statement, parsed on the shared parser threads with a time bound; null when the parser refuses it. */
    public static Statement parseStatement(String sql) {
        try {
            return CCJSqlParserUtil.parse(sql, PARSER_THREADS, p -> p.withTimeOut(1000));
        } catch (JSQLParserException | RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    public static Optional<SqlShape> shape(String sql) {
        if (sql == null) return Optional.empty();
        Optional<SqlShape> hit = CACHE.get(sql);
        if (hit != null) return hit;
        Optional<SqlShape> parsed = parse(sql);
        if (CACHE.size() > 20_000) CACHE.clear();
        CACHE.put(sql, parsed);
        return parsed;
    }

    private static Optional<SqlShape> parse(String sql) {
        if (sql == null || sql.length() > MAX_LENGTH) return Optional.empty();
        String text = normalize(sql);
        if (text == null) return Optional.empty();
        // mysql's INSERT INTO t SET ? / UPDATE t SET ? expands an object into the assignments
        Matcher obj = OBJECT_SET.matcher(text);
        String objectMarker = null;
        if (obj.find()) {
            objectMarker = obj.group(1);
            text = text.substring(0, obj.start()) + "SET " + OBJECT_COLUMN + " = :" + PREFIX + objectMarker + text.substring(obj.end());
        }
        Statement st;
        try {
            st = CCJSqlParserUtil.parse(text, PARSER_THREADS, p -> p.withTimeOut(2000));
        } catch (JSQLParserException | RuntimeException | StackOverflowError e) {
            return Optional.empty();
        }
        try {
            Optional<SqlShape> shape = shapeOf(st);
            if (objectMarker == null || shape.isEmpty()) return shape;
            List<Slot> slots = new ArrayList<>();
            for (Slot sl : shape.get().slots()) {
                slots.add(OBJECT_COLUMN.equals(sl.column()) ? new Slot(SqlShape.OBJECT, sl.use(), sl.placeholder()) : sl);
            }
            SqlShape sh = shape.get();
            return Optional.of(new SqlShape(sh.kind(), sh.table(), slots, sh.tables(), sh.lock(), sh.conflict(), sh.returning(), sh.relativeSet(),
                    sh.absoluteSet(), sh.whereColumns(), sh.guardColumns(), sh.advisoryLock()));
        } catch (RuntimeException e) {
            // a statement form the walk does not know: no facts
            return Optional.empty();
        }
    }

    private static Optional<SqlShape> shapeOf(Statement st) {
        Facts f = new Facts();
        if (st instanceof Insert ins) {
            f.table(ins.getTable());
            f.returning = ins.getReturningClause() != null;
            if (ins.isModifierIgnore() || ins.getConflictAction() != null && ins.getConflictAction().getConflictActionType() == ConflictActionType.DO_NOTHING) {
                f.conflict = Conflict.DO_NOTHING;
            } else if (ins.getConflictAction() != null || ins.isUseDuplicate() || ins.getDuplicateUpdateSets() != null && !ins.getDuplicateUpdateSets().isEmpty()) {
                f.conflict = Conflict.DO_UPDATE;
            }
            if (ins.getSelect() instanceof PlainSelect from) {
                // INSERT ... SELECT ... WHERE user_id = $1
                where(from.getWhere(), f);
                if (from.getFromItem() instanceof Table t) f.table(t);
                return Optional.of(f.shape(Kind.INSERT));
            }
            if (ins.getSetUpdateSets() != null) {
                // INSERT INTO t SET a = ?, b = ? (MySQL)
                for (UpdateSet set : ins.getSetUpdateSets()) assignments(set, f, false);
                return Optional.of(f.shape(Kind.INSERT));
            }
            List<Column> cols = ins.getColumns() == null ? List.of() : ins.getColumns();
            if (ins.getValues() != null) {
                ExpressionList<?> rows = ins.getValues().getExpressions();
                List<Expression> first = new ArrayList<>();
                if (!rows.isEmpty() && rows.get(0) instanceof ExpressionList<?> row) {
                    for (Object o : rows) if (o instanceof ExpressionList<?> r) for (Object x : r) first.add((Expression) x);
                    int width = ((ExpressionList<?>) rows.get(0)).size();
                    for (int i = 0; i < first.size(); i++) written(cols, i % Math.max(width, 1), first.get(i), f.slots);
                } else {
                    for (int i = 0; i < rows.size(); i++) written(cols, i, (Expression) rows.get(i), f.slots);
                }
            }
            return Optional.of(f.shape(Kind.INSERT));
        }
        if (st instanceof Update up) {
            f.table(up.getTable());
            f.returning = up.getReturningClause() != null;
            for (UpdateSet set : up.getUpdateSets()) assignments(set, f, true);
            where(up.getWhere(), f);
            // a column the UPDATE sets and also compares is a compare-and-set (version = $3)
            for (String c : f.whereColumns) if (f.relative.contains(c) || f.absolute.contains(c)) f.guards.add(c);
            return Optional.of(f.shape(Kind.UPDATE));
        }
        if (st instanceof Delete del) {
            f.table(del.getTable());
            f.returning = del.getReturningClause() != null;
            where(del.getWhere(), f);
            return Optional.of(f.shape(Kind.DELETE));
        }
        if (st instanceof Merge merge) {
            f.table(merge.getTable());
            f.conflict = Conflict.DO_UPDATE;
            return Optional.of(f.shape(Kind.INSERT));
        }
        if (st instanceof Upsert ups) {
            // MySQL REPLACE INTO / UPSERT INTO
            f.table(ups.getTable());
            f.conflict = Conflict.DO_UPDATE;
            return Optional.of(f.shape(Kind.INSERT));
        }
        if (st instanceof PlainSelect sel) {
            if (sel.getFromItem() instanceof Table t) f.table(t);
            if (sel.getJoins() != null) for (var j : sel.getJoins()) if (j.getFromItem() instanceof Table t) f.table(t);
            where(sel.getWhere(), f);
            if (sel.getForMode() != null) {
                f.lock = sel.getForMode() == ForMode.UPDATE || sel.getForMode() == ForMode.NO_KEY_UPDATE ? Lock.UPDATE : Lock.SHARE;
            }
            String items = String.valueOf(sel.getSelectItems()).toLowerCase(java.util.Locale.ROOT);
            f.advisory = items.contains("advisory_") && items.contains("lock") || items.contains("get_lock(");
            return Optional.of(f.shape(Kind.SELECT));
        }
        return Optional.empty();
    }

    /** What the walk over one statement collects. */
    private static final class Facts {
        final List<Slot> slots = new ArrayList<>();
        final java.util.LinkedHashSet<String> tables = new java.util.LinkedHashSet<>();
        final java.util.Set<String> relative = new java.util.LinkedHashSet<>();
        final java.util.Set<String> absolute = new java.util.LinkedHashSet<>();
        final java.util.Set<String> whereColumns = new java.util.LinkedHashSet<>();
        final java.util.Set<String> guards = new java.util.LinkedHashSet<>();
        Lock lock = Lock.NONE;
        Conflict conflict = Conflict.NONE;
        boolean returning;
        boolean advisory;

        void table(Table t) {
            String n = name(t);
            if (n != null) tables.add(n);
        }

        SqlShape shape(Kind kind) {
            String target = tables.isEmpty() ? null : tables.iterator().next();
            return new SqlShape(kind, target, slots, tables, lock, conflict, returning, relative, absolute, whereColumns, guards, advisory);
        }
    }

    private static void assignments(UpdateSet set, Facts f, boolean update) {
        for (int i = 0; i < set.getValues().size(); i++) {
            Column c = i < set.getColumns().size() ? set.getColumns().get(i) : null;
            Expression value = set.getValues().get(i);
            for (String p : markers(value)) f.slots.add(new Slot(c == null ? null : column(c), Use.WRITE, p));
            if (!update || c == null) continue;
            String col = column(c);
            // stock = stock - $1, count = count + 1, balance = GREATEST(balance - $1, 0)
            if (mentions(value, col)) f.relative.add(col);
            else f.absolute.add(col);
        }
    }

    private static boolean mentions(Expression e, String col) {
        boolean[] found = {false};
        e.accept(new net.sf.jsqlparser.util.deparser.ExpressionDeParser() {
            @Override
            public <S> StringBuilder visit(Column c, S context) {
                if (col.equalsIgnoreCase(column(c))) found[0] = true;
                return super.visit(c, context);
            }
        }, null);
        return found[0];
    }

    private static void written(List<Column> cols, int i, Expression value, List<Slot> slots) {
        String col = i < cols.size() ? column(cols.get(i)) : null;
        for (String p : markers(value)) slots.add(new Slot(col, Use.WRITE, p));
    }

    private static void where(Expression e, Facts f) {
        if (e == null) return;
        if (e instanceof BinaryExpression b) {
            Column col = b.getLeftExpression() instanceof Column c ? c : b.getRightExpression() instanceof Column c2 ? c2 : null;
            Expression other = col == b.getLeftExpression() ? b.getRightExpression() : b.getLeftExpression();
            if (col != null && !isLogical(b)) {
                String name = column(col);
                f.whereColumns.add(name);
                boolean equality = b instanceof EqualsTo;
                if (!equality || other instanceof StringValue || other instanceof LongValue || other instanceof BooleanValue) f.guards.add(name);
                if (!markers(other).isEmpty() && !(other instanceof BinaryExpression ob && isLogical(ob))) {
                    for (String p : markers(other)) f.slots.add(new Slot(name, Use.WHERE, p));
                    return;
                }
            }
            where(b.getLeftExpression(), f);
            where(b.getRightExpression(), f);
        } else if (e instanceof InExpression in && in.getLeftExpression() instanceof Column c) {
            f.whereColumns.add(column(c));
            for (String p : markers(in.getRightExpression())) f.slots.add(new Slot(column(c), Use.WHERE, p));
        } else if (e instanceof IsNullExpression isNull && isNull.getLeftExpression() instanceof Column c) {
            // deleted_at IS NULL, locked_by IS NULL: a state the write claims
            f.whereColumns.add(column(c));
            f.guards.add(column(c));
        } else if (e instanceof NotExpression n) {
            where(n.getExpression(), f);
        } else if (e instanceof ParenthesedExpressionList<?> list) {
            for (Object o : list) if (o instanceof Expression x) where(x, f);
        } else if (e instanceof ExpressionList<?> list) {
            for (Object o : list) if (o instanceof Expression x) where(x, f);
        }
    }

    private static boolean isLogical(BinaryExpression b) {
        return b instanceof net.sf.jsqlparser.expression.operators.conditional.AndExpression
                || b instanceof net.sf.jsqlparser.expression.operators.conditional.OrExpression;
    }

    private static List<String> markers(Expression e) {
        List<String> out = new ArrayList<>();
        if (e == null) return out;
        Matcher m = MARKER.matcher(e.toString());
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static String column(Column c) {
        return unquote(c.getColumnName());
    }

    private static String name(Table t) {
        return t == null ? null : unquote(t.getName());
    }

    private static String unquote(String s) {
        if (s == null) return null;
        return s.replace("\"", "").replace("`", "").replace("[", "").replace("]", "");
    }

    /**
     * $1 → :__pl_d1, the k-th ? → :__pl_qk, :name → :__pl_name, a marked template value → :__pl_tN;
     * string literals and comments are left alone.
     */
    static String normalize(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 32);
        int q = 0;
        int n = sql.length();
        for (int i = 0; i < n; i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                int j = sql.indexOf('\'', i + 1);
                if (j < 0) return null;
                int mark = sql.indexOf(VALUE_MARK, i + 1);
                if (mark >= 0 && mark < j) {
                    // '${value}' quoted in the text: the string literal is the value
                    int end = sql.indexOf(VALUE_MARK, mark + 1);
                    if (end < 0) return null;
                    out.append(':').append(PREFIX).append(sql, mark + 1, end);
                } else {
                    out.append(sql, i, j + 1);
                }
                i = j;
            } else if (c == VALUE_MARK) {
                int j = sql.indexOf(VALUE_MARK, i + 1);
                if (j < 0) return null;
                out.append(':').append(PREFIX).append(sql, i + 1, j);
                i = j;
            } else if (c == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
                int j = i + 1;
                while (j < n && Character.isDigit(sql.charAt(j))) j++;
                out.append(':').append(PREFIX).append('d').append(sql, i + 1, j);
                i = j - 1;
            } else if (c == '?' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
                // JPA's ?1 is the first parameter, like $1
                int j = i + 1;
                while (j < n && Character.isDigit(sql.charAt(j))) j++;
                out.append(':').append(PREFIX).append('d').append(sql, i + 1, j);
                i = j - 1;
            } else if (c == '?' && (i + 1 >= n || "|&".indexOf(sql.charAt(i + 1)) < 0)) {
                out.append(':').append(PREFIX).append('q').append(q++);
            } else if (c == ':' && i + 1 < n && Character.isLetter(sql.charAt(i + 1)) && (i == 0 || sql.charAt(i - 1) != ':')) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) j++;
                out.append(':').append(PREFIX).append('n').append(sql, i + 1, j);
                i = j - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
