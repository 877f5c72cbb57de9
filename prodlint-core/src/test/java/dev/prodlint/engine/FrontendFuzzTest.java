package dev.prodlint.engine;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.prodlint.analysis.ProjectFacts;
import dev.prodlint.apimodel.ApiModels;
import dev.prodlint.model.Language;
import dev.prodlint.rules.RuleRegistry;
import java.nio.file.Path;

/**
 * Fuzzes each frontend through the whole per-file pipeline (decode, parse, lower, resolve, every
 * rule, suppressions), seeded with all rules' fixtures. The contract: any input gives an outcome
 * (findings, a skip note, or a parse error entry) within a time limit; an exception that escapes,
 * an internal error inside a rule or the lowering, a native crash or a slow input is a finding.
 * `mvn verify` replays the seeds and any saved crash inputs; `.ci/fuzz` fuzzes each for a while.
 */
class FrontendFuzzTest {
    /** Far above any real file's time; a slower input is a hang for our purposes. */
    private static final long LIMIT_MILLIS = 10_000;

    private static final FileAnalyzer ANALYZER = new FileAnalyzer(ApiModels.bundled(), RuleRegistry.all(), false, ProjectFacts.NONE);
    private static final ThreadLocal<Frontends> FRONTENDS = ThreadLocal.withInitial(Frontends::new);

    /**
     * Rules look at the path too (a Next.js route file, a gateway, a migration, a script), so the
     * input's last byte picks one; a crash in dub's route files showed what a fixed name misses.
     */
    private static final String[] JS_PATHS = {"src/orders/service", "app/api/orders/route", "src/events.gateway",
        "src/server", "migrations/001_init", "scripts/backfill", "pages/api/orders/[id]", "src/worker"};
    private static final String[] JAVA_PATHS = {"src/main/java/com/acme/OrderService", "src/main/java/com/acme/web/OrderController",
        "src/main/java/com/acme/ws/ChatHandler", "src/main/java/com/acme/repo/OrderRepository"};

    @FuzzTest(maxDuration = "60s")
    void typescript(byte[] input) {
        analyze(pick(JS_PATHS, input) + ".ts", Language.TYPESCRIPT, input);
    }

    @FuzzTest(maxDuration = "60s")
    void tsx(byte[] input) {
        analyze(pick(JS_PATHS, input) + ".tsx", Language.TSX, input);
    }

    @FuzzTest(maxDuration = "60s")
    void javascript(byte[] input) {
        analyze(pick(JS_PATHS, input) + ".js", Language.JAVASCRIPT, input);
    }

    @FuzzTest(maxDuration = "60s")
    void java(byte[] input) {
        analyze(pick(JAVA_PATHS, input) + ".java", Language.JAVA, input);
    }

    private static String pick(String[] paths, byte[] input) {
        return input.length == 0 ? paths[0] : paths[(input[input.length - 1] & 0xff) % paths.length];
    }

    private static void analyze(String path, Language language, byte[] input) {
        long start = System.nanoTime();
        FileAnalyzer.Outcome o = ANALYZER.analyze(new SourceFile(Path.of(path), path, language), input, FRONTENDS.get());
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (o.error() != null && o.error().message().startsWith("internal error")) {
            throw new IllegalStateException(o.error().message());
        }
        if (millis > LIMIT_MILLIS) throw new IllegalStateException("took " + millis + " ms on a " + input.length + "-byte input");
    }
}
