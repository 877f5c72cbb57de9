package dev.prodlint.rules.cachestampede;

import dev.prodlint.analysis.CallClassifier.CallMatch;
import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.apimodel.Role;
import dev.prodlint.cfg.CfgNode;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.Node;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.Assign;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Lambda;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.stmt.VarDecl;
import dev.prodlint.rules.Finding;
import dev.prodlint.rules.Snippets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One cache read checked as cache-aside: a test of its result that, on a miss, leads to an
 * expensive load whose result is written back under the same key.
 */
final class CacheAside {
    private static final int MAX_ROUNDS = 6;

    private final ModuleContext ctx;
    private final Loads loads;
    private final Protections protections;
    private final CacheRead read;

    CacheAside(ModuleContext ctx, Loads loads, Protections protections, CacheRead read) {
        this.ctx = ctx;
        this.loads = loads;
        this.protections = protections;
        this.read = read;
    }

    Finding check(Set<Call> reportedWrites) {
        FunctionDecl scope = read.scope();
        if (scope.body() == null) return null;
        SourceModule m = ctx.module();
        int keyCount = read.keyArgs().size();
        String key = CacheRead.keyText(m, read.call(), keyCount);
        if (key == null || key.isEmpty()) return null;
        List<Call> calls = Protections.calls(scope);
        String root = cacheRoot(read.call());
        List<Call> writes = new ArrayList<>();
        for (Call c : calls) {
            Optional<CallMatch> w = ctx.calls().classify(c);
            if (w.isPresent() && w.get().is(Role.CACHE_WRITE) && c.args().size() > keyCount
                    && key.equals(CacheRead.keyText(m, c, keyCount)) && root.equals(cacheRoot(c))) {
                writes.add(c);
            }
        }
        if (writes.isEmpty()) return null;
        FlowOrder order = new FlowOrder(ctx.cfg(scope));
        boolean readInScope = order.contains(read.call());
        List<CfgNode> tests = new ArrayList<>();
        for (CfgNode t : CacheStampedeRule.conditionNodes(order, read)) {
            if (!readInScope || order.reaches(order.anchors(read.call()), List.of(t), List.of()) || order.anchors(read.call()).contains(t)) {
                tests.add(t);
            }
        }
        boolean jsInProcess = m.language() != Language.JAVA
                && ctx.models().type(read.match().typeId()).map(t -> t.isInProcess()).orElse(false);
        for (Call load : calls) {
            if (read.call().isWithin(load) || inReadArguments(load)) continue;
            Optional<Loads.Load> l = loads.of(load);
            if (l.isEmpty()) continue;
            if (jsInProcess && !CacheStampedeRule.isAsync(load)) continue;
            if (!onMiss(order, tests, load, scope)) continue;
            Set<Symbol> derived = derivedFrom(scope, load);
            for (Call w : writes) {
                if (reportedWrites.contains(w)) continue;
                if (!(w.isWithin(load) || order.after(load, w))) continue;
                if (!writesLoaded(w, keyCount, load, derived)) continue;
                Protections.Outcome o = protections.check(read, load, w, order, key);
                if (o.verdict() == Protections.Verdict.PROTECTED) return null;
                reportedWrites.add(w);
                return new StampedeFinding(ctx, read, l.get(), w, o).build();
            }
        }
        return null;
    }

    /**
     * The cache object a call reads or writes, as written: {@code redisTemplate} for
     * {@code redisTemplate.opsForValue().get(key)}, whose views are made by factory calls.
     */
    private String cacheRoot(Call c) {
        Expr r = c.receiver();
        while (r != null && r.unwrap() instanceof Call inner && inner.receiver() != null
                && ctx.calls().classify(inner).map(x -> x.is(Role.FACTORY)).orElse(false)) {
            r = inner.receiver();
        }
        return r == null ? "" : Snippets.compact(ctx.module(), r).replace("this.", "");
    }

    /** A call in the read's own arguments (its key), not in its callback. */
    private boolean inReadArguments(Call load) {
        for (Node p = load.parent(); p != null; p = p.parent()) {
            if (p instanceof Lambda) return false;
            if (p == read.call()) return true;
        }
        return false;
    }

    /** The load runs only after some test of the read's result, on a branch the hit path avoids. */
    private boolean onMiss(FlowOrder order, List<CfgNode> tests, Call load, FunctionDecl scope) {
        if (CacheStampedeRule.guardsExpression(read, load, scope)) return true;
        List<CfgNode> at = order.anchors(load);
        if (at.isEmpty()) return false;
        for (CfgNode t : tests) {
            if (at.contains(t)) continue;
            if (order.reaches(List.of(t), at, List.of()) && order.canFinishWithout(List.of(t), load)) return true;
        }
        return false;
    }

    /** The value written is the load's result: it holds the load, or a variable computed from it. */
    private static boolean writesLoaded(Call write, int keyCount, Call load, Set<Symbol> derived) {
        for (int i = keyCount; i < write.args().size(); i++) {
            Expr v = write.arg(i);
            if (load.isWithin(v) || mentions(v, derived)) return true;
        }
        return false;
    }

    /** Variables whose value comes from the load: assigned from it, from each other, or its callbacks' parameters. */
    static Set<Symbol> derivedFrom(FunctionDecl scope, Call load) {
        Set<Symbol> out = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int before = out.size();
            scope.body().walk(n -> {
                if (n instanceof VarDecl v && v.init() != null && (load.isWithin(v.init()) || mentions(v.init(), out))) {
                    addNames(v.target(), out);
                } else if (n instanceof Assign a && (load.isWithin(a.value()) || mentions(a.value(), out))) {
                    addNames(a.target(), out);
                } else if (n instanceof Call c && (c == load || c.receiver() != null
                        && (load.isWithin(c.receiver()) || mentions(c.receiver(), out)))) {
                    for (Expr a : c.args()) {
                        if (a instanceof Lambda l) l.function().params().forEach(p -> addNames(p.target(), out));
                    }
                }
            });
            if (out.size() == before) break;
        }
        return out;
    }

    private static void addNames(Node target, Set<Symbol> out) {
        if (target == null) return;
        target.walk(n -> {
            if (n instanceof Name x && x.symbol() != null) out.add(x.symbol());
        }, true);
    }

    static boolean mentions(Node e, Set<Symbol> symbols) {
        if (symbols.isEmpty()) return false;
        boolean[] found = {false};
        e.walk(n -> {
            if (!found[0] && n instanceof Name x && x.symbol() != null && symbols.contains(x.symbol())) found[0] = true;
        });
        return found[0];
    }
}
