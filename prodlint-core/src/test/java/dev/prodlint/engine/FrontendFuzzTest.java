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

    @FuzzTest(maxDuration = "60s")
    void typescript(byte[] input) {
        analyze("src/fuzz.ts", Language.TYPESCRIPT, input);
    }

    @FuzzTest(maxDuration = "60s")
    void tsx(byte[] input) {
        analyze("src/fuzz.tsx", Language.TSX, input);
    }

    @FuzzTest(maxDuration = "60s")
    void javascript(byte[] input) {
        analyze("src/fuzz.js", Language.JAVASCRIPT, input);
    }

    @FuzzTest(maxDuration = "60s")
    void java(byte[] input) {
        analyze("src/Fuzz.java", Language.JAVA, input);
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
