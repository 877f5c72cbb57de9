package dev.prodlint.rules.cachestampede;

import dev.prodlint.analysis.CallClassifier.CallMatch;
import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.analysis.TypeOracle;
import dev.prodlint.apimodel.Role;
import dev.prodlint.cfg.CfgNode;
import dev.prodlint.model.ClassDecl;
import dev.prodlint.model.FieldDecl;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.Node;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.Await;
import dev.prodlint.model.expr.Binary;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Conditional;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Lambda;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.This;
import dev.prodlint.rules.Finding;
import dev.prodlint.rules.FindingSink;
import dev.prodlint.rules.Rule;
import dev.prodlint.rules.RuleMeta;
import dev.prodlint.rules.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds cache-aside reads whose miss runs an expensive load and writes it back with nothing that
 * makes concurrent misses of one key share the load; and Spring {@code @Cacheable} methods that
 * load without {@code sync = true}.
 */
public final class CacheStampedeRule implements Rule {
    public static final String ID = "cache-stampede";

    private static final RuleMeta META = new RuleMeta(ID,
            "Cache miss runs the load once per concurrent request (cache stampede)",
            Severity.WARNING,
            EnumSet.allOf(Language.class),
            """
            Cache-aside code reads a key, and on a miss loads the value and writes it back. When a hot \
            key expires, every request in flight misses at the same moment, and each one runs the same \
            load: N concurrent misses make N identical database queries or HTTP calls, just when the \
            cache was supposed to shield the backend. The database goes to 100% CPU, queries slow down, \
            more requests pile up behind them, and the key is not written back until the slowest load \
            finishes. Tests never see it: it needs concurrency and an expiry at the same time.""",
            """
            const cached = await redis.get(`user:${id}`);
            if (cached) return JSON.parse(cached);
            const user = await db.query('SELECT * FROM users WHERE id = $1', [id]);
            await redis.set(`user:${id}`, JSON.stringify(user), 'EX', 300);
            return user;""",
            """
            const inFlight = new Map<string, Promise<User>>();

            function getUser(id: string): Promise<User> {
              let p = inFlight.get(id);
              if (!p) {   // check and register with no await between: one load per key
                p = loadUser(id).finally(() => inFlight.delete(id));
                inFlight.set(id, p);
              }
              return p;
            }""");

    private static final Set<String> SPRING_BEANS = Set.of("Service", "Component", "Repository", "Controller",
            "RestController", "Configuration");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ModuleContext ctx, FindingSink sink) {
        if (isCommandLineScript(ctx)) return;
        Loads loads = new Loads(ctx);
        Protections protections = new Protections(ctx, loads);
        Set<Call> reportedWrites = Collections.newSetFromMap(new IdentityHashMap<>());
        for (FunctionDecl f : ctx.module().allFunctions()) {
            if (f.body() == null || runsOnceAtStartup(f)) continue;
            List<Call> reads = new ArrayList<>();
            f.body().walk(n -> {
                if (n instanceof Call c) reads.add(c);
            }, true);
            for (Call c : reads) {
                Optional<CallMatch> m = ctx.calls().classify(c);
                if (m.isEmpty() || !m.get().is(Role.CACHE_READ) || !shared(ctx, c, m.get())) continue;
                CacheRead read = CacheRead.of(c, m.get(), f);
                Finding finding = new CacheAside(ctx, loads, protections, read).check(reportedWrites);
                if (finding != null) sink.report(finding);
            }
        }
        new CacheableWithoutSync(ctx, loads).check(sink);
    }

    private static final Set<String> STARTUP_ANNOTATIONS = Set.of("PostConstruct");
    private static final Set<String> STARTUP_METHODS = Set.of("afterPropertiesSet", "onModuleInit", "onApplicationBootstrap");

    /**
     * Code that runs once while the service starts ({@code @PostConstruct}, {@code afterPropertiesSet},
     * NestJS {@code onModuleInit}) fills the cache before requests arrive: no concurrent misses.
     */
    private static boolean runsOnceAtStartup(FunctionDecl f) {
        FunctionDecl top = f;
        while (top.enclosingFunction() != null && top.enclosingFunction().kind() != FunctionDecl.Kind.MODULE_BODY) {
            top = top.enclosingFunction();
        }
        if (top.kind() != FunctionDecl.Kind.METHOD) return false;
        if (top.name() != null && STARTUP_METHODS.contains(top.name()) && top.params().isEmpty()) return true;
        return top.annotations().stream().anyMatch(a -> STARTUP_ANNOTATIONS.contains(a.simpleName()));
    }

    /**
     * A command-line script (it reads {@code process.argv}, or lives in a {@code scripts} folder)
     * serves no concurrent requests: its misses run one after another.
     */
    private static boolean isCommandLineScript(ModuleContext ctx) {
        if (ctx.module().language() == Language.JAVA) return false;
        String path = "/" + ctx.module().path().replace('\\', '/');
        if (path.contains("/scripts/") || path.contains("/bin/")) return true;
        return ctx.module().text().content().contains("process.argv");
    }

    /**
     * A remote or library cache is shared by definition. A plain map is a cache across requests only
     * when it outlives them: in JavaScript a module-level or instance map; in Java a field that
     * threads share (a concurrent map, or any field of a Spring singleton bean).
     */
    private static boolean shared(ModuleContext ctx, Call read, CallMatch m) {
        boolean inProcess = ctx.models().type(m.typeId()).map(t -> t.isInProcess()).orElse(false);
        if (!inProcess) return true;
        Expr r = read.receiver() == null ? null : read.receiver().unwrap();
        FieldDecl field = null;
        if (r instanceof Member mm && mm.object() instanceof This && mm.property() != null) {
            field = TypeOracle.enclosingField(read, mm.property());
        } else if (r instanceof Name n && n.symbol() != null) {
            Symbol s = n.symbol();
            if (s.declaration() instanceof FieldDecl fd) field = fd;
            else if (ctx.module().language() != Language.JAVA && s.kind() == Symbol.Kind.LOCAL) {
                FunctionDecl owner = s.declaration() == null ? null : s.declaration().enclosingFunction();
                return owner != null && owner.kind() == FunctionDecl.Kind.MODULE_BODY;
            }
        }
        if (field == null) return false;
        if (ctx.module().language() != Language.JAVA) return true;
        if (ctx.types().typesOf(r).stream().anyMatch(t -> t.contains("Concurrent"))) return true;
        if (field.type() != null && field.type().name().contains("Concurrent")) return true;
        if (field.initializer() != null && ctx.types().typesOf(field.initializer()).stream().anyMatch(t -> t.contains("Concurrent"))) {
            return true;
        }
        ClassDecl owner = field.ancestor(ClassDecl.class);
        return owner != null && !field.isStatic()
                && owner.annotations().stream().anyMatch(a -> SPRING_BEANS.contains(a.simpleName()));
    }

    /** Is this expression a test that tells a hit from a miss, or the value side of one? */
    static boolean guardsExpression(CacheRead read, Node load, Node scopeEnd) {
        Node child = load;
        for (Node p = load.parent(); p != null && p != scopeEnd; child = p, p = p.parent()) {
            if (p instanceof Conditional c && c.then() != child && c.otherwise() != child) continue;
            if (p instanceof Conditional c && read.mentionedIn(c.test())) return true;
            if (p instanceof Binary b && b.right() == child && (b.op().equals("??") || b.op().equals("||"))
                    && read.mentionedIn(b.left())) {
                return true;
            }
            if (p instanceof dev.prodlint.model.stmt.Stmt || p instanceof FunctionDecl) return false;
        }
        return false;
    }

    static boolean isAsync(Call load) {
        for (Node p = load.parent(); p != null; p = p.parent()) {
            if (p instanceof Await) return true;
            if (p instanceof Member m && ("then".equals(m.property()) || "subscribe".equals(m.property()))) return true;
            if (p instanceof dev.prodlint.model.stmt.Stmt || p instanceof FunctionDecl) break;
        }
        return load.args().stream().anyMatch(a -> a instanceof Lambda);
    }

    static List<CfgNode> conditionNodes(FlowOrder order, CacheRead read) {
        List<CfgNode> out = new ArrayList<>();
        for (CfgNode n : order.cfg().nodes()) {
            if (n.kind() == CfgNode.Kind.CONDITION && n.element() != null && read.mentionedIn(n.element())) out.add(n);
        }
        return out;
    }
}
