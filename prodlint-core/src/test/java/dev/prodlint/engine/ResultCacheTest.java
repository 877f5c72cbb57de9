package dev.prodlint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodlint.apimodel.ApiModels;
import dev.prodlint.rules.Rule;
import dev.prodlint.rules.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The result cache reuses a scan only when nothing it depends on changed, and never trusts a damaged entry. */
class ResultCacheTest {
    private static final String LEAK = dev.prodlint.TestSources.LEAKY_TS;
    private static final String HIT = "results reused from the cache";

    @TempDir
    Path dir;

    @TempDir
    Path cacheDir;

    private ScanResult scan(List<Rule> rules) throws IOException {
        return new Scanner(new ScanOptions(dir, 2, ScanOptions.DEFAULT_MAX_FILE_BYTES, false, false), ApiModels.bundled(), rules)
                .withCache(cacheDir, List.of()).scan(List.of(dir));
    }

    private static boolean hit(ScanResult r) {
        return r.notes().stream().anyMatch(n -> n.startsWith(HIT));
    }

    @Test
    void anUnchangedTreeIsAHitWithTheSameFindingsAndAnyChangeIsAMiss() throws IOException {
        Files.writeString(dir.resolve("orders.ts"), LEAK);
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE orders (id text PRIMARY KEY);\n");
        ScanResult first = scan(RuleRegistry.defaults());
        assertThat(hit(first)).isFalse();
        ScanResult second = scan(RuleRegistry.defaults());
        assertThat(hit(second)).isTrue();
        assertThat(second.findings()).isEqualTo(first.findings());
        assertThat(second.errors()).isEqualTo(first.errors());
        // a source file changes, a schema file changes, a file is added, the rules change: each misses once
        Files.writeString(dir.resolve("orders.ts"), LEAK.replace("orders", "invoices"));
        assertThat(hit(scan(RuleRegistry.defaults()))).isFalse();
        assertThat(hit(scan(RuleRegistry.defaults()))).isTrue();
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE invoices (id text PRIMARY KEY);\n");
        assertThat(hit(scan(RuleRegistry.defaults()))).isFalse();
        Files.writeString(dir.resolve("more.ts"), LEAK);
        ScanResult added = scan(RuleRegistry.defaults());
        assertThat(hit(added)).isFalse();
        assertThat(added.findings()).hasSize(2);
        assertThat(hit(scan(RuleRegistry.all()))).isFalse();
    }

    @Test
    void aDamagedEntryIsIgnoredAndReplaced() throws IOException {
        Files.writeString(dir.resolve("orders.ts"), LEAK);
        ScanResult first = scan(RuleRegistry.defaults());
        Path entry;
        try (var s = Files.list(cacheDir)) {
            entry = s.filter(p -> p.getFileName().toString().startsWith("scan-")).findFirst().orElseThrow();
        }
        String good = Files.readString(entry);
        // a finding edited by hand (the payload digest no longer matches), a truncated file, garbage
        for (String damaged : List.of(good.replace("connection-leak", "retry-storm"), good.substring(0, good.length() / 2), "\u0000\u0001 not json")) {
            Files.writeString(entry, damaged);
            ScanResult r = scan(RuleRegistry.defaults());
            assertThat(hit(r)).isFalse();
            assertThat(r.findings()).isEqualTo(first.findings());
            assertThat(hit(scan(RuleRegistry.defaults()))).as("rewritten").isTrue();
        }
    }
}
