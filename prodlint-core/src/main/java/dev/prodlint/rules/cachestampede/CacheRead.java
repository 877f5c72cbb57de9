package dev.prodlint.rules.cachestampede;

import dev.prodlint.analysis.CallClassifier.CallMatch;
import dev.prodlint.apimodel.MethodModel;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Node;
import dev.prodlint.model.Param;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.Assign;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Lambda;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.stmt.VarDecl;
import java.util.ArrayList;
import java.util.List;

/**
 * A cache read and where its result goes: a variable ({@code const cached = await redis.get(key)}),
 * a callback parameter ({@code client.get(key, (err, cached) => ...)}, {@code .then(cached => ...)}),
 * or straight into a test ({@code if (!map.has(key))}). The code that tests the result and loads
 * on a miss lives in {@code scope}.
 *
 * @param keyArgs the arguments that name the entry (a bucket's read has none: its receiver is the key)
 * @param result  the variable holding the result, or null when the read is tested directly
 */
record CacheRead(Call call, CallMatch match, List<Expr> keyArgs, FunctionDecl scope, Name result) {

    static CacheRead of(Call call, CallMatch match, FunctionDecl function) {
        List<Expr> keys = new ArrayList<>();
        Lambda callback = null;
        for (Expr a : call.args()) {
            if (a instanceof Lambda l) callback = l;
            else if (callback == null) keys.add(a);
        }
        // get(prefix, key, User.class): the type token says how to decode, not which entry.
        while (!keys.isEmpty() && isClassLiteral(keys.get(keys.size() - 1))) keys.remove(keys.size() - 1);
        Integer declared = match.method().keyArgs();
        if (declared != null && keys.size() > declared) keys = new ArrayList<>(keys.subList(0, declared));
        MethodModel.CallbackModel cb = match.method().callback();
        if (callback != null && cb != null && cb.resource() != null) {
            List<Param> ps = callback.function().params();
            Name n = cb.resource() < ps.size() && ps.get(cb.resource()).target() instanceof Name x ? x : null;
            return new CacheRead(call, match, keys, callback.function(), n);
        }
        Node child = call;
        for (Node p = call.parent(); p != null && p != function; child = p, p = p.parent()) {
            if (p instanceof Member m && m.object() == child && "then".equals(m.property())
                    && m.parent() instanceof Call then && then.callee() == m && then.arg(0) instanceof Lambda l) {
                List<Param> ps = l.function().params();
                Name n = !ps.isEmpty() && ps.get(0).target() instanceof Name x ? x : null;
                return new CacheRead(call, match, keys, l.function(), n);
            }
            if (p instanceof VarDecl v) {
                return new CacheRead(call, match, keys, function, v.init() == child && v.target() instanceof Name n ? n : null);
            }
            if (p instanceof Assign a) {
                return new CacheRead(call, match, keys, function, a.value() == child && a.target() instanceof Name n ? n : null);
            }
            if (p instanceof dev.prodlint.model.stmt.Stmt || p instanceof Lambda) break;
        }
        return new CacheRead(call, match, keys, function, null);
    }

    private static boolean isClassLiteral(Expr e) {
        return e instanceof Member m && "class".equals(m.property())
                || e instanceof dev.prodlint.model.expr.OtherExpr o && o.kind().contains("class");
    }

    /** True when {@code e} mentions the result variable, or is or holds the read itself. */
    boolean mentionedIn(Node e) {
        boolean[] found = {false};
        e.walk(n -> {
            if (found[0]) return;
            if (n == call) found[0] = true;
            else if (result != null && n instanceof Name x && x != result && sameVariable(x, result)) found[0] = true;
        }, true);
        return found[0];
    }

    static boolean sameVariable(Name a, Name b) {
        Symbol sa = a.symbol();
        Symbol sb = b.symbol();
        if (sa != null && sb != null) return sa == sb;
        return a.id().equals(b.id());
    }

    /** The key as written, without spacing or quote style: {@code `user:${id}`} or {@code "user:" + id}. */
    static String keyText(SourceModule m, Call call, int count) {
        StringBuilder sb = new StringBuilder();
        if (count == 0) {
            if (call.receiver() == null) return "";
            return normalize(m.text().slice(call.receiver().range()));
        }
        for (int i = 0; i < count; i++) {
            Expr a = call.arg(i);
            if (a == null) return null;
            sb.append(normalize(m.text().slice(a.range()))).append('\u0000');
        }
        return sb.toString();
    }

    private static String normalize(String s) {
        return s.replaceAll("\\s+", "").replace('"', '\'').replace("this.", "");
    }
}
