package dev.prodlint.rules.retrystorm;

import dev.prodlint.analysis.LocalFunctions;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Node;
import dev.prodlint.model.Param;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.Assign;
import dev.prodlint.model.expr.Binary;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Literal;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.Unary;
import dev.prodlint.model.stmt.Block;
import dev.prodlint.model.stmt.Catch;
import dev.prodlint.model.stmt.If;
import dev.prodlint.model.stmt.Jump;
import dev.prodlint.model.stmt.Loop;
import dev.prodlint.model.stmt.Return;
import dev.prodlint.model.stmt.Stmt;
import dev.prodlint.model.stmt.Throw;
import dev.prodlint.model.stmt.Try;
import dev.prodlint.model.stmt.VarDecl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds retries: loops that leave after the remote call succeeds and go round when it throws or
 * its response failed, and functions that call themselves when the call fails. A loop whose call
 * changes between rounds (a page, a cursor, the next item) is iteration, not a retry.
 */
final class RetrySites {
    private final RemoteCalls remotes;

    RetrySites(RemoteCalls remotes) {
        this.remotes = remotes;
    }

    List<RetrySite> find(FunctionDecl f) {
        List<RetrySite> out = new ArrayList<>();
        if (f.body() == null) return out;
        f.body().walk(n -> {
            if (n instanceof Loop l) {
                RetrySite s = ofLoop(f, l);
                if (s != null) out.add(s);
            }
        }, true);
        RetrySite r = recursive(f);
        if (r != null) out.add(r);
        return out;
    }

    private RetrySite ofLoop(FunctionDecl f, Loop l) {
        if (l.kind() == Loop.Kind.FOR_OF || l.kind() == Loop.Kind.FOR_IN || l.body() == null) return null;
        for (Call c : LocalFunctions.callsIn(l.body(), f)) {
            if (innerLoop(c, l) != null) continue;
            Optional<Call> remote = remotes.remote(c);
            if (remote.isEmpty() || changesBetweenRounds(c, l)) continue;
            Try t = enclosingTry(c, l);
            if (t != null) {
                for (Catch k : t.catches()) {
                    if (!alwaysLeaves(k.body()) && succeedsOut(c, t, k, l)) return new RetrySite(f, l, null, c, remote.get(), k, null, l);
                }
            }
            Symbol result = resultOf(c);
            if (result != null) {
                If test = statusTest(l, result, c);
                if (test != null) return new RetrySite(f, l, null, c, remote.get(), null, test, l);
            }
        }
        return null;
    }

    /** A function that calls itself from the catch of its remote call, or when the response failed. */
    private RetrySite recursive(FunctionDecl f) {
        if (f.body() == null) return null;
        for (Call again : LocalFunctions.callsIn(f.body(), f)) {
            if (LocalFunctions.callee(again) != f || !sameRequest(again, f)) continue;
            Catch k = again.ancestor(Catch.class);
            if (k != null && k.enclosingFunction() == f && k.parent() instanceof Try t) {
                for (Call c : LocalFunctions.callsIn(t.body(), f)) {
                    Optional<Call> remote = remotes.remote(c);
                    if (remote.isPresent()) return new RetrySite(f, null, again, c, remote.get(), k, null, f);
                }
            }
            for (Call c : LocalFunctions.callsIn(f.body(), f)) {
                if (c == again) continue;
                Optional<Call> remote = remotes.remote(c);
                Symbol result = remote.isPresent() ? resultOf(c) : null;
                if (result == null) continue;
                for (Node p = again.parent(); p != null && p != f; p = p.parent()) {
                    if (p instanceof If i && mentions(i.condition(), result) && testsStatus(i.condition(), result)) {
                        return new RetrySite(f, null, again, c, remote.get(), null, i, f);
                    }
                }
            }
        }
        return null;
    }

    /** The recursive call repeats the request: each argument is the same parameter, or a counter step of it. */
    private static boolean sameRequest(Call again, FunctionDecl f) {
        List<Param> ps = f.params();
        for (int i = 0; i < again.args().size(); i++) {
            if (i >= ps.size()) return false;
            Expr a = again.arg(i).unwrap();
            String p = ps.get(i).name();
            if (p == null) return false;
            if (a instanceof Name n && n.id().equals(p)) continue;
            if (a instanceof Binary b && (b.op().equals("+") || b.op().equals("-")) && b.left() instanceof Name n
                    && n.id().equals(p) && b.right() instanceof Literal) {
                continue;
            }
            if (a instanceof Unary u && u.operand() instanceof Name n && n.id().equals(p)) continue;
            return false;
        }
        return true;
    }

    /** A status test on the response in the loop, with a way out of the loop or a way round. */
    private static If statusTest(Loop l, Symbol result, Call c) {
        If[] found = {null};
        l.body().walk(n -> {
            if (found[0] == null && n instanceof If i && i.range().startOffset() > c.range().startOffset()
                    && mentions(i.condition(), result) && testsStatus(i.condition(), result)
                    && (leavesLoop(i.then(), l) || leavesLoop(i.otherwise(), l)
                            || endsInContinue(i.then()) || endsInContinue(i.otherwise()))) {
                found[0] = i;
            }
        }, true);
        if (found[0] == null) return null;
        // Also needs a success exit after the call: a return or a break.
        return leavesAfter(c, l) ? found[0] : null;
    }

    private static final java.util.regex.Pattern STATUS = java.util.regex.Pattern.compile(
            "(?i)\\.(ok|status\\w*|getStatus\\w*|isSuccess\\w*|is2xx\\w*|success|error|errors|code)\\b");

    /**
     * The test reads the response's own status ({@code res.ok}, {@code res.status},
     * {@code res.statusCode()}), not a field of its content ({@code res.data.job.status}): polling
     * for a state is not a retry.
     */
    private static boolean testsStatus(Expr condition, Symbol result) {
        boolean[] found = {false};
        condition.walk(n -> {
            if (n instanceof dev.prodlint.model.expr.Member m && m.property() != null
                    && STATUS.matcher("." + m.property()).matches() && m.object() != null
                    && m.object().unwrap() instanceof Name x && x.symbol() == result) {
                found[0] = true;
            }
        });
        return found[0];
    }

    // --- structure ---


    private static Loop innerLoop(Node n, Loop outer) {
        for (Node p = n.parent(); p != null && p != outer; p = p.parent()) {
            if (p instanceof Loop l) return l;
        }
        return null;
    }

    private static Try enclosingTry(Call c, Loop l) {
        Node child = c;
        for (Node p = c.parent(); p != null && p != l; child = p, p = p.parent()) {
            if (p instanceof Try t && t.body() == child) return t;
        }
        return null;
    }

    /**
     * Success leaves the loop: a return or a break after the call inside the try; or after the try
     * when the catch goes round with {@code continue}; or a {@code !done} loop condition whose flag
     * the try sets to true.
     */
    private static boolean succeedsOut(Call c, Try t, Catch k, Loop l) {
        if (exitsAfter(c, t.body(), l)) return true;
        if (endsInContinue(k.body()) && leavesAfter(c, l)) return true;
        if (l.condition() != null) {
            boolean[] flag = {false};
            // while (!sent && attempts < n) { try { ...; sent = true; } catch ... }
            List<Unary> negations = new ArrayList<>();
            l.condition().walk(n -> {
                if (n instanceof Unary u && u.op().equals("!")) negations.add(u);
            }, true);
            t.body().walk(n -> {
                if (n instanceof Assign a && a.target() instanceof Name x && a.value() instanceof Literal lit && "true".equals(lit.value())
                        && negations.stream().anyMatch(u -> mentions(u, x))) {
                    flag[0] = true;
                }
            }, true);
            return flag[0];
        }
        return false;
    }

    private static boolean exitsAfter(Call c, Node region, Loop l) {
        boolean[] found = {false};
        region.walk(n -> {
            if (found[0] || n.range().endOffset() <= c.range().startOffset()) return;
            if (n instanceof Return || n instanceof Jump j && j.kind() == Jump.Kind.BREAK && innerLoop(n, l) == null) found[0] = true;
        }, true);
        return found[0];
    }

    /** After the call, a return or a break of this loop (outside any catch): success leaves the loop. */
    private static boolean leavesAfter(Call c, Loop l) {
        boolean[] found = {false};
        l.body().walk(n -> {
            if (found[0] || n.range().endOffset() <= c.range().startOffset() || n.ancestor(Catch.class) != null
                    && n.ancestor(Catch.class).isWithin(l)) {
                return;
            }
            if (n instanceof Return || n instanceof Jump j && j.kind() == Jump.Kind.BREAK && innerLoop(n, l) == null) found[0] = true;
        }, true);
        return found[0];
    }

    /** Ends every path by leaving the loop or the function: throw, return, break. */
    static boolean alwaysLeaves(Stmt s) {
        if (s == null) return false;
        if (s instanceof Block b) return !b.statements().isEmpty() && alwaysLeaves(b.statements().get(b.statements().size() - 1));
        if (s instanceof Throw || s instanceof Return) return true;
        if (s instanceof Jump j) return j.kind() == Jump.Kind.BREAK;
        if (s instanceof If i) return alwaysLeaves(i.then()) && alwaysLeaves(i.otherwise());
        return false;
    }

    private static boolean leavesLoop(Stmt s, Loop l) {
        if (s == null) return false;
        if (s instanceof Block b) return !b.statements().isEmpty() && leavesLoop(b.statements().get(b.statements().size() - 1), l);
        return s instanceof Return || s instanceof Jump j && j.kind() == Jump.Kind.BREAK;
    }

    private static boolean endsInContinue(Stmt s) {
        if (s == null) return false;
        if (s instanceof Block b) return !b.statements().isEmpty() && endsInContinue(b.statements().get(b.statements().size() - 1));
        return s instanceof Jump j && j.kind() == Jump.Kind.CONTINUE;
    }

    /** The variable the call's result (or its awaited value) is stored in. */
    static Symbol resultOf(Call c) {
        Node child = c;
        for (Node p = c.parent(); p != null; child = p, p = p.parent()) {
            if (p instanceof VarDecl v && v.init() == child) return v.target() instanceof Name n ? n.symbol() : null;
            if (p instanceof Assign a && a.value() == child) return a.target() instanceof Name n ? n.symbol() : null;
            if (!(p instanceof Expr) || p instanceof dev.prodlint.model.expr.Lambda) return null;
        }
        return null;
    }

    /**
     * The call's arguments change between rounds: a name in them is assigned in the loop, or is
     * declared in its body from a call (the next item of a queue).
     */
    private static boolean changesBetweenRounds(Call c, Loop l) {
        boolean[] changes = {false};
        // The receiver changes when the loop takes the next item for it (op = queue.take());
        // a connection opened again for each attempt is the same request.
        if (c.receiver() != null) {
            c.receiver().walk(n -> {
                if (n instanceof Name x && x.symbol() != null && takenEachRound(l, x.symbol())) changes[0] = true;
            }, true);
        }
        List<Expr> parts = new ArrayList<>(c.args());
        for (Expr a : parts) {
            a.walk(n -> {
                if (changes[0] || !(n instanceof Name x) || x.symbol() == null) return;
                Symbol s = x.symbol();
                if (assignedIn(l, s)) changes[0] = true;
                else if (s.declaration() != null && s.declaration().isWithin(l) && s.initializer() != null
                        && takesNext(s.initializer(), l)) {
                    changes[0] = true;
                }
            }, true);
        }
        return changes[0];
    }

    private static boolean takenEachRound(Loop l, Symbol s) {
        boolean[] found = {false};
        l.walk(n -> {
            if (!found[0] && n instanceof Assign a && a.target() instanceof Name t && t.symbol() == s && takesNext(a.value(), l)) found[0] = true;
            if (!found[0] && n instanceof VarDecl v && v.target() instanceof Name t && t.symbol() == s && v.init() != null && takesNext(v.init(), l)) {
                found[0] = true;
            }
        });
        return found[0];
    }

    static boolean assignedIn(Node region, Symbol s) {
        boolean[] found = {false};
        region.walk(n -> {
            if (found[0]) return;
            if (n instanceof Assign a && a.target() instanceof Name t && t.symbol() == s) found[0] = true;
            if (n instanceof Unary u && (u.op().equals("++") || u.op().equals("--")) && u.operand() instanceof Name t && t.symbol() == s) {
                found[0] = true;
            }
        });
        return found[0];
    }

    private static final java.util.regex.Pattern NEXT_ITEM = java.util.regex.Pattern.compile(
            "(?i)(next|pop|poll|take|shift|dequeue|receive|read\\w*|claim\\w*|get)");

    /**
     * A variable made inside the loop from something that differs each round: an awaited value, the
     * next item of a queue or iterator, or a variable the loop updates. Building the same request
     * again ({@code HttpRequest.newBuilder(uri).build()}) is not.
     */
    private static boolean takesNext(Node init, Loop l) {
        boolean[] found = {false};
        init.walk(n -> {
            if (found[0]) return;
            if (n instanceof dev.prodlint.model.expr.Await) found[0] = true;
            if (n instanceof Call c && c.methodName() != null && NEXT_ITEM.matcher(c.methodName()).matches()) found[0] = true;
            if (n instanceof Name x && x.symbol() != null && assignedIn(l, x.symbol())) found[0] = true;
        }, true);
        return found[0];
    }

    static boolean mentions(Node e, Symbol s) {
        if (e == null || s == null) return false;
        boolean[] found = {false};
        e.walk(n -> {
            if (n instanceof Name x && x.symbol() == s) found[0] = true;
        });
        return found[0];
    }

    static boolean mentions(Node e, Name target) {
        return target.symbol() != null ? mentions(e, target.symbol()) : false;
    }
}
