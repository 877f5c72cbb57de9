package dev.prodlint.analysis.db;

import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Node;
import dev.prodlint.model.expr.Conditional;
import dev.prodlint.model.stmt.Block;
import dev.prodlint.model.stmt.If;
import dev.prodlint.model.stmt.Return;
import dev.prodlint.model.stmt.Stmt;
import dev.prodlint.model.stmt.SwitchCase;
import dev.prodlint.model.stmt.Throw;
import java.util.List;

/** Whether two statements of one function can run in the same call: not in exclusive branches. */
public final class Paths {
    private Paths() {
    }

    /** {@code a} (earlier) and {@code b} (later) can never both run: different branches, or a's branch leaves the function first. */
    public static boolean exclusive(Node a, Node b) {
        for (Node p = a.parent(); p != null && !(p instanceof FunctionDecl); p = p.parent()) {
            Node child = childOn(a, p);
            if (p instanceof If i) {
                if (b.isWithin(i)) {
                    Node other = childOn(b, i);
                    if (child != other && (child == i.then() || child == i.otherwise()) && (other == i.then() || other == i.otherwise())) return true;
                } else if ((child == i.then() || child == i.otherwise()) && exits((Stmt) child)) {
                    return true;
                }
            } else if (p instanceof Conditional c && b.isWithin(c)) {
                Node other = childOn(b, c);
                if (child != other && child != c.test() && other != c.test()) return true;
            } else if (p instanceof SwitchCase sc && !b.isWithin(sc) && b.isWithin(sc.parent())) {
                return true;
            }
        }
        return false;
    }

    /** The child of {@code ancestor} on the way down to {@code n}. */
    static Node childOn(Node n, Node ancestor) {
        Node cur = n;
        while (cur != null && cur.parent() != ancestor) cur = cur.parent();
        return cur;
    }

    /** The statement always leaves the function (return or throw at its end, or both branches do). */
    public static boolean exits(Stmt s) {
        if (s == null) return false;
        // continue/break leave this iteration: what follows in the loop body does not run
        if (s instanceof Return || s instanceof Throw || s instanceof dev.prodlint.model.stmt.Jump) return true;
        if (s instanceof Block b) {
            List<Stmt> st = b.statements();
            return !st.isEmpty() && exits(st.get(st.size() - 1));
        }
        if (s instanceof If i) return exits(i.then()) && exits(i.otherwise());
        return false;
    }
}
