package dev.prodlint.analysis.db;

import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Node;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.Assign;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Lambda;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.stmt.If;
import dev.prodlint.model.stmt.Throw;
import dev.prodlint.model.stmt.VarDecl;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where an operation's result goes: the variables that hold it or values computed from it, and
 * the conditions it decides.
 */
public final class Results {
    private Results() {
    }

    /** The variables holding the op's result, or anything computed from it, in the function. */
    public static Set<Symbol> dependents(DbOp op, FunctionDecl unit) {
        Set<Symbol> out = new LinkedHashSet<>();
        List<VarDecl> decls = new ArrayList<>();
        List<Assign> assigns = new ArrayList<>();
        unit.body().walk(n -> {
            if (n instanceof VarDecl v && v.init() != null) decls.add(v);
            else if (n instanceof Assign a) assigns.add(a);
            else if (n instanceof Lambda l && l.parent() instanceof Call c && c.receiver() != null && op.anchorCall().isWithin(c.receiver())
                    && l.function().params().size() >= 1) {
                // repo.findById(id).map(a -> ...), query.then(rows => ...): the callback's parameter is the result
                targets(l.function().params().get(0).target(), out);
            }
        });
        for (VarDecl v : decls) if (op.anchorCall().isWithin(v.init())) targets(v.target(), out);
        for (Assign a : assigns) if (op.anchorCall().isWithin(a.value())) targets(a.target(), out);
        for (int round = 0; round < 3; round++) {
            int before = out.size();
            for (VarDecl v : decls) if (references(v.init(), out)) targets(v.target(), out);
            if (out.size() == before) break;
        }
        return out;
    }

    private static void targets(Expr target, Set<Symbol> out) {
        if (target == null) return;
        if (target.unwrap() instanceof Name n) {
            if (n.symbol() != null) out.add(n.symbol());
            return;
        }
        target.walk(x -> {
            if (x instanceof Name n && n.symbol() != null) out.add(n.symbol());
        });
    }

    public static boolean references(Node e, Set<Symbol> symbols) {
        if (e == null || symbols.isEmpty()) return false;
        boolean[] hit = {false};
        e.walk(x -> {
            if (!hit[0] && x instanceof Name n && n.symbol() != null && symbols.contains(n.symbol())) hit[0] = true;
        });
        return hit[0];
    }

    /** The if statements whose condition tests the op's result (or contains the op itself). */
    public static List<If> decisions(DbOp op, Set<Symbol> dependents, FunctionDecl unit) {
        List<If> out = new ArrayList<>();
        unit.body().walk(n -> {
            if (n instanceof If i && (op.anchorCall().isWithin(i.condition())
                    || i.range().startOffset() > op.anchorCall().range().startOffset() && references(i.condition(), dependents))) out.add(i);
        });
        return out;
    }

    /** The write runs only because of what the read found: inside a branch it decides, after one that leaves, or after an Optional check that throws. */
    /** A write that runs because of the read: under a condition on its result, or in a callback of the read's own chain ({@code orElseGet}). */
    public record Decision(If condition) {
    }

    public static Decision decision(DbOp read, DbOp write, List<If> decisions) {
        if (write.anchorCall().isWithin(read.call())) return new Decision(null);
        If i = decidingIf(read, write, decisions);
        return i == null ? null : new Decision(i);
    }

    private static If decidingIf(DbOp read, DbOp write, List<If> decisions) {
        for (If i : decisions) {
            if (write.anchorCall().isWithin(i.then()) || i.otherwise() != null && write.anchorCall().isWithin(i.otherwise())) return i;
            if (!write.anchorCall().isWithin(i) && write.start() > i.range().endOffset()
                    && (Paths.exits(i.then()) || Paths.exits(i.otherwise()))) return i;
        }
        return null;
    }

    private static final java.util.Set<String> SIZE_LIKE = java.util.Set.of("length", "size", "isEmpty", "isPresent", "rowCount", "count",
            "exists", "empty", "affectedRows", "total", "next", "hasNext");

    /**
     * The condition tests only whether the read found anything: {@code !existing}, {@code user != null},
     * {@code rows.length > 0}, {@code opt.isPresent()}, {@code existsBy(...)}, {@code countBy(...) >= 5}, combined
     * with {@code &&}/{@code ||}/{@code !}. A test of a found row's fields ({@code friend.status == 'BLOCKED'}) is not.
     */
    public static boolean testsExistence(Expr condition, DbOp read, Set<Symbol> dependents) {
        Expr u = condition.unwrap();
        if (u instanceof dev.prodlint.model.expr.Binary b && (b.op().equals("&&") || b.op().equals("||"))) {
            return testsExistence(b.left(), read, dependents) && testsExistence(b.right(), read, dependents);
        }
        if (u instanceof dev.prodlint.model.expr.Unary n && n.op().equals("!")) return testsExistence(n.operand(), read, dependents);
        if (u instanceof dev.prodlint.model.expr.Binary b && Set.of("==", "===", "!=", "!==", "<", "<=", ">", ">=").contains(b.op())) {
            Expr l = withoutDefault(b.left());
            Expr r = withoutDefault(b.right());
            if (emptyValue(r)) return found(l, read, dependents) || sizeLike(l, read, dependents);
            if (emptyValue(l)) return found(r, read, dependents) || sizeLike(r, read, dependents);
            if (number(r)) return sizeLike(l, read, dependents);
            if (number(l)) return sizeLike(r, read, dependents);
            return false;
        }
        return found(u, read, dependents) || sizeLike(u, read, dependents);
    }

    /**
     * Whether the write under (or after) this existence test runs when the read found nothing:
     * {@code if (!existing) insert}, {@code if (existing) throw; insert}, {@code if (rows.length > 0) update else insert}.
     * True when it does, false when it runs only when a row was found, true when the test is too
     * tangled to tell (the caller already checked it is an existence test).
     */
    public static boolean runsWhenAbsent(If decider, DbOp write, DbOp read, Set<Symbol> dependents) {
        Boolean trueMeansAbsent = absentWhenTrue(decider.condition(), read, dependents);
        if (trueMeansAbsent == null) return true;
        boolean whenTrue;
        if (write.anchorCall().isWithin(decider.then())) whenTrue = true;
        else if (decider.otherwise() != null && write.anchorCall().isWithin(decider.otherwise())) whenTrue = false;
        else if (Paths.exits(decider.then())) whenTrue = false;
        else if (Paths.exits(decider.otherwise())) whenTrue = true;
        else return true;
        return whenTrue == trueMeansAbsent;
    }

    /** TRUE: the condition holds when the row is missing; FALSE: when it exists; null: cannot tell. */
    private static Boolean absentWhenTrue(Expr condition, DbOp read, Set<Symbol> dependents) {
        Expr u = condition.unwrap();
        if (u instanceof dev.prodlint.model.expr.Unary n && n.op().equals("!")) {
            Boolean inner = absentWhenTrue(n.operand(), read, dependents);
            return inner == null ? null : !inner;
        }
        if (u instanceof dev.prodlint.model.expr.Binary b && (b.op().equals("&&") || b.op().equals("||"))) return null;
        if (u instanceof dev.prodlint.model.expr.Binary b) {
            Expr l = withoutDefault(b.left());
            Expr r = withoutDefault(b.right());
            String op = b.op();
            if (emptyValue(r) || emptyValue(l)) return op.startsWith("=");
            Expr num = number(r) ? r : number(l) ? l : null;
            if (num == null) return null;
            boolean zero = num instanceof dev.prodlint.model.expr.Literal lit && "0".equals(lit.value());
            boolean one = num instanceof dev.prodlint.model.expr.Literal lit1 && "1".equals(lit1.value());
            boolean flipped = num == l;
            if (flipped) op = switch (op) { case "<" -> ">"; case ">" -> "<"; case "<=" -> ">="; case ">=" -> "<="; default -> op; };
            if (zero && (op.equals("==") || op.equals("===") || op.equals("<="))) return true;
            if (one && op.equals("<")) return true;
            if (zero && (op.equals("!=") || op.equals("!==") || op.equals(">"))) return false;
            if (one && op.equals(">=")) return false;
            return null;
        }
        if (u instanceof Call c && c.args().isEmpty() && "isEmpty".equals(c.methodName())) return true;
        // truthiness of the row, rows.length, isPresent(), exists, rs.next()
        return false;
    }

    /** A limit rather than an existence test: {@code count >= 5}, {@code n < MAX_INVITES}. */
    public static boolean limitCheck(Expr condition) {
        boolean[] hit = {false};
        condition.walk(n -> {
            if (hit[0] || !(n instanceof dev.prodlint.model.expr.Binary b) || !Set.of("<", "<=", ">", ">=").contains(b.op())) return;
            for (Expr side : List.of(b.left(), b.right())) {
                Expr u = side.unwrap();
                if (u instanceof dev.prodlint.model.expr.Literal l && l.kind() == dev.prodlint.model.expr.Literal.Kind.NUMBER
                        && !l.value().equals("0") && !l.value().equals("1")) hit[0] = true;
                if (u instanceof Name nm && nm.id().matches("[A-Z][A-Z0-9_]+")) hit[0] = true;
            }
        });
        return hit[0];
    }

    /** {@code (res.rowCount ?? 0)}: the value, without its default. */
    private static Expr withoutDefault(Expr e) {
        Expr u = e.unwrap();
        while (u instanceof dev.prodlint.model.expr.Binary b && b.op().equals("??")) u = b.left().unwrap();
        return u;
    }

    /** A read that counts or tests existence: countBy..., existsBy..., SELECT count(*) / SELECT 1 / EXISTS. */
    private static boolean counting(DbOp read) {
        String m = read.anchorCall().methodName();
        if (m != null && (m.startsWith("count") || m.startsWith("exist"))) return true;
        if (read.sql() == null) return false;
        String sql = read.sql().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
        return sql.contains("count(") || sql.contains("exists") || sql.startsWith("select 1 ");
    }

    /** The read's result itself, or a variable holding it. */
    private static boolean found(Expr e, DbOp read, Set<Symbol> dependents) {
        Expr u = e.unwrap();
        if (u == read.call()) return true;
        return u instanceof Name n && n.symbol() != null && dependents.contains(n.symbol());
    }

    /** rows.length, list.size(), opt.isPresent(), a count read, result.rowCount. */
    private static boolean sizeLike(Expr e, DbOp read, Set<Symbol> dependents) {
        Expr u = e.unwrap();
        if (u == read.call()) {
            String top = read.call().methodName();
            return counting(read) || top != null && SIZE_LIKE.contains(top);
        }
        String last = u instanceof dev.prodlint.model.expr.Member m ? m.property()
                : u instanceof Call c && c.args().isEmpty() ? c.methodName() : null;
        if (last != null && SIZE_LIKE.contains(last) && references(u, dependents)) return true;
        if (u instanceof Name n && n.symbol() != null && dependents.contains(n.symbol())) return counting(read);
        return false;
    }

    private static boolean emptyValue(Expr e) {
        Expr u = e.unwrap();
        if (u instanceof dev.prodlint.model.expr.Literal l) return l.kind() == dev.prodlint.model.expr.Literal.Kind.NULL || l.kind() == dev.prodlint.model.expr.Literal.Kind.UNDEFINED;
        return u instanceof Name n && n.id().equals("undefined");
    }

    private static boolean number(Expr e) {
        Expr u = e.unwrap();
        if (u instanceof dev.prodlint.model.expr.Literal l) return l.kind() == dev.prodlint.model.expr.Literal.Kind.NUMBER;
        return u instanceof Name n && n.symbol() != null && n.symbol().isConstant() || u instanceof Name n2 && n2.id().matches("[A-Z][A-Z0-9_]+");
    }

    /** repo.findByEmail(e).ifPresent(u -> { throw ... }): an existence check that leaves. */
    public static boolean throwsWhenPresent(DbOp read) {
        Call top = read.call();
        if (!"ifPresent".equals(top.methodName()) && !"ifPresentOrElse".equals(top.methodName())) return false;
        if (top.args().isEmpty() || !(top.arg(0).unwrap() instanceof Lambda l)) return false;
        boolean[] t = {false};
        l.function().walk(n -> {
            if (n instanceof Throw) t[0] = true;
        });
        if (l.function().body() == null) {
            // u -> { throw ... } is lowered with a body; an expression body cannot throw a statement
            return false;
        }
        return t[0];
    }
}
