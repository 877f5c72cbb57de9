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

    public static Optional<SqlShape> shape(String sql) {
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
            return Optional.of(new SqlShape(shape.get().kind(), shape.get().table(), slots));
        } catch (RuntimeException e) {
            // a statement form the walk does not know: no facts
            return Optional.empty();
        }
    }

    private static Optional<SqlShape> shapeOf(Statement st) {
        List<Slot> slots = new ArrayList<>();
        if (st instanceof Insert ins) {
            if (ins.getSelect() instanceof PlainSelect from) {
                // INSERT ... SELECT ... WHERE user_id = $1
                where(from.getWhere(), slots);
                return Optional.of(new SqlShape(Kind.INSERT, name(ins.getTable()), slots));
            }
            if (ins.getSetUpdateSets() != null) {
                // INSERT INTO t SET a = ?, b = ? (MySQL)
                for (UpdateSet set : ins.getSetUpdateSets()) {
                    for (int i = 0; i < set.getValues().size(); i++) {
                        Column c = i < set.getColumns().size() ? set.getColumns().get(i) : null;
                        for (String p : markers(set.getValues().get(i))) slots.add(new Slot(c == null ? null : column(c), Use.WRITE, p));
                    }
                }
                return Optional.of(new SqlShape(Kind.INSERT, name(ins.getTable()), slots));
            }
            List<Column> cols = ins.getColumns() == null ? List.of() : ins.getColumns();
            if (ins.getValues() != null) {
                ExpressionList<?> rows = ins.getValues().getExpressions();
                List<Expression> first = new ArrayList<>();
                if (!rows.isEmpty() && rows.get(0) instanceof ExpressionList<?> row) {
                    for (Object o : rows) if (o instanceof ExpressionList<?> r) for (Object x : r) first.add((Expression) x);
                    int width = ((ExpressionList<?>) rows.get(0)).size();
                    for (int i = 0; i < first.size(); i++) written(cols, i % Math.max(width, 1), first.get(i), slots);
                } else {
                    for (int i = 0; i < rows.size(); i++) written(cols, i, (Expression) rows.get(i), slots);
                }
            }
            return Optional.of(new SqlShape(Kind.INSERT, name(ins.getTable()), slots));
        }
        if (st instanceof Update up) {
            for (UpdateSet set : up.getUpdateSets()) {
                for (int i = 0; i < set.getValues().size(); i++) {
                    Column c = i < set.getColumns().size() ? set.getColumns().get(i) : null;
                    for (String p : markers(set.getValues().get(i))) slots.add(new Slot(c == null ? null : column(c), Use.WRITE, p));
                }
            }
            where(up.getWhere(), slots);
            return Optional.of(new SqlShape(Kind.UPDATE, name(up.getTable()), slots));
        }
        if (st instanceof Delete del) {
            where(del.getWhere(), slots);
            return Optional.of(new SqlShape(Kind.DELETE, name(del.getTable()), slots));
        }
        if (st instanceof PlainSelect sel) {
            where(sel.getWhere(), slots);
            String table = sel.getFromItem() instanceof Table t ? name(t) : null;
            return Optional.of(new SqlShape(Kind.SELECT, table, slots));
        }
        return Optional.empty();
    }

    private static void written(List<Column> cols, int i, Expression value, List<Slot> slots) {
        String col = i < cols.size() ? column(cols.get(i)) : null;
        for (String p : markers(value)) slots.add(new Slot(col, Use.WRITE, p));
    }

    private static void where(Expression e, List<Slot> slots) {
        if (e == null) return;
        if (e instanceof BinaryExpression b) {
            Column col = b.getLeftExpression() instanceof Column c ? c : b.getRightExpression() instanceof Column c2 ? c2 : null;
            Expression other = col == b.getLeftExpression() ? b.getRightExpression() : b.getLeftExpression();
            if (col != null && !markers(other).isEmpty() && !(other instanceof BinaryExpression ob && isLogical(ob))) {
                for (String p : markers(other)) slots.add(new Slot(column(col), Use.WHERE, p));
                return;
            }
            where(b.getLeftExpression(), slots);
            where(b.getRightExpression(), slots);
        } else if (e instanceof InExpression in && in.getLeftExpression() instanceof Column c) {
            for (String p : markers(in.getRightExpression())) slots.add(new Slot(column(c), Use.WHERE, p));
        } else if (e instanceof NotExpression n) {
            where(n.getExpression(), slots);
        } else if (e instanceof ExpressionList<?> list) {
            for (Object o : list) if (o instanceof Expression x) where(x, slots);
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
