package dev.prodlint.rules.connectionleak;

import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.cfg.CfgNode;
import dev.prodlint.cfg.ControlFlowGraph;
import dev.prodlint.cfg.Edge;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.Node;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.stmt.Return;
import dev.prodlint.rules.Finding;
import dev.prodlint.rules.FindingSink;
import dev.prodlint.rules.Rule;
import dev.prodlint.rules.RuleMeta;
import dev.prodlint.rules.Severity;
import dev.prodlint.rules.Snippets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * Finds pooled connections and clients whose release is not guaranteed on every path, and
 * transactions opened on them with no rollback when the work fails.
 */
public final class ConnectionLeakRule implements Rule {
    public static final String ID = "connection-leak";

    private static final RuleMeta META = new RuleMeta(ID,
            "Pooled connection or client not released on every path",
            Severity.ERROR,
            EnumSet.allOf(Language.class),
            """
            A connection taken from a pool must go back on every path, including when a query throws. \
            When the release sits after the work instead of in `finally`, each failure (a constraint \
            violation, a timeout, a deadlock) leaks one connection. After as many failures as the pool \
            has connections, every request waits for a connection that never comes: the service hangs, \
            and nothing is logged, because the hang is in acquiring, not in a query. A transaction \
            left open on a client that goes back to the pool holds its locks and poisons the next \
            borrower; a JDBC failure path that switches auto-commit back on commits the half-done work.""",
            """
            const client = await pool.connect();
            const { rows } = await client.query('SELECT * FROM orders WHERE id = $1', [id]);
            client.release();   // skipped when the query throws
            return rows[0];""",
            """
            const client = await pool.connect();
            try {
              const { rows } = await client.query('SELECT * FROM orders WHERE id = $1', [id]);
              return rows[0];
            } finally {
              client.release();
            }""");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ModuleContext ctx, FindingSink sink) {
        AcquisitionFinder finder = new AcquisitionFinder(ctx);
        for (FunctionDecl f : ctx.module().allFunctions()) {
            for (Acquisition acq : finder.find(f)) {
                checkAcquisition(ctx, acq, sink);
            }
        }
    }

    private void checkAcquisition(ModuleContext ctx, Acquisition acq, FindingSink sink) {
        if (acq.resource() == null) {
            if (!acq.ownedByTransaction()) sink.report(discarded(ctx, acq));
            return;
        }
        ControlFlowGraph g = ctx.cfg(acq.function());
        ResourceUses uses = new ResourceUses(ctx, acq);
        HeldFacts facts = new HeldFacts(acq);
        List<CfgNode> starts = startNodes(g, acq);
        if (starts.isEmpty()) return;
        boolean released = g.nodes().stream().anyMatch(n -> uses.effectOf(n) == ResourceUses.Effect.RELEASE);
        boolean escapes = g.nodes().stream().anyMatch(n -> uses.effectOf(n) == ResourceUses.Effect.ESCAPE);
        // A pool known only by its name, or a connection that a surrounding transaction may own,
        // is checked only where the function itself releases what it took.
        if ((acq.hinted() || acq.ownedByTransaction()) && !released) return;
        // Returned or stored: the owner is elsewhere.
        if (escapes) return;
        // A LISTEN client or one with event listeners is held open on purpose.
        if (uses.isLongLived(acq.function())) return;
        if (!acq.autoReleased()) {
            Finding leak = findLeak(ctx, g, acq, uses, facts, starts, released);
            if (leak != null) {
                sink.report(leak);
                return;
            }
        }
        Finding tx = findOpenTransaction(ctx, g, acq, uses, facts);
        if (tx != null) sink.report(tx);
    }

    private static boolean inFinally(Node n) {
        for (Node c = n, p = n.parent(); p != null; c = p, p = p.parent()) {
            if (p instanceof dev.prodlint.model.stmt.Try t && t.finalizer() == c) return true;
            if (p instanceof FunctionDecl) return false;
        }
        return false;
    }

    /** The last branch a path takes, the decision that led it past the release. */
    private static Edge lastBranch(PathSearch.Path p) {
        for (int i = p.edges().size() - 1; i >= 0; i--) {
            Edge e = p.edges().get(i);
            if ((e.kind() == Edge.Kind.TRUE || e.kind() == Edge.Kind.FALSE) && e.from().kind() == CfgNode.Kind.CONDITION) {
                return e;
            }
        }
        return null;
    }

    private static List<CfgNode> startNodes(ControlFlowGraph g, Acquisition acq) {
        if (acq.statement() == null) return List.of(g.entry());
        List<CfgNode> out = new ArrayList<>();
        for (CfgNode n : g.nodesOf(acq.statement())) {
            for (Edge e : n.successors()) {
                if (e.kind() != Edge.Kind.EXCEPTION) out.add(e.to());
            }
        }
        return out;
    }

    private Finding findLeak(ModuleContext ctx, ControlFlowGraph g, Acquisition acq, ResourceUses uses,
                             HeldFacts facts, List<CfgNode> starts, boolean released) {
        SourceModule m = ctx.module();
        String var = acq.resource().name();
        String acquire = Snippets.call(m, acq.call());
        // A normal path that never releases: an early return, or no release at all.
        // Code we cannot see may release what it is handed, so a pass ends a normal path...
        PathSearch.Path normal = PathSearch.find(g, starts, n -> uses.kills(n, true),
                e -> e.kind() != Edge.Kind.EXCEPTION && facts.feasible(e),
                n -> n == g.exit(), false);
        if (normal != null) {
            if (!released && g.nodes().stream().anyMatch(n -> uses.effectOf(n) == ResourceUses.Effect.PASSED)) return null;
            CfgNode last = normal.last();
            List<Finding.Related> related = new ArrayList<>();
            String message;
            if (!released) {
                message = "`" + var + "` from `" + acquire + "` is never released in `"
                        + acq.function().displayName() + "`.";
            } else if (last.element() instanceof Return r) {
                message = "`" + var + "` from `" + acquire + "` is not released on the path that returns at line "
                        + r.range().startLine() + ".";
                related.add(new Finding.Related(m.path(), r.range(), "returns here without releasing `" + var + "`"));
            } else {
                Edge branch = lastBranch(normal);
                if (branch != null) {
                    Node cond = branch.from().element();
                    message = "`" + var + "` from `" + acquire + "` is not released when `"
                            + Snippets.code(m, cond) + "` is " + (branch.kind() == Edge.Kind.TRUE ? "true" : "false")
                            + " (line " + cond.range().startLine() + ").";
                    related.add(new Finding.Related(m.path(), cond.range(), "this branch skips the release"));
                } else {
                    message = "`" + var + "` from `" + acquire + "` is not released on every path through `"
                            + acq.function().displayName() + "`.";
                }
            }
            return finding(ctx, acq, uses, message, related);
        }
        PathSearch.Path exceptional = exceptionalLeak(g, starts, uses, facts, released);
        if (exceptional == null) return null;
        Edge thrown = exceptional.blame(false);
        if (thrown == null) return null;
        Node thrower = thrown.from().element();
        Expr call = uses.throwingCall(thrower);
        Node at = call != null ? call : thrower;
        String what = call instanceof Call c ? "`" + Snippets.call(m, c) + "`"
                : thrower instanceof dev.prodlint.model.stmt.Throw ? "the `throw`" : "the awaited expression";
        List<Finding.Related> related = new ArrayList<>();
        related.add(new Finding.Related(m.path(), at.range(),
                "can throw here, and then `" + var + "` is never released"));
        String message = thrower instanceof dev.prodlint.model.stmt.Throw && call == null
                ? "`" + var + "` from `" + acquire + "` is not released when the `throw` at line " + at.range().startLine() + " runs."
                : "`" + var + "` from `" + acquire + "` is not released if " + what + " at line " + at.range().startLine() + " throws.";
        Finding f = finding(ctx, acq, uses, message, related);
        if (!inFinally(thrower)) return f;
        // The cleanup itself fails before the release: the fix is the order of the cleanup, not a finally.
        String fix = "Release first, or give each cleanup step its own try so a failing step cannot skip the release: "
                + "`try { " + Snippets.code(m, at) + "; } finally { " + var + "." + uses.releaseName() + "(); }`.";
        return new Finding(f.rule(), f.severity(), f.message(), f.why(), fix, f.path(), f.range(), f.related(), f.function());
    }

    /**
     * ...but where the function releases the resource itself it kept ownership, and a pass is just
     * a use that can fail.
     */
    private static PathSearch.Path exceptionalLeak(ControlFlowGraph g, List<CfgNode> starts, ResourceUses uses,
                                                   HeldFacts facts, boolean released) {
        return PathSearch.find(g, starts, n -> uses.kills(n, !released),
                e -> facts.feasible(e) && (e.kind() != Edge.Kind.EXCEPTION
                        || (uses.canThrow(e.from()) && !e.uncheckedOnly())),
                n -> n == g.exit() || n == g.throwExit(), true);
    }

    /**
     * A transaction whose failure path does not roll back. In JavaScript the client goes back to the
     * pool inside the open transaction, so releasing (or leaving) without a rollback is the bug. In
     * Java, closing a connection with a transaction open is left to the pool or driver (HikariCP and
     * DBCP roll back); the bug there is committing the half-done work on the failure path, which
     * {@code setAutoCommit(true)} or {@code commit()} in a finally or a swallowing catch does.
     */
    private Finding findOpenTransaction(ModuleContext ctx, ControlFlowGraph g, Acquisition acq, ResourceUses uses,
                                        HeldFacts facts) {
        // Auto-commit turned off only to stream a read (PostgreSQL cursors) commits nothing, so a
        // failure leaves nothing half-done: only transactions that commit somewhere need a rollback.
        if (!uses.commits(acq.function())) return null;
        boolean java = ctx.module().language() == Language.JAVA;
        for (CfgNode begin : g.nodes()) {
            if (uses.txEffectOf(begin) != ResourceUses.TxEffect.BEGIN) continue;
            List<CfgNode> starts = new ArrayList<>();
            for (Edge e : begin.successors()) {
                if (e.kind() != Edge.Kind.EXCEPTION) starts.add(e.to());
            }
            Predicate<CfgNode> stop = java
                    ? n -> uses.txEffectOf(n) == ResourceUses.TxEffect.ROLLBACK || uses.kills(n, true)
                    : n -> uses.txEffectOf(n) != ResourceUses.TxEffect.NONE && uses.txEffectOf(n) != ResourceUses.TxEffect.BEGIN
                            || uses.kills(n, true);
            Predicate<CfgNode> goal = java
                    ? n -> uses.txEffectOf(n) == ResourceUses.TxEffect.COMMIT
                    : n -> n == g.exit() || n == g.throwExit() || uses.effectOf(n) == ResourceUses.Effect.RELEASE;
            Predicate<Edge> follow = e -> facts.feasible(e) && (e.kind() != Edge.Kind.EXCEPTION
                    || (uses.canThrow(e.from()) && !e.uncheckedOnly()));
            if (!java) {
                PathSearch.Path p = PathSearch.find(g, starts, stop, follow, goal, true);
                if (p != null) return transactionFinding(ctx, acq, uses, begin, null, p);
                continue;
            }
            // Java: only a failure after a write leaves something half-done for the commit to keep;
            // a failing commit is not such a failure. Blame a failing write first if one can.
            Predicate<Edge> javaFollow = e -> follow.test(e)
                    && !(e.kind() == Edge.Kind.EXCEPTION && uses.txEffectOf(e.from()) == ResourceUses.TxEffect.COMMIT);
            Predicate<Edge> writeFails = e -> javaFollow.test(e) && (e.kind() != Edge.Kind.EXCEPTION || uses.writes(e.from()));
            for (CfgNode write : writesAfter(g, starts, stop, uses)) {
                List<CfgNode> afterWrite = new ArrayList<>();
                for (Edge e : write.successors()) {
                    if (e.kind() != Edge.Kind.EXCEPTION) afterWrite.add(e.to());
                }
                PathSearch.Path p = PathSearch.find(g, afterWrite, stop, writeFails, goal, true);
                if (p == null) p = PathSearch.find(g, afterWrite, stop, javaFollow, goal, true);
                if (p != null) return transactionFinding(ctx, acq, uses, begin, write, p);
            }
        }
        return null;
    }

    /** The nodes that write through the connection, reachable from the transaction's start, in order. */
    private static List<CfgNode> writesAfter(ControlFlowGraph g, List<CfgNode> starts, Predicate<CfgNode> stop,
                                             ResourceUses uses) {
        List<CfgNode> out = new ArrayList<>();
        java.util.ArrayDeque<CfgNode> queue = new java.util.ArrayDeque<>(starts);
        java.util.Set<CfgNode> seen = new java.util.HashSet<>();
        while (!queue.isEmpty()) {
            CfgNode n = queue.poll();
            if (!seen.add(n) || stop.test(n)) continue;
            if (uses.writes(n)) out.add(n);
            for (Edge e : n.successors()) {
                if (e.kind() != Edge.Kind.EXCEPTION) queue.add(e.to());
            }
        }
        out.sort(java.util.Comparator.comparingInt(n -> n.element().range().startOffset()));
        return out;
    }

    private Finding transactionFinding(ModuleContext ctx, Acquisition acq, ResourceUses uses, CfgNode begin,
                                       CfgNode write, PathSearch.Path p) {
        SourceModule m = ctx.module();
        boolean java = m.language() == Language.JAVA;
        Edge thrown = p.blame(true);
        Expr call = uses.throwingCall(thrown.from().element());
        Node at = call != null ? call : thrown.from().element();
        String var = acq.resource().name();
        Node beginCall = firstCallOn(begin.element(), acq);
        Node beginAt = beginCall != null ? beginCall : begin.element();
        String what = call instanceof Call c ? "`" + Snippets.call(m, c) + "`" : "the statement";
        List<Finding.Related> related = new ArrayList<>();
        related.add(new Finding.Related(m.path(), beginAt.range(), "transaction opened here"));
        related.add(new Finding.Related(m.path(), at.range(), "can throw here; no rollback follows"));
        String message = "Transaction opened on `" + var + "` at line " + begin.element().range().startLine()
                + " is not rolled back if " + what + " at line " + at.range().startLine() + " throws";
        if (java) message = message.replace("is not rolled back if", "is committed half-done if");
        String why;
        String fix;
        if (java) {
            Node committer = firstCallOn(p.end().element(), acq);
            Node cAt = committer != null ? committer : p.end().element();
            related.add(new Finding.Related(m.path(), cAt.range(), "commits the half-done work"));
            Expr wrote = write == null ? null : uses.throwingCall(write.element());
            if (wrote != null) related.add(1, new Finding.Related(m.path(), wrote.range(), "this write has succeeded"));
            message += (wrote == null ? "" : " after `" + Snippets.code(m, wrote) + "` at line " + wrote.range().startLine()
                    + " succeeded") + "; `" + Snippets.code(m, cAt) + "` at line " + cAt.range().startLine()
                    + " then commits the half-done work.";
            why = "On the failure path the statements that succeeded are committed without the ones that failed: "
                    + "the data is left half-written, and nothing reports it (setAutoCommit(true) commits an open transaction).";
            fix = "Roll back before anything commits on the failure path: "
                    + "`catch (SQLException e) { " + var + ".rollback(); throw e; }` ahead of the finally that restores auto-commit.";
        } else {
            message += ".";
            why = "The client goes back to the pool inside an open, failed transaction: the next request that "
                    + "borrows it runs in that transaction, and the rows it locked stay locked.";
            fix = "Roll back in a catch and rethrow: `try { await " + var + ".query('BEGIN'); ...; await " + var
                    + ".query('COMMIT'); } catch (e) { await " + var + ".query('ROLLBACK'); throw e; } finally { "
                    + var + ".release(); }`.";
        }
        return new Finding(ID, Severity.ERROR, message, why, fix, m.path(), beginAt.range(), related,
                acq.function().displayName());
    }

    private static Node firstCallOn(Node element, Acquisition acq) {
        Node[] found = {null};
        element.walk(n -> {
            if (found[0] == null && n instanceof Call c && c.receiver() != null
                    && c.receiver().unwrap() instanceof dev.prodlint.model.expr.Name rn && rn.symbol() == acq.resource()) {
                found[0] = c;
            }
        }, true);
        return found[0];
    }

    private Finding discarded(ModuleContext ctx, Acquisition acq) {
        String acquire = Snippets.call(ctx.module(), acq.call());
        return new Finding(ID, Severity.ERROR,
                "The connection from `" + acquire + "` is thrown away: nothing can ever release it.",
                "Each call takes one connection out of the pool for good; once the pool is drained, every request "
                        + "blocks waiting for a connection and the service hangs with no error logged.",
                "Keep the result and release it in `finally`, or drop the call if the connection is not needed.",
                ctx.module().path(), acq.call().range(), List.of(), acq.function().displayName());
    }

    private Finding finding(ModuleContext ctx, Acquisition acq, ResourceUses uses, String message,
                            List<Finding.Related> related) {
        boolean java = ctx.module().language() == Language.JAVA;
        String var = acq.resource().name();
        boolean dedicated = ctx.calls().classify(acq.call()).map(x -> x.method().acquiresReceiver()).orElse(false);
        String why = dedicated
                ? "Each time this path runs, one database connection stays open until the server or the process drops "
                  + "it; the server's connection limit fills up and new connections are refused."
                : "Each time this path runs, one connection never goes back to the pool; once the pool is drained, "
                  + "every request blocks waiting for a connection and the service hangs with no error logged.";
        String fix;
        if (java) {
            String type = acq.resourceType() == null ? "var" : acq.resourceType().substring(acq.resourceType().lastIndexOf('.') + 1);
            fix = "Acquire it in try-with-resources so it is closed on every path: `try (" + type + " " + var + " = "
                    + Snippets.call(ctx.module(), acq.call()) + ") { ... }`.";
        } else if (acq.releaseParam() != null) {
            fix = "Call `" + acq.releaseParam().name() + "()` on every path, errors included, or use the promise API "
                    + "with `try { ... } finally { " + var + ".release(); }`.";
        } else {
            fix = "Release it in `finally`: `try { ... } finally { " + var + "." + uses.releaseName() + "(); }`.";
        }
        return new Finding(ID, Severity.ERROR, message, why, fix, ctx.module().path(), acq.call().range(), related,
                acq.function().displayName());
    }
}
