package dev.prodlint.rules.swallowederror;

import dev.prodlint.model.Node;
import dev.prodlint.model.expr.Binary;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.New;
import dev.prodlint.model.expr.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The error a catch holds, and how an expression uses it: whole (its stack survives), only its
 * message (the type and the stack are gone), or not at all.
 */
final class CaughtError {
    enum Use { NONE, MESSAGE, WHOLE }

    /** Reading these keeps the text of the error and loses its stack. */
    private static final Set<String> TEXT = Set.of("message", "getMessage", "getLocalizedMessage", "toString", "msg", "localizedMessage",
            "code", "getCode", "status", "statusCode", "name", "getErrorCode", "errno", "detail", "reason", "response", "data", "errors");

    private final Name param;
    /** Names destructured from the error ({@code ({ message }) => ...}): parts of it, never the whole. */
    private final java.util.Set<String> parts = new java.util.HashSet<>();

    CaughtError(Expr param) {
        this.param = param instanceof Name n ? n : null;
        if (param instanceof dev.prodlint.model.expr.ObjectLit pattern) {
            pattern.walk(x -> {
                if (x instanceof Name nm) parts.add(nm.id());
            });
        }
    }

    boolean bound() {
        return param != null;
    }

    String name() {
        return param == null ? null : param.id();
    }

    boolean isRef(Node n) {
        if (!parts.isEmpty() && n instanceof Name part && parts.contains(part.id()) && !(part.parent() instanceof dev.prodlint.model.expr.Property)) return true;
        if (param == null || !(n instanceof Name nm) || nm == param) return false;
        if (nm.symbol() != null && param.symbol() != null) return nm.symbol() == param.symbol();
        return nm.id().equals(param.id());
    }

    List<Name> refs(Node region) {
        List<Name> out = new ArrayList<>();
        if (param == null && parts.isEmpty() || region == null) return out;
        region.walk(n -> {
            if (isRef(n)) out.add((Name) n);
        });
        return out;
    }

    /** The strongest use of the error inside {@code region}. */
    Use use(Node region) {
        Use best = Use.NONE;
        for (Name r : refs(region)) {
            Use u = useOf(r, region);
            if (u.ordinal() > best.ordinal()) best = u;
        }
        return best;
    }

    /** How one reference is used, looking up to {@code root}. */
    private Use useOf(Name ref, Node root) {
        if (param == null || !ref.id().equals(param.id())) return Use.MESSAGE;
        Node child = ref;
        Node p = ref.parent();
        while (p != null && child != root) {
            if (p instanceof Member m && m.object() == child) {
                // err.stack, e.getCause(): still the trace; err.message, e.getMessage(): the text only
                return m.property() != null && TEXT.contains(m.property()) ? Use.MESSAGE : Use.WHOLE;
            }
            if (p instanceof Template) return Use.MESSAGE;
            if (p instanceof Binary b && b.op().equals("+")) return Use.MESSAGE;
            if (p instanceof Call c && c.callee() instanceof Name n && (n.id().equals("String") || n.id().equals("valueOf"))) return Use.MESSAGE;
            if (p instanceof Call c && c.callee() instanceof Member m && "valueOf".equals(m.property())) return Use.MESSAGE;
            // new Error(err): the constructor takes a message and turns the error into text
            if (p instanceof New nw && nw.args().indexOf(child) == 0 && builtinError(nw)) return Use.MESSAGE;
            if (p instanceof Call || p instanceof New || p instanceof dev.prodlint.model.stmt.Stmt) return Use.WHOLE;
            child = p;
            p = p.parent();
        }
        return Use.WHOLE;
    }

    private static boolean builtinError(New nw) {
        String t = nw.type() != null ? nw.type().simpleName() : nw.callee() instanceof Name n ? n.id() : "";
        return Set.of("Error", "TypeError", "RangeError", "SyntaxError").contains(t);
    }
}
