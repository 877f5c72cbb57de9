package dev.prodlint.rules.connectionleak;

import dev.prodlint.analysis.CallClassifier.CallMatch;
import dev.prodlint.analysis.LocalFunctions;
import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.apimodel.MethodModel;
import dev.prodlint.apimodel.Role;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Node;
import dev.prodlint.model.Param;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.Assign;
import dev.prodlint.model.expr.Await;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Cast;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Lambda;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.stmt.ExprStmt;
import dev.prodlint.model.stmt.Return;
import dev.prodlint.model.stmt.Try;
import dev.prodlint.model.stmt.VarDecl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the acquisitions a function makes into local variables. An acquisition whose result goes
 * anywhere else (returned, stored in a field, passed on) hands ownership away and is not tracked.
 */
final class AcquisitionFinder {
    private final ModuleContext ctx;

    AcquisitionFinder(ModuleContext ctx) {
        this.ctx = ctx;
    }

    List<Acquisition> find(FunctionDecl f) {
        List<Acquisition> out = new ArrayList<>();
        if (f.body() == null) return out;
        f.body().walk(n -> {
            if (n instanceof Call c) {
                Optional<CallMatch> m = ctx.calls().classify(c);
                if (m.isEmpty() || !m.get().is(Role.ACQUIRE)) m = wrappedAcquire(c);
                if (m.isPresent() && m.get().is(Role.ACQUIRE)) acquisition(f, c, m.get(), out);
            }
        }, true);
        return out;
    }

    /**
     * A function of this file that only hands out what an acquire gave it
     * ({@code async function getClient() { return pool.connect(); }}) acquires for its callers.
     */
    private Optional<CallMatch> wrappedAcquire(Call c) {
        FunctionDecl wrapper = LocalFunctions.callee(c);
        if (wrapper == null || wrapper.body() == null) return Optional.empty();
        CallMatch[] found = {null};
        boolean[] other = {false};
        wrapper.body().walk(n -> {
            if (!(n instanceof Return r) || r.enclosingFunction() != wrapper) return;
            CallMatch m = r.value() == null ? null : acquireOf(r.value());
            if (m == null) other[0] = true;
            else found[0] = m;
        }, true);
        if (other[0] || found[0] == null || found[0].method().acquiresReceiver()) {
            return Optional.empty();
        }
        return Optional.of(found[0]);
    }

    /** The acquire an expression's value comes from: the call itself, or a const initialised by it. */
    private CallMatch acquireOf(Expr value) {
        Expr v = value.unwrap();
        if (v instanceof Name n && n.symbol() != null && n.symbol().initializer() != null) v = n.symbol().initializer().unwrap();
        if (!(v instanceof Call call) || call.args().stream().anyMatch(a -> a instanceof Lambda)) return null;
        return ctx.calls().classify(call).filter(m -> m.is(Role.ACQUIRE) && !m.hinted()).orElse(null);
    }

    private void acquisition(FunctionDecl f, Call c, CallMatch match, List<Acquisition> out) {
        MethodModel method = match.method();
        if (method.callback() != null && method.callback().resource() != null) {
            for (Expr arg : c.args()) {
                if (arg instanceof Lambda l) {
                    callbackAcquisition(c, match, l.function(), out);
                    return;
                }
            }
        }
        if (method.acquiresReceiver()) {
            Expr receiver = c.receiver() == null ? null : c.receiver().unwrap();
            if (receiver instanceof Name n && isLocal(n.symbol())) {
                Node stmt = statementOf(c);
                if (stmt != null) {
                    out.add(new Acquisition(c, f, stmt, n.symbol(), match.typeId(), null, null, false, match.hinted(), owned(method)));
                }
            }
            return;
        }
        Node holder = c;
        while (holder.parent() instanceof Await || holder.parent() instanceof Cast) holder = holder.parent();
        Node p = holder.parent();
        if (p instanceof VarDecl v && v.init() == holder && v.target() instanceof Name n) {
            boolean auto = v.kind() == VarDecl.Kind.USING
                    || (v.parent() instanceof Try t && t.resources().contains(v));
            out.add(new Acquisition(c, f, v, n.symbol(), method.returns(), null, null, auto, match.hinted(), owned(method)));
        } else if (p instanceof ExprStmt es && !match.hinted()) {
            // The result is thrown away: nothing can ever release it.
            out.add(new Acquisition(c, f, es, null, method.returns(), null, null, false, false, owned(method)));
        } else if (p instanceof Assign a && a.value() == holder && "=".equals(a.op())
                && a.target() instanceof Name n && n.symbol() != null && n.symbol().kind() == Symbol.Kind.LOCAL
                && a.parent() instanceof ExprStmt es) {
            // Into a local only: a parameter overwritten with a fresh connection mixes the caller's
            // ownership with ours.
            out.add(new Acquisition(c, f, es, n.symbol(), method.returns(), null, null, false, match.hinted(), owned(method)));
        }
    }

    private void callbackAcquisition(Call c, CallMatch match, FunctionDecl callback, List<Acquisition> out) {
        MethodModel.CallbackModel cb = match.method().callback();
        Symbol resource = paramSymbol(callback, cb.resource());
        if (resource == null) return;
        out.add(new Acquisition(c, callback, null, resource, match.method().returns(),
                paramSymbol(callback, cb.release()), paramSymbol(callback, cb.error()), false, match.hinted(),
                owned(match.method())));
    }

    private static boolean owned(MethodModel m) {
        return Boolean.TRUE.equals(m.ownedByTransaction());
    }

    private static Symbol paramSymbol(FunctionDecl f, Integer index) {
        if (index == null || index >= f.params().size()) return null;
        Param p = f.params().get(index);
        return p.target() instanceof Name n ? n.symbol() : null;
    }

    private static boolean isLocal(Symbol s) {
        return s != null && Set.of(Symbol.Kind.LOCAL, Symbol.Kind.PARAMETER).contains(s.kind());
    }

    /** The statement directly holding the call as its expression ({@code await client.connect();}). */
    private static Node statementOf(Call c) {
        Node n = c;
        while (n.parent() instanceof Await || n.parent() instanceof Cast) n = n.parent();
        return n.parent() instanceof ExprStmt es ? es : null;
    }
}
