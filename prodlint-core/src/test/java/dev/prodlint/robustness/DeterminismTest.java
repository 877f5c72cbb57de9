package dev.prodlint.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodlint.apimodel.ApiModels;
import dev.prodlint.engine.ScanOptions;
import dev.prodlint.engine.ScanResult;
import dev.prodlint.engine.Scanner;
import dev.prodlint.report.JsonReporter;
import dev.prodlint.report.SarifReporter;
import dev.prodlint.rules.Rule;
import dev.prodlint.rules.RuleRegistry;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same tree gives the same bytes: JSON (but for the elapsed time) and SARIF, whatever the
 * number of threads and whatever order the file system lists the files in. Shown on the bundled
 * examples and on every fixture of every rule copied into one tree (300 files, findings of all
 * rules, cross-file facts), the second copy written in a shuffled order.
 */
class DeterminismTest {
    private static final List<Rule> RULES = RuleRegistry.all();

    @TempDir
    Path dir;

    private static String report(Path root, int threads) throws IOException {
        ScanResult r = new Scanner(new ScanOptions(root, threads, ScanOptions.DEFAULT_MAX_FILE_BYTES, false, false),
                ApiModels.bundled(), RULES).scan(List.of(root));
        StringWriter json = new StringWriter();
        new JsonReporter().write(r, json);
        StringWriter sarif = new StringWriter();
        // SARIF names the root's absolute URI once; the rest must match byte for byte
        new SarifReporter(RULES, root).write(r, sarif);
        return json.toString().replaceAll("\"millis\" : \\d+", "\"millis\" : 0")
                + sarif.toString().replace(root.toAbsolutePath().normalize().toUri().toString(), "ROOT/");
    }

    /** Copies the tree, creating files in a shuffled order (directory listing order follows creation on most file systems). */
    private static void copyShuffled(Path from, Path to, long seed) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(from)) {
            files = new ArrayList<>(s.filter(Files::isRegularFile).toList());
        }
        Collections.shuffle(files, new Random(seed));
        for (Path f : files) {
            Path target = to.resolve(from.relativize(f).toString());
            Files.createDirectories(target.getParent());
            Files.copy(f, target);
        }
    }

    private void sameEverywhere(Path source) throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        copyShuffled(source, a, 1);
        copyShuffled(source, b, 2);
        String first = report(a, 1);
        assertThat(first).contains("\"findings\"");
        assertThat(report(a, 1)).as("a second run").isEqualTo(first);
        assertThat(report(a, 2)).as("2 threads").isEqualTo(first);
        assertThat(report(a, 8)).as("8 threads").isEqualTo(first);
        assertThat(report(b, 8)).as("another listing order, 8 threads").isEqualTo(first);
    }

    @Test
    void theExamplesGiveTheSameBytesForAnyThreadCountAndListingOrder() throws IOException {
        sameEverywhere(Path.of("..", "examples"));
    }

    @Test
    void everyRulesFixturesInOneTreeGiveTheSameBytesForAnyThreadCountAndListingOrder() throws IOException {
        sameEverywhere(Path.of("src", "test", "resources", "fixtures"));
    }
}
