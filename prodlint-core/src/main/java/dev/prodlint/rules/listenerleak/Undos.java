package dev.prodlint.rules.listenerleak;

import dev.prodlint.analysis.lifecycle.EndReach;
import dev.prodlint.analysis.lifecycle.EndReach.Reach;
import dev.prodlint.analysis.lifecycle.Receivers;
import dev.prodlint.apimodel.Lifecycles;
import dev.prodlint.apimodel.Globs;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.Node;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.Assign;
import dev.prodlint.model.expr.Await;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Cast;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.Unary;
import dev.prodlint.model.stmt.ExprStmt;
import dev.prodlint.model.stmt.VarDecl;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Whether, and when, what a registration added is taken back. */
final class Undos {
    /** Taking a thread-bound value back: removing it, or setting the previous one again (a restore). */
    private static final List<String> THREAD_LOCAL_UNDO = List.of("remove", "clear", "reset", "unset*", "remove*", "clear*",
            "reset*", "restore*", "set*", "setContextMap");
    private static final Set<String> TIMER_CLEAR = Set.of("clearInterval", "clearTimeout");

    enum Verdict {
        /** Undone however the scope ends. */
        UNDONE,
        /** The handle is passed on or stored elsewhere: the file cannot tell. */
        ESCAPES,
        /** Undone only on some endings (the library's 'finish', an error handler). */
        PARTIAL,
        /** A thread-local removed on the normal path only, not in finally. */
        NOT_IN_FINALLY,
        /** Undone somewhere that is not an end of the scope (a client's 'unsubscribe' message). */
        ELSEWHERE,
        /** Never undone. */
        NEVER
    }

    record Outcome(Verdict verdict, List<Reach> reaches, Node undo) {
    }

    private final SourceModule m;
    private final Lifecycles lc;
    private final EndReach ends;
    private final boolean java;

    Undos(SourceModule m, Lifecycles lc, EndReach ends) {
        this.m = m;
        this.lc = lc;
        this.ends = ends;
        this.java = m.language() == Language.JAVA;
    }

    Outcome of(Registration r) {
        FunctionDecl outer = r.chain().get(r.chain().size() - 1).function();
        List<Node> sites = new ArrayList<>();
        List<Reach> direct = new ArrayList<>();
        if (r.kind() != Registration.Kind.COLLECTION && r.kind() != Registration.Kind.THREAD_LOCAL) {
            Handle handle = handleOf(r.at());
            if (handle.escaped()) return new Outcome(Verdict.ESCAPES, List.of(), null);
            if (handle.target() != null && byHandle(handle.target(), outer, sites, direct)) {
                return new Outcome(Verdict.ESCAPES, List.of(), null);
            }
        }
        if (r.path() != null) byReceiver(r, sites);
        if (sites.isEmpty() && direct.isEmpty()) return new Outcome(Verdict.NEVER, List.of(), null);
        List<Reach> reaches = new ArrayList<>(direct);
        Node first = sites.isEmpty() ? direct.get(0).at() : sites.get(0);
        for (Node s : sites) {
            if (insideOwnCallback(s, r)) return new Outcome(Verdict.UNDONE, List.of(), s);
            for (Reach x : ends.reach(s, r.chain())) {
                // Setting a thread-local again undoes it only where the request ends (a restore), not on the way.
                boolean reset = s instanceof Call c && c.methodName() != null && c.methodName().startsWith("set");
                if (!reset || x.where() == EndReach.Where.END || x.where() == EndReach.Where.FINALLY) reaches.add(x);
            }
        }
        if (reaches.isEmpty()) return new Outcome(Verdict.NEVER, List.of(), null);
        for (Reach x : reaches) {
            if (x.complete()) return new Outcome(Verdict.UNDONE, reaches, x.at());
        }
        boolean inline = false;
        boolean partial = false;
        for (Reach x : reaches) {
            inline |= x.where() == EndReach.Where.INLINE;
            partial |= x.where() == EndReach.Where.END;
        }
        if (inline && r.kind() == Registration.Kind.THREAD_LOCAL) return new Outcome(Verdict.NOT_IN_FINALLY, reaches, first);
        if (inline) return new Outcome(Verdict.UNDONE, reaches, first);
        if (partial) return new Outcome(Verdict.PARTIAL, reaches, first);
        return new Outcome(Verdict.ELSEWHERE, reaches, first);
    }

    /** Where a registration's result goes: kept in {@code target}, dropped (no target), or passed on. */
    private record Handle(Expr target, boolean escaped) {
        static final Handle DROPPED = new Handle(null, false);
        static final Handle ESCAPED = new Handle(null, true);
    }

    private static Handle handleOf(Node at) {
        Node child = at;
        Node p = at.parent();
        while (p instanceof Await || p instanceof Cast) {
            child = p;
            p = p.parent();
        }
        if (p instanceof ExprStmt) return Handle.DROPPED;
        if (p instanceof VarDecl v && v.init() == child) return v.target() instanceof Name n ? new Handle(n, false) : Handle.ESCAPED;
        if (p instanceof Assign a && a.value() == child) return new Handle(a.target(), false);
        // emitter.on('a', f).on('b', g): chaining returns the emitter, not a handle.
        if (p instanceof Member mem && mem.parent() instanceof Call next && next.callee() == mem) return Handle.DROPPED;
        return Handle.ESCAPED;
    }

    /** Finds undo sites through the kept handle; true when the handle escapes. */
    private boolean byHandle(Expr handle, FunctionDecl outer, List<Node> sites, List<Reach> direct) {
        Symbol sym = handle instanceof Name n ? n.symbol() : null;
        String path = Receivers.path(handle);
        if (sym == null && path == null) return true;
        List<String> handleUndo = java ? lc.java().handleUndo() : lc.js().handleUndo();
        boolean[] escapes = {false};
        m.walk(x -> {
            if (escapes[0] || x == handle || !(x instanceof Expr e)) return;
            boolean same = sym != null ? x instanceof Name n && n.symbol() == sym
                    : (x instanceof Name || x instanceof Member) && path.equals(Receivers.path(e)) && !(x.parent() instanceof Member);
            if (!same) return;
            Node p = x.parent();
            if (p instanceof Call c && c.callee() == x) {
                sites.add(c);
            } else if (p instanceof Member mem && mem.parent() instanceof Call c && c.callee() == mem) {
                if (handleUndo.contains(c.methodName())) sites.add(c);
            } else if (p instanceof Call c && c.args().contains(x)) {
                if (TIMER_CLEAR.contains(c.methodName())) {
                    sites.add(c);
                } else {
                    Reach end = ends.endOfArgument(e, outer);
                    if (end != null) direct.add(end);
                    else escapes[0] = true;
                }
            } else if (p instanceof Assign a && a.value() == x || p instanceof dev.prodlint.model.stmt.Return
                    || p instanceof dev.prodlint.model.expr.ArrayLit || p instanceof dev.prodlint.model.expr.Property) {
                escapes[0] = true;
            }
        });
        return escapes[0];
    }

    /** Undo calls on the same receiver path: bus.off(...), sessions.remove(...), delete clients[id]. */
    private void byReceiver(Registration r, List<Node> sites) {
        List<String> names = switch (r.kind()) {
            case COLLECTION -> java ? lc.java().collectionRemoves() : lc.js().collectionRemoves();
            case THREAD_LOCAL -> THREAD_LOCAL_UNDO;
            default -> r.pair() == null ? List.of() : r.pair().undo();
        };
        m.walk(x -> {
            if (x instanceof Call c && c != r.at() && c.receiver() != null && Globs.any(names, c.methodName())
                    && r.path().equals(Receivers.path(c.receiver())) && sameRegistration(r, c)) {
                sites.add(c);
            } else if (r.kind() == Registration.Kind.COLLECTION && !java) {
                if (x instanceof Unary u && "delete".equals(u.op()) && u.operand() instanceof Member mem
                        && r.path().equals(Receivers.path(mem.object()))) {
                    sites.add(u);
                } else if (x instanceof Assign a && a != r.at() && (r.path().equals(Receivers.path(a.target()))
                        || a.target() instanceof Member mem && "length".equals(mem.property()) && r.path().equals(Receivers.path(mem.object())))) {
                    sites.add(a);
                }
            } else if (r.kind() == Registration.Kind.COLLECTION && x instanceof Call c && "remove".equals(c.methodName())
                    && c.receiver() != null && c.receiver().unwrap() instanceof Name it && it.symbol() != null
                    && it.symbol().initializer() != null && m.text().slice(it.symbol().initializer().range()).contains(r.path() + ".")) {
                // Iterator<...> it = sessions.entrySet().iterator(); ... it.remove();
                sites.add(c);
            }
        });
    }

    /**
     * Whether an undo takes back this registration and not another on the same object: it passes
     * the same function, or (passing none) names the same event or channel, or everything.
     */
    private boolean sameRegistration(Registration r, Call undo) {
        if (!(r.at() instanceof Call reg) || r.kind() == Registration.Kind.COLLECTION || r.kind() == Registration.Kind.THREAD_LOCAL) {
            return true;
        }
        Symbol fn = null;
        for (Expr a : reg.args()) {
            if (a.unwrap() instanceof Name n && n.symbol() != null) {
                if (dev.prodlint.analysis.lifecycle.Callbacks.functionOf(n) != null || n.symbol().kind() == Symbol.Kind.PARAMETER) fn = n.symbol();
            }
        }
        boolean undoPassesFunction = false;
        for (Expr a : undo.args()) {
            if (a.unwrap() instanceof Name n && n.symbol() != null) {
                if (n.symbol() == fn) return true;
                undoPassesFunction |= dev.prodlint.analysis.lifecycle.Callbacks.functionOf(n) != null;
            }
            if (a.unwrap() instanceof dev.prodlint.model.expr.Lambda) undoPassesFunction = true;
        }
        if (undoPassesFunction) return false;
        if (undo.args().isEmpty() || reg.args().isEmpty()) return true;
        return dev.prodlint.rules.Snippets.compact(m, reg.arg(0)).equals(dev.prodlint.rules.Snippets.compact(m, undo.arg(0)));
    }

    /** An undo inside the callback the registration itself passes: a listener that removes itself. */
    private static boolean insideOwnCallback(Node undo, Registration r) {
        if (!(r.at() instanceof Call c)) return false;
        for (Expr a : c.args()) {
            if (undo.isWithin(a)) return true;
            FunctionDecl f = dev.prodlint.analysis.lifecycle.Callbacks.functionOf(a);
            if (f != null && undo.isWithin(f)) return true;
        }
        return false;
    }
}
