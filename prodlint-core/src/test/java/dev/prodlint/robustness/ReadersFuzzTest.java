package dev.prodlint.robustness;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.prodlint.config.Config;
import dev.prodlint.engine.Baseline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzzes the two files a user hands prodlint besides source: the configuration and the baseline.
 * The contract: a usable file loads, anything else is rejected with the reader's own exception (a
 * message naming the file, and for the configuration the line and key); any other exception, or
 * a slow input, is a finding. The input goes through a real file, as the CLI reads it.
 */
class ReadersFuzzTest {
    private static final long LIMIT_MILLIS = 5_000;
    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("prodlint-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void config(byte[] input) throws IOException {
        Path file = DIR.resolve("prodlint.yaml");
        Files.write(file, input);
        long start = System.nanoTime();
        try {
            Config c = Config.load(file);
            // globs and severities are used, not only parsed
            c.rules(dev.prodlint.rules.RuleRegistry.defaults());
            c.scans("src/orders.ts");
            c.scans("src/generated/Big.java");
        } catch (Config.ConfigException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith(file.toString())) throw new IllegalStateException("message without the file: " + e.getMessage());
        }
        limit(start, input);
    }

    @FuzzTest(maxDuration = "60s")
    void baseline(byte[] input) throws IOException {
        Path file = DIR.resolve("prodlint-baseline.json");
        Files.write(file, input);
        long start = System.nanoTime();
        try {
            Baseline.read(file);
        } catch (Baseline.InvalidBaseline e) {
            if (e.getMessage() == null || !e.getMessage().startsWith(file.toString())) throw new IllegalStateException("message without the file: " + e.getMessage());
        }
        limit(start, input);
    }

    private static void limit(long start, byte[] input) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis > LIMIT_MILLIS) throw new IllegalStateException("took " + millis + " ms on a " + input.length + "-byte input");
    }
}
