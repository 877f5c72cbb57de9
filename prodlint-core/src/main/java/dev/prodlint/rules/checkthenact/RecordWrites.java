package dev.prodlint.rules.checkthenact;

import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.analysis.db.DbOp;
import dev.prodlint.analysis.db.Results;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Node;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.Assign;
import dev.prodlint.model.expr.Binary;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Conditional;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.Unary;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** How a write's values relate to what the function read: written back changed, or compared first. */
final class RecordWrites {
    private static final Set<String> ARITH = Set.of("+", "-", "*", "/", "%");
    private static final Set<String> ARITH_CALLS = Set.of("add", "subtract", "plus", "minus", "multiply", "divide", "negate");
    private static final Set<String> COMPARE = Set.of("<", "<=", ">", ">=");

    /** Where the new value is computed from the old one: an expression, an assignment or a setter call. */
    record Computed(Node at, String column) {
    }

    private RecordWrites() {
    }

    /** The write sends something read earlier: the loaded record, or a value from it. */
    static boolean writesDependent(DbOp w, Set<Symbol> dependents) {
        if (dependents.isEmpty()) return false;
        Expr cur = w.call();
        for (int i = 0; i < 40 && cur != null && cur.unwrap() instanceof Call c; i++) {
            for (Expr a : c.args()) if (Results.references(a, dependents)) return true;
            Expr r = c.receiver();
            if (r != null && !(r.unwrap() instanceof Call) && Results.references(r, dependents)) return true;
            cur = r;
        }
        return false;
    }

    /** save(x) of an object some read in the function loaded: an update, not an insert. */
    static boolean savesLoaded(dev.prodlint.analysis.db.DbAnalysis db, DbOp w, List<DbOp> ops, FunctionDecl unit) {
        for (DbOp r : ops) {
            if (r.kind() != DbOp.Kind.READ || r.start() >= w.start()) continue;
            if (writesDependent(w, db.dependents(r, unit))) return true;
        }
        return false;
    }

    /** A generator of values unique per call: an id, a number from a sequence, a random token. */
    private static final java.util.regex.Pattern FRESH = java.util.regex.Pattern.compile(
            "(?i).*(generate|^next|uuid|random|nanoid|cuid|ulid|snowflake|createId|newId|randomBytes).*");

    /**
     * The read looks up a key the function just generated (a Redis-sequenced order number, a
     * UUID): no other request can hold the same key, so the check is a sanity check, not a race.
     */
    static boolean keyIsFresh(DbOp read) {
        Expr cur = read.call();
        for (int i = 0; i < 40 && cur != null && cur.unwrap() instanceof Call c; i++) {
            for (Expr a : c.args()) if (fresh(a, 0)) return true;
            cur = c.receiver();
        }
        return false;
    }

    private static boolean fresh(Expr e, int depth) {
        if (e == null || depth > 2) return false;
        Expr u = e.unwrap();
        if (u instanceof Call c && c.methodName() != null && FRESH.matcher(c.methodName()).matches()) return true;
        if (u instanceof dev.prodlint.model.expr.ArrayLit arr) {
            for (Expr x : arr.elements()) if (x != null && fresh(x, depth + 1)) return true;
        }
        return u instanceof Name n && n.symbol() != null && n.symbol().kind() == Symbol.Kind.LOCAL && n.symbol().initializer() != null
                && fresh(n.symbol().initializer(), depth + 1);
    }

    /** The write stores a value computed from what was read (stock - qty), directly or through the record it saves. */
    static Computed computed(ModuleContext ctx, DbOp w, Set<Symbol> dependents, FunctionDecl unit) {
        if (dependents.isEmpty()) return null;
        for (Map.Entry<String, Expr> e : w.absolute().entrySet()) {
            if (e.getValue() != null && arithmetic(e.getValue(), dependents, 0)) return new Computed(e.getValue(), e.getKey());
        }
        if ((w.kind() == DbOp.Kind.SAVE || w.kind() == DbOp.Kind.UPDATE) && writesDependent(w, dependents)) {
            int from = unit.range().startOffset();
            return mutation(ctx, dependents, unit, from, w.start());
        }
        return null;
    }

    /** record.x -= n, record.x = record.x - n, record.x++, record.setX(record.getX() - n) between two offsets. */
    static Computed mutation(ModuleContext ctx, Set<Symbol> dependents, FunctionDecl unit, int from, int to) {
        Computed[] out = {null};
        unit.body().walk(n -> {
            if (out[0] != null || n.range().startOffset() <= from || n.range().startOffset() >= to) return;
            if (n instanceof Assign a && a.target().unwrap() instanceof Member t && Results.references(t.object(), dependents)) {
                boolean compound = a.op() != null && a.op().length() == 2 && ARITH.contains(a.op().substring(0, 1));
                if (compound || arithmetic(a.value(), dependents, 0)) out[0] = new Computed(a, t.property());
            } else if (n instanceof Unary u && (u.op().equals("++") || u.op().equals("--")) && u.operand().unwrap() instanceof Member t
                    && Results.references(t.object(), dependents)) {
                out[0] = new Computed(u, t.property());
            } else if (n instanceof Call c && c.methodName() != null && c.methodName().startsWith("set") && c.methodName().length() > 3
                    && c.args().size() == 1 && c.receiver() != null && Results.references(c.receiver(), dependents)
                    && arithmetic(c.arg(0), dependents, 0)) {
                String prop = c.methodName().substring(3);
                out[0] = new Computed(c, Character.toLowerCase(prop.charAt(0)) + prop.substring(1));
            }
        });
        return out[0];
    }

    /** An arithmetic expression over a value that was read: row.stock - qty, balance.subtract(amount), a local computed so. */
    static boolean arithmetic(Expr e, Set<Symbol> dependents, int depth) {
        if (e == null || depth > 3) return false;
        Expr u = e.unwrap();
        if (u instanceof Binary b && ARITH.contains(b.op())) return Results.references(b, dependents);
        if (u instanceof Call c && c.methodName() != null && ARITH_CALLS.contains(c.methodName().toLowerCase(Locale.ROOT))) {
            return Results.references(c, dependents);
        }
        if (u instanceof Call c && ("max".equals(c.methodName()) || "min".equals(c.methodName()))) {
            for (Expr a : c.args()) if (arithmetic(a, dependents, depth + 1)) return true;
        }
        if (u instanceof Conditional c) return arithmetic(c.then(), dependents, depth + 1) || arithmetic(c.otherwise(), dependents, depth + 1);
        if (u instanceof Name n && n.symbol() != null && n.symbol().kind() == Symbol.Kind.LOCAL && n.symbol().initializer() != null) {
            return arithmetic(n.symbol().initializer(), dependents, depth + 1);
        }
        return false;
    }

    /** The condition compares a value that was read: {@code row.stock < qty}, {@code balance.compareTo(amount) < 0}. */
    static boolean compares(Expr condition, Set<Symbol> dependents) {
        boolean[] hit = {false};
        condition.walk(n -> {
            if (!hit[0] && n instanceof Binary b && COMPARE.contains(b.op())
                    && (Results.references(b.left(), dependents) || Results.references(b.right(), dependents))) hit[0] = true;
        });
        return hit[0];
    }
}
