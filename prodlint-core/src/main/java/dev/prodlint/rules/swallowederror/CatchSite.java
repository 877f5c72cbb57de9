package dev.prodlint.rules.swallowederror;

import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Node;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.SourceRange;
import dev.prodlint.model.TypeRef;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Lambda;
import dev.prodlint.model.stmt.Catch;
import dev.prodlint.model.stmt.Try;
import dev.prodlint.rules.Snippets;
import java.util.ArrayList;
import java.util.List;

/**
 * A place that receives a failure: a {@code catch} clause, or a promise/future handler
 * ({@code .catch(fn)}, {@code .then(ok, fn)}, {@code .exceptionally(fn)}).
 *
 * @param at       where a finding about the site itself points (the catch line, the handler's name)
 * @param types    the caught types (Java); empty means everything
 * @param body     the handler's code; null when the handler is a reference ({@code .catch(console.error)})
 * @param handlerRef the handler when it is a reference, else null
 * @param guarded  the code whose failure arrives here
 */
record CatchSite(Node node, SourceRange at, CaughtError error, List<TypeRef> types, Node body, Expr handlerRef, Node guarded) {

    static List<CatchSite> find(SourceModule m) {
        List<CatchSite> out = new ArrayList<>();
        m.walk(n -> {
            if (n instanceof Try t) {
                for (Catch c : t.catches()) out.add(new CatchSite(c, c.range(), new CaughtError(c.param()), c.types(), c.body(), null, t.body()));
            } else if (n instanceof Call c && c.receiver() != null) {
                CatchSite s = promiseHandler(m, c);
                if (s != null) out.add(s);
            }
        });
        return out;
    }

    private static CatchSite promiseHandler(SourceModule m, Call c) {
        String name = c.methodName();
        Expr h;
        if ("catch".equals(name) && c.args().size() == 1) h = c.arg(0);
        else if ("then".equals(name) && c.args().size() == 2) h = c.arg(1);
        else if ("exceptionally".equals(name) && c.args().size() == 1) h = c.arg(0);
        else return null;
        SourceRange at = Snippets.nameRange(m, c);
        Expr guarded = c.receiver();
        if (h.unwrap() instanceof Lambda l) {
            FunctionDecl f = l.function();
            Expr param = f.params().isEmpty() ? null : f.params().get(0).target();
            return new CatchSite(c, at, new CaughtError(param), List.of(), f.body(), null, guarded);
        }
        return new CatchSite(c, at, new CaughtError(null), List.of(), null, h.unwrap(), guarded);
    }

    FunctionDecl function() {
        return node.enclosingFunction();
    }

    boolean isPromiseHandler() {
        return node instanceof Call;
    }
}
