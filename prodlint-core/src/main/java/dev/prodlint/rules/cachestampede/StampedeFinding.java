package dev.prodlint.rules.cachestampede;

import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.expr.Call;
import dev.prodlint.rules.Finding;
import dev.prodlint.rules.Severity;
import dev.prodlint.rules.Snippets;
import java.util.ArrayList;
import java.util.List;

/** The words of a cache-stampede finding: what, why, and the fix of the cache's own ecosystem. */
final class StampedeFinding {
    private final ModuleContext ctx;
    private final CacheRead read;
    private final Loads.Load load;
    private final Call write;
    private final Protections.Outcome outcome;

    StampedeFinding(ModuleContext ctx, CacheRead read, Loads.Load load, Call write, Protections.Outcome outcome) {
        this.ctx = ctx;
        this.read = read;
        this.load = load;
        this.write = write;
        this.outcome = outcome;
    }

    Finding build() {
        SourceModule m = ctx.module();
        String readCode = "`" + Snippets.call(m, read.call()) + "`";
        String writeCode = "`" + Snippets.call(m, write) + "`";
        List<Finding.Related> related = new ArrayList<>();
        related.add(new Finding.Related(m.path(), load.call().range(), "the load every concurrent miss runs: " + load.description()));
        related.add(new Finding.Related(m.path(), write.range(), "writes the loaded value back here"));
        String message;
        String fix;
        switch (outcome.verdict()) {
            case LOCK_WITHOUT_RECHECK -> {
                String lock = outcome.at() instanceof Call c ? "`" + Snippets.call(m, c) + "`" : "the `synchronized` block";
                related.add(new Finding.Related(m.path(), outcome.at().range(), "the lock, taken with no re-read of the cache after it"));
                message = lock + " serialises the load after a miss on " + readCode + ", but the cache is not read again "
                        + "once the lock is held: a request that missed before the value was written, and takes the lock after "
                        + "it is released, runs " + load.description() + " again.";
                fix = "Read the cache again right after taking the lock, and return that value if another request wrote it "
                        + "while this one waited (double-checked loading).";
            }
            case LATE_IN_FLIGHT -> {
                related.add(new Finding.Related(m.path(), outcome.at().range(), "awaited before the in-flight map is filled"));
                message = "The in-flight map is filled only after the `await` at line " + outcome.at().range().startLine()
                        + ": requests that miss " + readCode + " together all pass its check first, and each runs "
                        + load.description() + ".";
                fix = "Check and fill the in-flight map in one synchronous step, before the first `await`: "
                        + "`let p = inFlight.get(key); if (!p) { p = load(key).finally(() => inFlight.delete(key)); inFlight.set(key, p); } return p;`.";
            }
            default -> {
                message = "Every concurrent miss on " + readCode + " runs " + load.description()
                        + ": nothing makes requests that miss together share one load before " + writeCode + " writes it back.";
                fix = fix();
            }
        }
        String why = "When this key expires or is evicted under load, every request in flight misses at once and each "
                + "runs the same load, so N concurrent misses make N identical calls to the backend the cache protects, "
                + "at the moment it is busiest; the key is written back only when the slowest of them returns.";
        return new Finding(CacheStampedeRule.ID, Severity.WARNING, message, why, fix, m.path(), read.call().range(),
                related, FunctionDecl.reportNameOf(read.call()));
    }

    private String fix() {
        String type = read.match().typeId();
        boolean inProcess = ctx.models().type(type).map(t -> t.isInProcess()).orElse(false);
        if (ctx.module().language() != Language.JAVA) {
            if (inProcess) {
                return "Store the promise rather than the value: `cache.set(key, promise)` before awaiting it, so "
                        + "concurrent callers await the same load (and delete the entry if it rejects).";
            }
            return "Share one load per key: keep a `Map` of in-flight promises keyed by the cache key and register the "
                    + "promise before any `await` (`let p = inFlight.get(key); if (!p) { p = load(key).finally(() => "
                    + "inFlight.delete(key)); inFlight.set(key, p); }`), or batch through DataLoader. Across instances, "
                    + "take a short Redis lock (`SET lock:<key> <token> NX PX 5000`) and read the cache again once you hold it.";
        }
        if (inProcess) {
            return "Let the map run the load once per key: `map.computeIfAbsent(key, k -> load(k))` on a "
                    + "`ConcurrentHashMap`, or a Caffeine cache with `cache.get(key, k -> load(k))`.";
        }
        if (type.startsWith("com.google.common.cache") || type.startsWith("com.github.benmanes.caffeine")) {
            return "Use `cache.get(key, k -> load(k))`: it runs the load once per key while other callers wait for it.";
        }
        return "Put the load behind a per-key lock and read the cache again once you hold it: Guava `Striped<Lock>` "
                + "within one instance, a Redisson `RLock` or `SET lock:<key> <token> NX PX 5000` across instances; or "
                + "front Redis with a Caffeine loading cache (`cache.get(key, k -> load(k))`); with Spring's cache "
                + "abstraction, `@Cacheable(sync = true)`.";
    }
}
