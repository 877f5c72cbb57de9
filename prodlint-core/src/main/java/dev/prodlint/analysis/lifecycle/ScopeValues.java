package dev.prodlint.analysis.lifecycle;

import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.ArrayLit;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Lambda;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.New;
import dev.prodlint.model.expr.ObjectLit;
import dev.prodlint.model.expr.Property;
import java.util.Set;

/** Values that belong to one run of a scope: the connection, a callback, an object built around them. */
public final class ScopeValues {
    private ScopeValues() {
    }

    /** True when {@code v} is the socket, session, emitter or a callback of the scope whose outermost function is {@code outer}. */
    public static boolean is(Expr v, FunctionDecl outer) {
        return scopeValue(v, outer, 0);
    }

    private static boolean scopeValue(Expr v, FunctionDecl outer, int depth) {
        if (v == null || depth > 3) return false;
        Expr u = v.unwrap();
        if (u instanceof Lambda) return true;
        if (u instanceof ObjectLit o) {
            for (Property p : o.properties()) {
                if (p.value() != null && scopeValue(p.value(), outer, depth + 1)) return true;
            }
            return false;
        }
        if (u instanceof ArrayLit arr) {
            for (Expr e : arr.elements()) {
                if (e != null && scopeValue(e, outer, depth + 1)) return true;
            }
            return false;
        }
        if (u instanceof New nw) {
            for (Expr a : nw.args()) {
                if (scopeValue(a, outer, depth + 1)) return true;
            }
            return nw.type() != null && nw.type().simpleName().endsWith("Emitter");
        }
        if (!(u instanceof Name n) || n.symbol() == null || n.symbol().declaration() == null) return false;
        Symbol s = n.symbol();
        if (!s.declaration().isWithin(outer)) return false;
        if (s.kind() == Symbol.Kind.PARAMETER) return !isPlainValue(s) && (s.declaredType() == null
                || !isJavaData(s.declaredType().simpleName(), n));
        Expr init = s.initializer();
        return init != null && (init.unwrap() instanceof Lambda || scopeValue(init, outer, depth + 1));
    }

    /** Java handler parameters are request data (DTOs) unless their type is a connection, emitter or callback. */
    private static final java.util.regex.Pattern CONNECTION_TYPE = java.util.regex.Pattern.compile(
            ".*(Session|Socket|Channel|Emitter|Context|Connection|Request|Response|Observer|Sink|Listener|Callback|Consumer|Handler|DeferredResult)");

    private static boolean isJavaData(String type, Name at) {
        var m = at.ancestor(dev.prodlint.model.SourceModule.class);
        if (m == null || m.language() != dev.prodlint.model.Language.JAVA) return false;
        return !CONNECTION_TYPE.matcher(type).matches();
    }

    /** A parameter that is data, not a connection: a string id, a number. */
    private static boolean isPlainValue(Symbol s) {
        var t = s.declaredType();
        if (t == null) return false;
        String n = t.simpleName();
        return Set.of("String", "string", "number", "Integer", "Long", "int", "long", "boolean", "Boolean").contains(n);
    }

}
