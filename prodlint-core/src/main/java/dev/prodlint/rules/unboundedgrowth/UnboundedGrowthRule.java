package dev.prodlint.rules.unboundedgrowth;

import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.analysis.lifecycle.Scope;
import dev.prodlint.analysis.lifecycle.ScopeValues;
import dev.prodlint.analysis.lifecycle.Scopes;
import dev.prodlint.model.Annotation;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Literal;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.Template;
import dev.prodlint.rules.FindingSink;
import dev.prodlint.rules.Rule;
import dev.prodlint.rules.RuleMeta;
import dev.prodlint.rules.Severity;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds long-lived maps, sets, arrays and lists that code run per request, per connection or per
 * subscriber adds to and nothing ever removes from or bounds.
 */
public final class UnboundedGrowthRule implements Rule {
    public static final String ID = "unbounded-growth";

    private static final RuleMeta META = new RuleMeta(ID,
            "Long-lived collection that only grows",
            Severity.WARNING,
            EnumSet.allOf(Language.class),
            """
            A map, set, array or list that lives as long as the process (module-level, static, or a field \
            of a singleton service) gets an entry for every request, connection, user or key, and nothing \
            ever deletes, evicts or bounds it. Memory grows with every distinct key ever seen; the heap \
            fills over days, garbage collection pauses get longer, and the process dies of OOM with \
            nothing in the logs pointing at the map.""",
            """
            class NotificationService {
              private listeners = new Map<string, Set<Listener>>();
              subscribe(userId: string, cb: Listener) {
                if (!this.listeners.has(userId)) this.listeners.set(userId, new Set());
                this.listeners.get(userId)!.add(cb);
              }
            }""",
            """
            class NotificationService {
              private listeners = new Map<string, Set<Listener>>();
              subscribe(userId: string, cb: Listener) { ... }
              unsubscribe(userId: string, cb: Listener) {
                const set = this.listeners.get(userId);
                set?.delete(cb);
                if (set?.size === 0) this.listeners.delete(userId);
              }
            }""");

    private static final Set<String> INIT_NAMES = Set.of("init", "initialize", "onModuleInit", "onApplicationBootstrap",
            "afterPropertiesSet", "setup", "setUp", "configure", "start", "bootstrap", "run", "main", "afterSingletonsInstantiated",
            "onApplicationEvent", "contextInitialized", "onStartup", "static", "<clinit>", "<init>");
    private static final Pattern INIT_PREFIX = Pattern.compile("^(init|load|register|setup|configure|build|create|define|add(Route|Handler|Command|Type|Plugin|Provider|Strategy|Module))[A-Z_]?.*");
    private static final Set<String> INIT_ANNOTATIONS = Set.of("PostConstruct", "Bean", "EventListener", "Scheduled");
    private static final Pattern SUBSCRIBE_METHOD = Pattern.compile("^(subscribe\\w*|on|addListener|add\\w*Listener|listen|watch|addSubscriber|addObserver|register\\w*Listener|register\\w*Callback)$");

    /** Map<string, Mutex>, Map<String, ReentrantLock>: one lock object per key, the seed's stampede fix. */
    private static final Pattern HOLDS_LOCKS = Pattern.compile("<[^>]*\\b(Mutex|\\w*Lock|Semaphore)\\s*>");


    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ModuleContext ctx, FindingSink sink) {
        SourceModule m = ctx.module();
        List<LongLived.Collection> collections = LongLived.find(m);
        if (collections.isEmpty()) return;
        List<Scope> scopes = ctx.scopes();
        // A command-line script runs once and exits: what it collects is freed with it.
        if (scopes.isEmpty() && m.language() != Language.JAVA && m.text().content().contains("process.argv")) return;
        for (LongLived.Collection c : collections) {
            if (c.exposed()) continue;
            Uses u = Uses.of(m, c);
            if (u.growth.isEmpty() || u.shrink != null || u.bound != null || u.escape != null) continue;
            List<Evidence> evidence = new ArrayList<>();
            boolean listenerLeaks = false;
            for (Uses.Growth g : u.growth) {
                Evidence e = evidence(m, c, g, scopes, u);
                if (e == Evidence.LISTENER_LEAK) listenerLeaks = true;
                else if (e != null) evidence.add(e);
            }
            // Connections kept in the collection are listener-leak's finding, at the line that adds them.
            if (evidence.isEmpty() || listenerLeaks) continue;
            // The strongest reason first: a subscribe method, then a per-request scope, then a parameter key.
            evidence.sort(java.util.Comparator.comparingInt(e -> e.kind().priority));
            sink.report(GrowthFinding.build(m, c, evidence));
        }
    }

    /** Why a growth site adds an entry per request, connection or subscriber; null when it does not show. */
    private static Evidence evidence(SourceModule m, LongLived.Collection c, Uses.Growth g, List<Scope> scopes, Uses u) {
        var site = g.call() != null ? (dev.prodlint.model.Node) g.call() : u.lastIndexed;
        if (g.in() == null || site == null || constant(g.key())) return null;
        List<Scope> chain = Scopes.containing(scopes, site);
        if (!chain.isEmpty()) {
            FunctionDecl outer = chain.get(chain.size() - 1).function();
            if (ScopeValues.is(g.value(), outer)) return Evidence.LISTENER_LEAK;
            return new Evidence(Evidence.Kind.SCOPE, site, chain.get(0));
        }
        if (inInit(g.in()) || onlyCalledFromInit(m, g.in(), 0)) return null;
        FunctionDecl named = named(g.in());
        // subscribe(userId, callback): callbacks kept per key. A plain list of listeners is usually filled at start-up.
        if (named != null && named.name() != null && SUBSCRIBE_METHOD.matcher(named.name()).matches() && g.call() != null
                && g.value() != g.key() && isParam(g.value()) && dependsOnParam(g.key(), 0)) {
            return new Evidence(Evidence.Kind.CALLBACKS, site, null);
        }
        if (GrowthFinding.perKeyObjectOrFreshKey(g) || HOLDS_LOCKS.matcher(m.text().slice(c.decl().range())).find()) return new Evidence(Evidence.Kind.PARAMETER, site, null, true);
        // Memo caches keyed by a class, a type or a name stay as small as their domain: only identities are per request.
        if (dependsOnParam(g.key(), 0) && Identities.in(g.key())) return new Evidence(Evidence.Kind.PARAMETER, site, null, false);
        return null;
    }

    /** Where a growth site is and what makes it per request: a scope, a subscribe method, a parameter key. */
    record Evidence(Kind kind, dev.prodlint.model.Node site, Scope scope, boolean strong) {
        Evidence(Kind kind, dev.prodlint.model.Node site, Scope scope) {
            this(kind, site, scope, true);
        }

        enum Kind {
            SCOPE(1), CALLBACKS(0), PARAMETER(2);

            final int priority;

            Kind(int priority) {
                this.priority = priority;
            }
        }

        static final Evidence LISTENER_LEAK = new Evidence(null, null, null, false);
    }

    private static FunctionDecl named(FunctionDecl f) {
        for (FunctionDecl x = f; x != null; x = x.enclosingFunction()) {
            if (x.kind() == FunctionDecl.Kind.METHOD || x.kind() == FunctionDecl.Kind.FUNCTION) return x;
            if (x.kind() == FunctionDecl.Kind.MODULE_BODY) return null;
        }
        return null;
    }

    /** Code that runs at start-up: module top level, constructors, init hooks, registration methods. */
    private static boolean inInit(FunctionDecl f) {
        for (FunctionDecl x = f; x != null; x = x.enclosingFunction()) {
            if (x.kind() == FunctionDecl.Kind.MODULE_BODY || x.kind() == FunctionDecl.Kind.CONSTRUCTOR) return true;
            if (x.name() != null && (INIT_NAMES.contains(x.name()) || INIT_PREFIX.matcher(x.name()).matches())) return true;
            for (Annotation a : x.annotations()) {
                if (INIT_ANNOTATIONS.contains(a.simpleName())) return true;
            }
            if (x.kind() == FunctionDecl.Kind.METHOD || x.kind() == FunctionDecl.Kind.FUNCTION && x.enclosingFunction() != null
                    && x.enclosingFunction().kind() == FunctionDecl.Kind.MODULE_BODY) {
                return false;
            }
        }
        return false;
    }

    /** A helper that only start-up code of this file calls: initClassMethod(...) -> addUrlRelation(...). */
    private static boolean onlyCalledFromInit(SourceModule m, FunctionDecl f, int depth) {
        FunctionDecl named = named(f);
        if (named == null || depth > 2 || named.modifiers().contains("public")) return false;
        List<dev.prodlint.model.expr.Call> callers = new ArrayList<>();
        m.walk(n -> {
            if (n instanceof dev.prodlint.model.expr.Call c && dev.prodlint.analysis.LocalFunctions.callee(c) == named) callers.add(c);
        });
        if (callers.isEmpty()) return false;
        for (var c : callers) {
            FunctionDecl in = c.enclosingFunction();
            if (in == null || !(inInit(in) || onlyCalledFromInit(m, in, depth + 1))) return false;
        }
        return true;
    }

    private static boolean constant(Expr key) {
        if (key == null) return true;
        Expr u = key.unwrap();
        if (u instanceof Literal) return true;
        if (u instanceof Template t && t.exprs().isEmpty()) return true;
        if (u instanceof Member mem && mem.property() != null && (mem.property().equals("class")
                || mem.property().equals(mem.property().toUpperCase()) && Character.isLetter(mem.property().charAt(0)))) {
            return true;
        }
        return u instanceof Name n && n.id().equals(n.id().toUpperCase()) && Character.isLetter(n.id().charAt(0));
    }

    private static boolean isParam(Expr e) {
        return e.unwrap() instanceof Name n && n.symbol() != null && n.symbol().kind() == Symbol.Kind.PARAMETER;
    }

    /** The key comes from a parameter, directly or through a local computed from one. */
    private static boolean dependsOnParam(Expr e, int depth) {
        if (e == null || depth > 2) return false;
        boolean[] found = {false};
        e.walk(n -> {
            if (found[0] || !(n instanceof Name name) || name.symbol() == null) return;
            Symbol s = name.symbol();
            if (s.kind() == Symbol.Kind.PARAMETER) found[0] = true;
            else if (s.kind() == Symbol.Kind.LOCAL && s.initializer() != null && s.initializer() != e) {
                found[0] = dependsOnParam(s.initializer(), depth + 1);
            }
        }, true);
        return found[0];
    }
}
