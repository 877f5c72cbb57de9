package dev.prodlint.rules.cachestampede;

import dev.prodlint.analysis.CallClassifier.CallMatch;
import dev.prodlint.analysis.LocalFunctions;
import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.apimodel.FunctionModel;
import dev.prodlint.apimodel.Role;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.Node;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.Await;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Lambda;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.New;
import dev.prodlint.model.expr.OtherExpr;
import dev.prodlint.model.expr.This;
import dev.prodlint.model.stmt.Synchronized;
import dev.prodlint.model.stmt.VarDecl;
import dev.prodlint.rules.Snippets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What stops concurrent misses from all running a load: a lock around it with a re-check, a
 * single-flight map of in-flight promises, a wrapper that shares one run per key (DataLoader,
 * p-memoize, computeIfAbsent), storing the promise rather than the value, or probabilistic early
 * refresh. Also tells the protections that exist but do not work: a lock with no re-check inside,
 * and an in-flight map filled only after an {@code await}.
 */
final class Protections {
    enum Verdict { UNPROTECTED, PROTECTED, LOCK_WITHOUT_RECHECK, LATE_IN_FLIGHT }

    /** @param at the lock, or the await before the in-flight map is filled */
    record Outcome(Verdict verdict, Node at) {
        static final Outcome NONE = new Outcome(Verdict.UNPROTECTED, null);
        static final Outcome SAFE = new Outcome(Verdict.PROTECTED, null);
    }

    private static final Set<String> PROMISE_METHODS = Set.of("then", "catch", "finally", "supplyAsync", "runAsync",
            "thenApply", "thenCompose", "thenApplyAsync", "thenComposeAsync", "submit", "toFuture");

    private final ModuleContext ctx;
    private final Loads loads;

    Protections(ModuleContext ctx, Loads loads) {
        this.ctx = ctx;
        this.loads = loads;
    }

    Outcome check(CacheRead read, Call load, Call write, FlowOrder order, String key) {
        Outcome o = synchronizedBlock(read, load, order, key);
        if (o != Outcome.NONE) return o;
        o = lockedCallback(read, load, order, key);
        if (o != Outcome.NONE) return o;
        o = lockCall(read, load, order, key);
        if (o != Outcome.NONE) return o;
        if (ctx.module().language() != Language.JAVA) {
            Expr value = write.arg(read.keyArgs().size());
            if (value != null && isPromise(value, 0)) return Outcome.SAFE;
        }
        for (FunctionDecl f = read.scope(); f != null; f = f.enclosingFunction()) {
            o = inFlightMap(f, read, order.cfg().function() == f ? order : new FlowOrder(ctx.cfg(f)));
            if (o != Outcome.NONE) return o;
        }
        if (backgroundRefresh(read, order, key)) return Outcome.SAFE;
        o = callers(read.call().enclosingFunction());
        if (o != Outcome.NONE) return o;
        return earlyRefresh(read.call()) ? Outcome.SAFE : Outcome.NONE;
    }

    // --- locks ---

    private Outcome synchronizedBlock(CacheRead read, Call load, FlowOrder order, String key) {
        for (FunctionDecl f = read.call().enclosingFunction(); f != null; f = f.enclosingFunction()) {
            if (f.modifiers().contains("synchronized") && load.isWithin(f)) return Outcome.SAFE;
        }
        for (Node p = load.parent(); p != null && p != read.scope(); p = p.parent()) {
            if (p instanceof Synchronized s) return underLock(s.body(), s, read, load, order, key);
        }
        return Outcome.NONE;
    }

    private Outcome lockedCallback(CacheRead read, Call load, FlowOrder order, String key) {
        for (Node p = load.parent(); p != null && p != read.scope(); p = p.parent()) {
            if (p instanceof Lambda l && l.parent() instanceof Call c && c.args().contains(l)) {
                Role r = role(c);
                if (r == Role.CACHE_LOAD || r == Role.SINGLE_FLIGHT) return Outcome.SAFE;
                if (r == Role.LOCKED_CALLBACK) return underLock(l.function(), c, read, load, order, key);
            }
        }
        return Outcome.NONE;
    }

    /** A lock region: safe when the read itself is inside, or the region reads the cache again before loading. */
    private Outcome underLock(Node region, Node lock, CacheRead read, Call load, FlowOrder order, String key) {
        if (read.call().isWithin(region)) return Outcome.SAFE;
        for (Call again : reads(region, key, read)) {
            if (again.range().startOffset() < load.range().startOffset()) return Outcome.SAFE;
        }
        return new Outcome(Verdict.LOCK_WITHOUT_RECHECK, lock);
    }

    private Outcome lockCall(CacheRead read, Call load, FlowOrder order, String key) {
        FunctionDecl scope = order.cfg().function();
        for (Call lock : calls(scope)) {
            if (!isLock(lock) || !order.alwaysBefore(lock, load)) continue;
            if (order.contains(read.call()) && order.alwaysBefore(lock, read.call())) return Outcome.SAFE;
            for (Call again : reads(scope, key, read)) {
                if (order.alwaysBefore(lock, again) && order.after(again, load)) return Outcome.SAFE;
            }
            return new Outcome(Verdict.LOCK_WITHOUT_RECHECK, lock);
        }
        return Outcome.NONE;
    }

    /** A lock call, or a call of a same-file helper that takes one ({@code tryLock(key)} around setIfAbsent). */
    private boolean isLock(Call c) {
        if (role(c) == Role.LOCK) return true;
        FunctionDecl helper = LocalFunctions.callee(c);
        if (helper == null || helper.body() == null || helper == c.enclosingFunction()) return false;
        for (Call inner : calls(helper)) {
            if (role(inner) == Role.LOCK) return true;
        }
        return false;
    }

    /** Other reads of the same entry within a region. */
    private List<Call> reads(Node region, String key, CacheRead read) {
        List<Call> out = new ArrayList<>();
        region.walk(n -> {
            if (n instanceof Call c && c != read.call() && role(c) == Role.CACHE_READ) {
                String k = CacheRead.keyText(ctx.module(), c, read.keyArgs().size());
                if (key.equals(k)) out.add(c);
            }
        });
        return out;
    }

    // --- single flight ---

    /**
     * A map of in-flight promises in {@code f}: a value set to a promise after a check of the same
     * map. Safe when nothing is awaited between the check and the set; otherwise every request
     * passes the check before the first one registers.
     */
    private Outcome inFlightMap(FunctionDecl f, CacheRead read, FlowOrder order) {
        if (f.body() == null || ctx.module().language() == Language.JAVA && f != read.scope()) return Outcome.NONE;
        List<Call> all = calls(f);
        for (Call set : all) {
            Optional<CallMatch> m = ctx.calls().classify(set);
            if (m.isEmpty() || !m.get().is(Role.CACHE_WRITE) || set == read.call() || set.receiver() == null) continue;
            if (!isInProcess(m.get())) continue;
            Expr value = set.arg(1);
            if (value == null || !isPromise(value, 0)) continue;
            String key = CacheRead.keyText(ctx.module(), set, 1);
            String receiver = text(set.receiver());
            for (Call check : all) {
                if (check == set || role(check) != Role.CACHE_READ || check.receiver() == null) continue;
                if (!receiver.equals(text(check.receiver())) || !key.equals(CacheRead.keyText(ctx.module(), check, 1))) continue;
                if (!order.after(check, set)) continue;
                Await between = awaitBetween(f, check, set, order);
                return between == null ? Outcome.SAFE : new Outcome(Verdict.LATE_IN_FLIGHT, between);
            }
        }
        return Outcome.NONE;
    }

    private Await awaitBetween(FunctionDecl f, Call check, Call set, FlowOrder order) {
        Await[] found = {null};
        f.body().walk(n -> {
            if (found[0] == null && n instanceof Await a && !check.isWithin(a) && !set.isWithin(a)
                    && order.after(check, a) && order.after(a, set) && !sameStatement(order, a, set)) {
                found[0] = a;
            }
        }, true);
        return found[0];
    }

    private static boolean sameStatement(FlowOrder order, Node a, Node b) {
        return order.anchors(a).equals(order.anchors(b));
    }

    /**
     * Who calls the function that reads the cache: when every call in this file goes through a
     * single-flight wrapper, a lock, or an in-flight map, concurrent misses share one run.
     */
    private Outcome callers(FunctionDecl f) {
        // Walk out of callbacks: an async IIFE or a lambda handed to a wrapper.
        while (f != null && f.parent() instanceof Lambda l) {
            Outcome o = protectiveUse(l);
            if (o != Outcome.NONE) return o;
            if (f.kind() != FunctionDecl.Kind.ARROW && f.kind() != FunctionDecl.Kind.LAMBDA && f.kind() != FunctionDecl.Kind.FUNCTION) break;
            if (l.parent() instanceof VarDecl) break;
            f = f.enclosingFunction();
        }
        if (f == null) return Outcome.NONE;
        List<Node> refs = references(f);
        if (refs.isEmpty()) return Outcome.NONE;
        Outcome last = Outcome.NONE;
        for (Node r : refs) {
            Outcome o = protectiveUse(r);
            if (o == Outcome.NONE) return Outcome.NONE;
            last = o;
        }
        return last;
    }

    /** Whether a use of a function (a reference, a call of it, or a lambda) shares one run per key. */
    private Outcome protectiveUse(Node use) {
        Node child = use;
        for (Node p = use.parent(); p != null; child = p, p = p.parent()) {
            if (p instanceof Call c) {
                if (c.args().contains(child)) {
                    Role r = role(c);
                    if (r == Role.SINGLE_FLIGHT || r == Role.CACHE_LOAD || r == Role.LOCKED_CALLBACK) return Outcome.SAFE;
                    Optional<CallMatch> m = ctx.calls().classify(c);
                    // Reached with no await on the way: the value stored is the call's promise.
                    if (m.isPresent() && m.get().is(Role.CACHE_WRITE) && isInProcess(m.get()) && c.arg(1) == child) {
                        return inFlightAround(c);
                    }
                    return Outcome.NONE;
                }
                if (c.callee() != child && !(child instanceof Member)) return Outcome.NONE;
                continue;
            }
            if (p instanceof New n) {
                return n.args().contains(child) && role(n) == Role.SINGLE_FLIGHT ? Outcome.SAFE : Outcome.NONE;
            }
            if (p instanceof Await) return Outcome.NONE;
            Name bound = p instanceof VarDecl v && v.init() == child && v.target() instanceof Name n ? n
                    : p instanceof dev.prodlint.model.expr.Assign a && a.value() == child && a.target() instanceof Name n ? n : null;
            if (bound != null && bound.symbol() != null) {
                Name name = bound;
                // const p = load(key); inflight.set(key, p)
                for (Name ref : uses(name.symbol())) {
                    Outcome o = protectiveUse(ref);
                    if (o != Outcome.NONE) return o;
                }
                return Outcome.NONE;
            }
            if (p instanceof FunctionDecl || p instanceof dev.prodlint.model.stmt.Stmt) return Outcome.NONE;
        }
        return Outcome.NONE;
    }

    /** The in-flight set found: safe unless an await separates the map's check from it. */
    private Outcome inFlightAround(Call set) {
        FunctionDecl f = set.enclosingFunction();
        if (f == null || f.body() == null) return Outcome.SAFE;
        FlowOrder order = new FlowOrder(ctx.cfg(f));
        String key = CacheRead.keyText(ctx.module(), set, 1);
        String receiver = text(set.receiver());
        for (Call check : calls(f)) {
            if (check == set || role(check) != Role.CACHE_READ || check.receiver() == null) continue;
            if (!receiver.equals(text(check.receiver())) || !key.equals(CacheRead.keyText(ctx.module(), check, 1))) continue;
            Await between = awaitBetween(f, check, set, order);
            return between == null ? Outcome.SAFE : new Outcome(Verdict.LATE_IN_FLIGHT, between);
        }
        return Outcome.SAFE;
    }

    private List<Node> references(FunctionDecl f) {
        List<Node> out = new ArrayList<>();
        Symbol bound = null;
        if (f.parent() instanceof Lambda l && l.parent() instanceof VarDecl v && v.target() instanceof Name n) bound = n.symbol();
        Symbol target = bound;
        ctx.module().walk(n -> {
            if (n instanceof Name name && name.symbol() != null && name.parent() != f
                    && (name.symbol().declaration() == f || target != null && name.symbol() == target && !isDeclaration(name))) {
                out.add(name);
            } else if (n instanceof Call c && LocalFunctions.callee(c) == f && !(c.callee() instanceof Name)) {
                out.add(c.callee());
            } else if (n instanceof Member m && m.object() instanceof This && f.name() != null && f.name().equals(m.property())
                    && !(m.parent() instanceof Call c && c.callee() == m) && f.kind() == FunctionDecl.Kind.METHOD) {
                out.add(m); // this.load.bind(this), passed as a value
            } else if (n instanceof OtherExpr o && f.name() != null && o.kind().equals("method-reference::" + f.name())) {
                out.add(o);
            }
        });
        return out;
    }

    private static boolean isDeclaration(Name n) {
        return n.parent() instanceof VarDecl v && v.target() == n;
    }

    private List<Name> uses(Symbol s) {
        List<Name> out = new ArrayList<>();
        ctx.module().walk(n -> {
            if (n instanceof Name name && name.symbol() == s && !isDeclaration(name)) out.add(name);
        });
        return out;
    }

    /**
     * Stale-while-revalidate: somewhere the function refreshes the entry in the background (a load
     * neither awaited nor returned, whose callback writes the key) and serves the stale value; the
     * refresh is guarded by a flag or a timestamp the function keeps, so one request refreshes.
     */
    private boolean backgroundRefresh(CacheRead read, FlowOrder order, String key) {
        for (Call c : calls(order.cfg().function())) {
            Optional<CallMatch> m = ctx.calls().classify(c);
            if (m.isEmpty() || !m.get().is(Role.CACHE_WRITE) || !key.equals(CacheRead.keyText(ctx.module(), c, read.keyArgs().size()))) continue;
            if (inUnawaitedChain(c)) return true;
        }
        return false;
    }

    /** A call inside the callback of a promise chain whose statement neither awaits nor returns it. */
    private static boolean inUnawaitedChain(Call write) {
        boolean inCallback = false;
        for (Node p = write.parent(); p != null; p = p.parent()) {
            if (p instanceof Lambda l) {
                // Only a promise chain: callback-style code runs everything in callbacks.
                if (!(l.parent() instanceof Call c && "then".equals(c.methodName()))) return false;
                inCallback = true;
                continue;
            }
            if (!inCallback || p instanceof FunctionDecl) continue;
            if (p instanceof Await || p instanceof dev.prodlint.model.stmt.Return || p instanceof VarDecl) return false;
            if (p instanceof dev.prodlint.model.stmt.ExprStmt) return true;
        }
        return false;
    }

    // --- early refresh ---

    /** XFetch: a random early expiry ({@code -Math.log(Math.random())}) refreshes before the key expires. */
    private boolean earlyRefresh(Call read) {
        FunctionDecl f = read.enclosingFunction();
        while (f != null && f.enclosingFunction() != null && f.parent() instanceof Lambda) f = f.enclosingFunction();
        if (f == null || f.body() == null) return false;
        String text = ctx.module().text().slice(f.range());
        return (text.contains("Math.random()") || text.contains("ThreadLocalRandom")) && text.contains("Math.log(");
    }

    // --- helpers ---

    /** A promise or future value, stored unawaited: the map holds the load in flight, not its result. */
    boolean isPromise(Expr e, int depth) {
        if (depth > 3 || e instanceof Await) return false;
        if (e instanceof Name n && n.symbol() != null) {
            Symbol s = n.symbol();
            if (s.declaredType() != null && s.declaredType().name().matches(".*(Promise|Future|Mono).*")) return true;
            if (s.kind() != Symbol.Kind.LOCAL) return false;
            if (s.initializer() != null && isPromise(s.initializer(), depth + 1)) return true;
            // let p = map.get(key); if (!p) { p = load(key); map.set(key, p); }
            FunctionDecl f = n.enclosingFunction();
            boolean[] assigned = {false};
            if (f != null) {
                f.walk(x -> {
                    if (!assigned[0] && x instanceof dev.prodlint.model.expr.Assign a && a.target() instanceof Name t
                            && t.symbol() == s && isPromise(a.value(), depth + 1)) {
                        assigned[0] = true;
                    }
                });
            }
            return assigned[0];
        }
        if (e instanceof New n) return n.callee() instanceof Name x && x.id().equals("Promise");
        // { sourceHtml, promise }: a record that carries the in-flight promise.
        if (e instanceof dev.prodlint.model.expr.ObjectLit o) {
            for (dev.prodlint.model.expr.Property p : o.properties()) {
                Expr v = p.value() != null ? p.value() : null;
                if (v != null && isPromise(v, depth + 1)) return true;
            }
            return false;
        }
        if (!(e instanceof Call c)) return false;
        if (c.callee() instanceof Lambda l) return l.function().isAsync();
        if (c.methodName() != null && PROMISE_METHODS.contains(c.methodName())) return true;
        if (loads.of(c).isPresent() && ctx.module().language() != Language.JAVA) return true;
        FunctionDecl local = LocalFunctions.callee(c);
        return local != null && local.isAsync();
    }

    private boolean isInProcess(CallMatch m) {
        return ctx.models().type(m.typeId()).map(t -> t.isInProcess()).orElse(false);
    }

    private Role role(Call c) {
        Optional<CallMatch> m = ctx.calls().classify(c);
        if (m.isPresent()) return m.get().method().role();
        String ref = ctx.types().valueRef(c.callee());
        return ref == null ? null : ctx.models().function(ref).map(fm -> fm.method().role()).orElse(null);
    }

    private Role role(New n) {
        String ref = ctx.types().valueRef(n.callee());
        return ref == null ? null : ctx.models().function(ref).map(FunctionModel::method).map(m -> m.role()).orElse(null);
    }

    private String text(Node n) {
        return Snippets.compact(ctx.module(), n).replace("this.", "");
    }

    /** The calls a function runs itself, callbacks included, nested declarations not. */
    static List<Call> calls(FunctionDecl f) {
        return LocalFunctions.callsIn(f.body(), f);
    }
}
