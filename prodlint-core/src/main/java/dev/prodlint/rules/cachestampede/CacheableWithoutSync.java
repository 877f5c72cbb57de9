package dev.prodlint.rules.cachestampede;

import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.model.Annotation;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Import;
import dev.prodlint.model.Language;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Literal;
import dev.prodlint.rules.Finding;
import dev.prodlint.rules.FindingSink;
import dev.prodlint.rules.Severity;
import java.util.List;
import java.util.Optional;

/**
 * Spring's {@code @Cacheable} on a method that loads from a database or over HTTP, without
 * {@code sync = true}: Spring then runs the method for every concurrent miss. Reported as the
 * lower-severity kind of cache-stampede: the fix is one attribute.
 */
final class CacheableWithoutSync {
    private static final String PACKAGE = "org.springframework.cache.annotation";

    private final ModuleContext ctx;
    private final Loads loads;

    CacheableWithoutSync(ModuleContext ctx, Loads loads) {
        this.ctx = ctx;
        this.loads = loads;
    }

    void check(FindingSink sink) {
        SourceModule m = ctx.module();
        if (m.language() != Language.JAVA) return;
        for (FunctionDecl f : m.allFunctions()) {
            if (f.kind() != FunctionDecl.Kind.METHOD || f.body() == null) continue;
            for (Annotation a : f.annotations()) {
                if (!isSpringCacheable(a) || isTrue(a.arguments().get("sync"))) continue;
                Optional<Loads.Load> load = firstLoad(f);
                if (load.isEmpty()) continue;
                sink.report(finding(f, a, load.get()));
            }
        }
    }

    private boolean isSpringCacheable(Annotation a) {
        if (a.name().equals(PACKAGE + ".Cacheable")) return true;
        if (!a.name().equals("Cacheable")) return false;
        for (Import i : ctx.module().imports()) {
            if (i.kind() != Import.Kind.JAVA) continue;
            if (i.imported().equals(PACKAGE + ".Cacheable") || i.isWildcard() && i.module().equals(PACKAGE)) return true;
        }
        return false;
    }

    private static boolean isTrue(Expr e) {
        return e instanceof Literal l && "true".equals(l.value());
    }

    private Optional<Loads.Load> firstLoad(FunctionDecl f) {
        for (Call c : Protections.calls(f)) {
            Optional<Loads.Load> l = loads.of(c);
            if (l.isPresent()) return l;
        }
        return Optional.empty();
    }

    private Finding finding(FunctionDecl f, Annotation a, Loads.Load load) {
        SourceModule m = ctx.module();
        String message = "`@Cacheable` on `" + f.displayName() + "` has no `sync = true`: every concurrent miss on a key runs "
                + load.description() + ".";
        String why = "Without `sync`, Spring checks the cache and, on a miss, runs the method in each calling thread; when "
                + "a popular key expires, all the requests waiting on it run the same load at once. With `sync = true` "
                + "the first caller loads while the others wait for its value (per instance).";
        String fix = a.arguments().containsKey("unless")
                ? "`sync = true` cannot be combined with `unless`: drop `unless` (cache an empty marker instead) and add "
                        + "`sync = true`, or load through a Caffeine cache with `cache.get(key, k -> load(k))`."
                : "`@Cacheable(..., sync = true)`: the first caller for a key runs the method, the others wait for its result.";
        List<Finding.Related> related = List.of(new Finding.Related(m.path(), load.call().range(),
                "the load each concurrent miss runs: " + load.description()));
        return new Finding(CacheStampedeRule.ID, Severity.NOTE, message, why, fix, m.path(), a.range(), related, f.displayName());
    }
}
