package dev.prodlint.rules.connectionleak;

import dev.prodlint.cfg.CfgNode;
import dev.prodlint.cfg.Edge;
import dev.prodlint.model.Node;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.Binary;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Literal;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.Unary;

/**
 * What is known while a resource is held: the variable is not null, and a callback's error
 * parameter is not set. Branches that contradict this cannot be taken, so
 * {@code finally { if (conn != null) conn.close(); }} counts as a release on every path.
 */
final class HeldFacts {
    enum Truth { TRUE, FALSE, UNKNOWN }

    private final Symbol resource;
    private final Symbol error;

    HeldFacts(Acquisition acq) {
        this.resource = acq.resource();
        this.error = acq.errorParam();
    }

    boolean feasible(Edge e) {
        if (e.kind() != Edge.Kind.TRUE && e.kind() != Edge.Kind.FALSE) return true;
        CfgNode from = e.from();
        if (from.kind() != CfgNode.Kind.CONDITION || !(from.element() instanceof Expr cond)) return true;
        Truth t = eval(cond);
        if (t == Truth.UNKNOWN) return true;
        return (e.kind() == Edge.Kind.TRUE) == (t == Truth.TRUE);
    }

    Truth eval(Expr e) {
        Expr u = e.unwrap();
        if (u instanceof Name n) {
            if (n.symbol() == resource && resource != null) return Truth.TRUE;
            if (n.symbol() == error && error != null) return Truth.FALSE;
            return Truth.UNKNOWN;
        }
        if (u instanceof Unary un && un.op().equals("!")) return not(eval(un.operand()));
        if (u instanceof Call c && "isClosed".equals(c.methodName()) && isResource(c.receiver())) return Truth.FALSE;
        if (u instanceof Binary b) {
            switch (b.op()) {
                case "&&": {
                    Truth l = eval(b.left());
                    if (l == Truth.FALSE) return Truth.FALSE;
                    Truth r = eval(b.right());
                    if (l == Truth.TRUE) return r;
                    return r == Truth.FALSE ? Truth.FALSE : Truth.UNKNOWN;
                }
                case "||": {
                    Truth l = eval(b.left());
                    if (l == Truth.TRUE) return Truth.TRUE;
                    Truth r = eval(b.right());
                    if (l == Truth.FALSE) return r;
                    return r == Truth.TRUE ? Truth.TRUE : Truth.UNKNOWN;
                }
                case "!=", "!==":
                    return nullTest(b, true);
                case "==", "===":
                    return nullTest(b, false);
                default:
                    return Truth.UNKNOWN;
            }
        }
        return Truth.UNKNOWN;
    }

    private Truth nullTest(Binary b, boolean notEqual) {
        Expr other;
        if (isNullish(b.right())) other = b.left();
        else if (isNullish(b.left())) other = b.right();
        else return Truth.UNKNOWN;
        Truth isNull;
        if (isResource(other)) isNull = Truth.FALSE;
        else if (other.unwrap() instanceof Name n && error != null && n.symbol() == error) isNull = Truth.TRUE;
        else return Truth.UNKNOWN;
        return notEqual ? not(isNull) : isNull;
    }

    private boolean isResource(Node n) {
        return n instanceof Expr e && e.unwrap() instanceof Name name && resource != null && name.symbol() == resource;
    }

    private static boolean isNullish(Expr e) {
        return e.unwrap() instanceof Literal l && l.isNullish();
    }

    private static Truth not(Truth t) {
        return t == Truth.TRUE ? Truth.FALSE : t == Truth.FALSE ? Truth.TRUE : Truth.UNKNOWN;
    }
}
