package dev.prodlint.rules.connectionleak;

import dev.prodlint.analysis.CallClassifier.CallMatch;
import dev.prodlint.analysis.LocalFunctions;
import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.apimodel.MethodModel;
import dev.prodlint.apimodel.Role;
import dev.prodlint.cfg.CfgNode;
import dev.prodlint.model.ClassDecl;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Node;
import dev.prodlint.model.Param;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.ArrayLit;
import dev.prodlint.model.expr.Assign;
import dev.prodlint.model.expr.Await;
import dev.prodlint.model.expr.Binary;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Cast;
import dev.prodlint.model.expr.Conditional;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Lambda;
import dev.prodlint.model.expr.Literal;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.New;
import dev.prodlint.model.expr.Property;
import dev.prodlint.model.expr.Spread;
import dev.prodlint.model.expr.Template;
import dev.prodlint.model.expr.This;
import dev.prodlint.model.expr.Unary;
import dev.prodlint.model.stmt.Return;
import dev.prodlint.model.stmt.Throw;
import dev.prodlint.model.stmt.VarDecl;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each statement does with one acquired resource: releases it, hands it away (escape), uses it,
 * or opens, commits or rolls back a transaction on it.
 */
final class ResourceUses {
    /**
     * What a statement does with the resource. PASSED: handed as an argument to code the analysis
     * cannot see, which may or may not take ownership; ESCAPE: returned or stored, ownership moves.
     */
    enum Effect { NONE, USE, PASSED, ESCAPE, RELEASE }

    /** Release method names assumed when the models give none for the resource's type. */
    private static final Set<String> DEFAULT_RELEASES = Set.of("release", "close", "end", "destroy");

    private static final List<String> RELEASING_VERBS =
            List.of("release", "close", "end", "destroy", "dispose", "commit", "rollback", "cleanup", "done", "finish");

    private final ModuleContext ctx;
    private final Acquisition acq;
    private final Set<String> releaseNames = new java.util.LinkedHashSet<>();
    private final Map<Node, Effect> effects = new IdentityHashMap<>();
    private final Map<FunctionDecl, Boolean> cannotThrow = new IdentityHashMap<>();

    ResourceUses(ModuleContext ctx, Acquisition acq) {
        this.ctx = ctx;
        this.acq = acq;
        if (acq.resourceType() != null) {
            for (MethodModel m : ctx.models().methodsWithRole(acq.resourceType(), Role.RELEASE)) {
                if (m.resourceArg() == null) releaseNames.addAll(m.names());
            }
        }
        if (releaseNames.isEmpty()) releaseNames.addAll(DEFAULT_RELEASES);
    }

    /** The method that gives the resource back, for messages. */
    String releaseName() {
        return releaseNames.iterator().next();
    }

    /** The effect of a statement or condition node; other nodes have none. */
    Effect effectOf(CfgNode node) {
        if (node.kind() != CfgNode.Kind.STATEMENT && node.kind() != CfgNode.Kind.CONDITION) return Effect.NONE;
        return effects.computeIfAbsent(node.element(), this::compute);
    }

    /** Does the node end the resource's life here: released, or owned elsewhere from now on? */
    boolean kills(CfgNode node, boolean passedKills) {
        Effect e = effectOf(node);
        return e == Effect.RELEASE || e == Effect.ESCAPE || (passedKills && e == Effect.PASSED);
    }

    /**
     * A resource that registers listeners or LISTENs for notifications is a long-lived
     * subscription, held open on purpose.
     */
    boolean isLongLived(Node body) {
        boolean[] found = {false};
        body.walk(n -> {
            if (found[0] || !(n instanceof Call c)) return;
            if (!isCallOn(c, acq.resource())) return;
            String m = c.methodName();
            if ("on".equals(m) || "once".equals(m) || "addListener".equals(m)) found[0] = true;
            String sql = sqlText(c.arg(0));
            if (sql != null && sql.strip().toUpperCase(Locale.ROOT).startsWith("LISTEN")) found[0] = true;
        });
        return found[0];
    }

    private Effect compute(Node element) {
        Effect[] best = {Effect.NONE};
        element.walk(n -> {
            Effect e = Effect.NONE;
            if (n instanceof Name name && name.symbol() == acq.resource()) e = effectOfReference(name);
            else if (n instanceof Name name && acq.releaseParam() != null && name.symbol() == acq.releaseParam()) {
                e = Effect.RELEASE;
            }
            if (e.ordinal() > best[0].ordinal()) best[0] = e;
        });
        return best[0];
    }

    private Effect effectOfReference(Name name) {
        Node child = name;
        Node p = name.parent();
        while (p instanceof Cast || p instanceof Await) {
            child = p;
            p = p.parent();
        }
        if (p instanceof Member m && m.object() == child) {
            if (m.parent() instanceof Call c && c.callee() == m) {
                return releaseNames.contains(m.property()) ? Effect.RELEASE : Effect.USE;
            }
            return Effect.USE;
        }
        if (p instanceof Call c) {
            int index = c.args().indexOf(child);
            if (index < 0) return Effect.USE;
            return effectOfArgument(c, index);
        }
        if (p instanceof VarDecl v) return v.target() == child ? Effect.NONE : Effect.ESCAPE;
        if (p instanceof Assign a) return a.target() == child ? Effect.NONE : Effect.ESCAPE;
        if (p instanceof Binary || p instanceof Unary || p instanceof Template) return Effect.NONE;
        if (p instanceof Return || p instanceof Property || p instanceof ArrayLit || p instanceof Spread
                || p instanceof New || p instanceof Conditional || p instanceof Throw) {
            return Effect.ESCAPE;
        }
        return Effect.USE;
    }

    private Effect effectOfArgument(Call c, int index) {
        Optional<CallMatch> m = ctx.calls().classify(c);
        if (m.isPresent()) {
            MethodModel method = m.get().method();
            if (method.role() == Role.RELEASE && method.resourceArg() != null && method.resourceArg() == index) {
                return Effect.RELEASE;
            }
            return Effect.USE;
        }
        FunctionDecl helper = LocalFunctions.callee(c);
        if (helper != null) return releasesParam(helper, index) ? Effect.RELEASE : Effect.USE;
        // release(conn), closeQuietly(conn), commit(conn), rollback(conn): code we cannot see whose
        // name says it ends the connection's use is taken at its word.
        String name = c.methodName() == null ? "" : c.methodName().toLowerCase(Locale.ROOT);
        for (String verb : RELEASING_VERBS) {
            if (name.contains(verb)) return Effect.RELEASE;
        }
        return Effect.PASSED;
    }

    /** Does the helper release its parameter at {@code index} (anywhere in its body)? One level deep. */
    private boolean releasesParam(FunctionDecl helper, int index) {
        if (index >= helper.params().size() || helper.body() == null) return false;
        Param p = helper.params().get(index);
        if (!(p.target() instanceof Name pn) || pn.symbol() == null) return false;
        Symbol s = pn.symbol();
        boolean[] found = {false};
        helper.body().walk(n -> {
            if (found[0] || !(n instanceof Call c)) return;
            if (isCallOn(c, s) && releaseNames.contains(c.methodName())) found[0] = true;
            for (int i = 0; i < c.args().size(); i++) {
                if (c.arg(i).unwrap() instanceof Name an && an.symbol() == s) {
                    Optional<CallMatch> m = ctx.calls().classify(c);
                    if (m.isPresent() && m.get().is(Role.RELEASE) && Integer.valueOf(i).equals(m.get().method().resourceArg())) {
                        found[0] = true;
                    }
                }
            }
        });
        return found[0];
    }

    // ---- exceptions ----

    /**
     * Can this node throw in practice? Counted: explicit throws; in Java, calls the models know
     * (JDBC calls throw SQLException) and helpers of this file that can throw; in JavaScript,
     * awaited work. Logging is never counted, nor is a JavaScript call that is not awaited: a
     * promise or callback API reports its errors later, not by throwing at the call.
     */
    boolean canThrow(CfgNode node) {
        if (!node.mayThrow()) return false;
        if (node.element() instanceof Throw) return true;
        return throwingCall(node.element()) != null;
    }

    /** The first call or await in the element that can fail, as {@link #canThrow} counts, or null. */
    Expr throwingCall(Node element) {
        boolean java = ctx.module().language() == dev.prodlint.model.Language.JAVA;
        Expr[] first = {null};
        element.walk(n -> {
            if (first[0] != null) return;
            if (n instanceof Call c) {
                if (isReleaseOfResource(c)) return;
                Optional<CallMatch> m = ctx.calls().classify(c);
                // Logging does not fail, and closing other resources first is not what leaks in practice.
                if (m.isPresent() && (m.get().is(Role.NO_THROW) || m.get().is(Role.LOG) || m.get().is(Role.RELEASE))) return;
                boolean counted = java || isAwaited(c);
                FunctionDecl helper = LocalFunctions.callee(c);
                if (helper != null) {
                    if (counted && !cannotThrow(helper)) first[0] = c;
                } else if (counted && (m.isPresent() || !java)) {
                    first[0] = c;
                }
            } else if (n instanceof Await a && !(a.operand().unwrap() instanceof Call)) {
                first[0] = a;
            }
        }, true);
        return first[0];
    }

    private static boolean isAwaited(Call c) {
        Node p = c.parent();
        while (p instanceof Cast) p = p.parent();
        return p instanceof Await;
    }

    /**
     * A helper of this file from which no exception can escape, counting failures as
     * {@link #canThrow} does ({@code closeSilently(rs)} that catches Exception cannot throw).
     */
    private boolean cannotThrow(FunctionDecl helper) {
        Boolean known = cannotThrow.get(helper);
        if (known != null) return known;
        cannotThrow.put(helper, Boolean.TRUE); // recursion: assume the best while looking
        boolean result = helper.body() != null && !throwExitReachable(helper);
        cannotThrow.put(helper, result);
        return result;
    }

    private boolean throwExitReachable(FunctionDecl helper) {
        dev.prodlint.cfg.ControlFlowGraph g = ctx.cfg(helper);
        java.util.ArrayDeque<CfgNode> queue = new java.util.ArrayDeque<>(List.of(g.entry()));
        java.util.Set<CfgNode> seen = new java.util.HashSet<>();
        while (!queue.isEmpty()) {
            CfgNode n = queue.poll();
            if (n == g.throwExit()) return true;
            if (!seen.add(n)) continue;
            for (dev.prodlint.cfg.Edge e : n.successors()) {
                if (e.kind() == dev.prodlint.cfg.Edge.Kind.EXCEPTION && (e.uncheckedOnly() || !canThrow(n))) continue;
                queue.add(e.to());
            }
        }
        return false;
    }

    private boolean isReleaseOfResource(Call c) {
        return isCallOn(c, acq.resource()) && releaseNames.contains(c.methodName());
    }

    // ---- transactions ----

    /** What a node does to a transaction on the resource; ROLLBACK also covers destroying the client. */
    enum TxEffect { NONE, BEGIN, COMMIT, ROLLBACK }

    /** Does the node open, commit or roll back a transaction on the resource? The strongest effect wins. */
    TxEffect txEffectOf(CfgNode node) {
        if (node.kind() != CfgNode.Kind.STATEMENT && node.kind() != CfgNode.Kind.CONDITION) return TxEffect.NONE;
        TxEffect[] best = {TxEffect.NONE};
        node.element().walk(n -> {
            if (!(n instanceof Call c)) return;
            if (!isCallOn(c, acq.resource())) return;
            TxEffect e = txEffectOfCall(c);
            if (e.ordinal() > best[0].ordinal()) best[0] = e;
        });
        return best[0];
    }

    private static final Set<String> WRITE_METHODS =
            Set.of("executeUpdate", "execute", "executeBatch", "executeLargeUpdate", "executeLargeBatch");

    /** Does the node write through JDBC ({@code executeUpdate} and kin on a statement)? */
    boolean writes(CfgNode node) {
        if (node.kind() != CfgNode.Kind.STATEMENT || node.element() == null) return false;
        boolean[] found = {false};
        node.element().walk(n -> {
            if (found[0] || !(n instanceof Call c) || !WRITE_METHODS.contains(c.methodName())) return;
            Optional<CallMatch> m = ctx.calls().classify(c);
            if (m.isPresent() && m.get().typeId().startsWith("java.sql.")) found[0] = true;
        }, true);
        return found[0];
    }

    /** Does the function commit a transaction on the resource anywhere? */
    boolean commits(Node body) {
        boolean[] found = {false};
        body.walk(n -> {
            if (found[0] || !(n instanceof Call c)) return;
            if (!isCallOn(c, acq.resource())) return;
            Optional<CallMatch> m = ctx.calls().classify(c);
            if (m.isPresent() && m.get().is(Role.TRANSACTION_COMMIT)) found[0] = true;
            String sql = sqlText(c.arg(0));
            if (sql != null && sql.strip().toUpperCase(Locale.ROOT).startsWith("COMMIT")) found[0] = true;
        });
        return found[0];
    }

    private TxEffect txEffectOfCall(Call c) {
        Optional<CallMatch> m = ctx.calls().classify(c);
        Role role = m.map(x -> x.method().role()).orElse(null);
        if (role == Role.TRANSACTION_BEGIN) return TxEffect.BEGIN;
        if (role == Role.TRANSACTION_COMMIT) return TxEffect.COMMIT;
        if (role == Role.TRANSACTION_ROLLBACK) return TxEffect.ROLLBACK;
        // pg: release(err) or release(true) destroys the client, which ends its transaction.
        if (releaseNames.contains(c.methodName()) && !c.args().isEmpty()) return TxEffect.ROLLBACK;
        if (role == Role.DB_QUERY || (role == null && "query".equals(c.methodName()))) {
            String sql = sqlText(c.arg(m.map(x -> x.method().sqlArg()).filter(i -> i != null).orElse(0)));
            if (sql == null) return TxEffect.NONE;
            String head = sql.strip().toUpperCase(Locale.ROOT);
            if (head.startsWith("BEGIN") || head.startsWith("START TRANSACTION")) return TxEffect.BEGIN;
            if (head.startsWith("COMMIT") || head.startsWith("END")) return TxEffect.COMMIT;
            if (head.startsWith("ROLLBACK")) return TxEffect.ROLLBACK;
        }
        return TxEffect.NONE;
    }

    /** Is {@code c} a method call on the variable {@code s} ({@code s.m(...)})? */
    private static boolean isCallOn(Call c, Symbol s) {
        Expr r = c.receiver() == null ? null : c.receiver().unwrap();
        return r instanceof Name n && n.symbol() == s;
    }

    private static String sqlText(Expr e) {
        if (e == null) return null;
        Expr u = e.unwrap();
        if (u instanceof Literal l && l.isString()) return l.value();
        if (u instanceof Template t) return t.textWith("?");
        return null;
    }
}
