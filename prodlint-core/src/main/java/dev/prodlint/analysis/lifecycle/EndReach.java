package dev.prodlint.analysis.lifecycle;

import dev.prodlint.analysis.LocalFunctions;
import dev.prodlint.apimodel.Lifecycles;
import dev.prodlint.apimodel.Lifecycles.End;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.Node;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.Assign;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Lambda;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.stmt.Block;
import dev.prodlint.model.stmt.Try;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a piece of code runs, in lifecycle terms: in a handler of an end of a scope (the socket's
 * 'close', afterConnectionClosed, an emitter's onCompletion), in a {@code finally} of the scope, in
 * the scope's own body, or somewhere else. Follows same-file functions to where they are called or
 * passed (a cleanup function given to {@code ws.on('close', cleanup)}).
 */
public final class EndReach {
    private static final Set<String> LISTEN = Set.of("on", "once", "addListener", "addEventListener", "prependListener",
            "prependOnceListener");
    private static final int MAX_DEPTH = 3;

    public enum Where { END, FINALLY, INLINE, ELSEWHERE }

    /** One way the code is reached: where, and for an end the library's promise about it. */
    public record Reach(Where where, End end, String event, Node at) {
        public boolean complete() {
            return where == Where.FINALLY || where == Where.END && end.complete();
        }
    }

    private final Lifecycles lc;
    private final boolean java;
    private final Map<FunctionDecl, List<Node>> references = new IdentityHashMap<>();

    public EndReach(SourceModule m, Lifecycles lc) {
        this.lc = lc;
        this.java = m.language() == Language.JAVA;
        m.walk(n -> {
            if (n instanceof Call c) {
                FunctionDecl f = LocalFunctions.callee(c);
                if (f != null) references.computeIfAbsent(f, k -> new ArrayList<>()).add(c);
            } else if (n instanceof Name nm && nm.symbol() != null && !(nm.parent() instanceof Call pc && pc.callee() == nm)) {
                FunctionDecl f = functionBound(nm.symbol());
                if (f != null && nm.symbol().declaration() != nm && !isDeclaringName(nm)) {
                    references.computeIfAbsent(f, k -> new ArrayList<>()).add(nm);
                }
            } else if (n instanceof Member mm && mm.object() instanceof dev.prodlint.model.expr.This
                    && !(mm.parent() instanceof Call pc && pc.callee() == mm)) {
                FunctionDecl f = Callbacks.functionOf(mm);
                if (f != null) references.computeIfAbsent(f, k -> new ArrayList<>()).add(mm);
            }
        });
    }

    private static FunctionDecl functionBound(Symbol s) {
        if (s.declaration() instanceof FunctionDecl f) return f;
        if (s.kind() == Symbol.Kind.LOCAL && s.initializer() != null && s.initializer().unwrap() instanceof Lambda l) return l.function();
        return null;
    }

    private static boolean isDeclaringName(Name n) {
        return n.parent() instanceof dev.prodlint.model.stmt.VarDecl v && v.target() == n;
    }

    /** Every way {@code n} is reached, relative to the scopes around the registration (innermost first). */
    public List<Reach> reach(Node n, List<Scope> chain) {
        List<Reach> out = new ArrayList<>();
        reach(n, chain, 0, out, new IdentityHashMap<>());
        return out;
    }

    private void reach(Node n, List<Scope> chain, int depth, List<Reach> out, Map<Node, Boolean> visiting) {
        if (visiting.put(n, Boolean.TRUE) != null) return;
        FunctionDecl outer = chain.get(chain.size() - 1).function();
        Node prev = n;
        for (Node p = n.parent(); p != null; prev = p, p = p.parent()) {
            if (p instanceof Try t && t.finalizer() == prev && t.isWithin(outer)) {
                out.add(new Reach(Where.FINALLY, null, "finally", t.finalizer()));
                return;
            }
            if (p instanceof Block b && b.parent() instanceof Try t && t.finalizer() == b && t.isWithin(outer)) {
                out.add(new Reach(Where.FINALLY, null, "finally", b));
                return;
            }
            if (!(p instanceof FunctionDecl f)) continue;
            for (Scope s : chain) {
                End e = s.endFunctions().get(f);
                if (e != null) {
                    out.add(new Reach(Where.END, e, e.method() != null ? e.method() : "@" + e.annotation(), f));
                    return;
                }
                if (s.function() == f) {
                    out.add(new Reach(Where.INLINE, null, null, f));
                    return;
                }
            }
            if (p.parent() instanceof Lambda lam) {
                Reach r = endOfCallback(lam, outer);
                if (r != null) {
                    out.add(r);
                    return;
                }
                // A handler of another event runs when that event comes, not when the scope ends.
                if (lam.parent() instanceof Call on && LISTEN.contains(on.methodName()) && on.args().indexOf(lam) > 0) {
                    out.add(new Reach(Where.ELSEWHERE, null, Callbacks.stringOf(on.arg(0)), on));
                    return;
                }
                // Another callback (forEach, then, setTimeout): it runs where it is written.
                continue;
            }
            // A named function: it runs where it is called or passed.
            List<Node> refs = references.getOrDefault(f, List.of());
            if (refs.isEmpty() || depth >= MAX_DEPTH) {
                out.add(new Reach(Where.ELSEWHERE, null, null, f));
                return;
            }
            for (Node ref : refs) {
                Reach r = ref instanceof Expr e ? endOfArgument(e, outer) : null;
                if (r != null) out.add(r);
                else reach(ref, chain, depth + 1, out, visiting);
            }
            return;
        }
        out.add(new Reach(Where.ELSEWHERE, null, null, n));
    }

    private Reach endOfCallback(Lambda lam, FunctionDecl outer) {
        Reach r = endOfArgument(lam, outer);
        if (r != null) return r;
        // ws.onclose = () => ...
        if (lam.parent() instanceof Assign a && a.value() == lam && a.target() instanceof Member m && m.property() != null
                && m.property().startsWith("on") && diesWith(m.object(), outer)) {
            End e = lc.js().endEvents().get(m.property().substring(2));
            if (e != null && !java) return new Reach(Where.END, e, m.property().substring(2), a);
        }
        return null;
    }

    /** A function passed to an end: socket.on('close', fn), emitter.onCompletion(fn). */
    public Reach endOfArgument(Expr arg, FunctionDecl outer) {
        if (!(arg.parent() instanceof Call c) || c.callee() == arg || c.receiver() == null) return null;
        String name = c.methodName();
        if (java) {
            End e = lc.java().callbackEnds().get(name);
            return e == null ? null : new Reach(Where.END, e, name, c);
        }
        if (!LISTEN.contains(name) || !diesWith(c.receiver(), outer)) return null;
        String event = Callbacks.stringOf(c.arg(0));
        End e = event == null ? null : lc.js().endEvents().get(event);
        return e == null ? null : new Reach(Where.END, e, event, c);
    }

    /** The receiver belongs to the scope: the socket, req, res, a signal or stream made in it. */
    private static boolean diesWith(Expr receiver, FunctionDecl outer) {
        Expr r = Receivers.root(receiver);
        if (r instanceof Name n && n.symbol() != null && n.symbol().declaration() != null) {
            return n.symbol().declaration().isWithin(outer);
        }
        // this.ws in a class whose instance is the connection; unknown: accept, the event name decides.
        return !(r instanceof Name n2) || n2.symbol() != null;
    }
}
