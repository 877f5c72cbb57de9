package dev.prodlint.cli;

import dev.prodlint.engine.Comparison;
import dev.prodlint.engine.ScanOptions;
import dev.prodlint.engine.ScanResult;
import dev.prodlint.report.JsonReporter;
import dev.prodlint.report.Reporter;
import dev.prodlint.report.SarifReporter;
import dev.prodlint.report.TextReporter;
import dev.prodlint.rules.Rule;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `prodlint check [PATH...]`: scan and report. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Scan files and directories (default: the current directory) and report findings.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no findings", "1:findings reported", "2:usage, configuration or internal error, "
                + "or no file could be analysed"})
final class CheckCommand implements Callable<Integer> {
    enum Format { text, json, sarif, github, gitlab }

    @Parameters(paramLabel = "PATH", description = "Files or directories to scan.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text (default), json, sarif, github (workflow annotations) or gitlab (Code Quality report).")
    Format format = Format.text;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path output;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--max-file-size", paramLabel = "BYTES",
            description = "Skip files larger than this (default: ${DEFAULT-VALUE}).")
    long maxFileBytes = ScanOptions.DEFAULT_MAX_FILE_BYTES;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Keep the result in DIR and reuse it when no scanned file, rule, option or model changed (off by default).")
    Path cacheDir;

    @Option(names = "--file-timeout", paramLabel = "SECONDS",
            description = "Give up a file whose analysis takes longer; it becomes an error (default: 30).")
    double fileTimeoutSeconds = ScanOptions.DEFAULT_FILE_TIMEOUT_MILLIS / 1000.0;

    @Option(names = "--root", paramLabel = "DIR",
            description = "Report paths relative to DIR (default: the current directory).")
    Path root = Path.of("");

    @Option(names = "--include-tests",
            description = "Also scan test code (test folders, *.test.ts, *Test.java) found in directories.")
    boolean includeTests;

    @Option(names = "--enable", paramLabel = "RULE", split = ",",
            description = "Also run these opt-in rules (see `prodlint rules`), e.g. --enable swallowed-error-experimental.")
    List<String> enable = new java.util.ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "Read the configuration from FILE (default: prodlint.yaml in the --root directory, when there is one).")
    Path configFile;

    @Option(names = "--new-since", paramLabel = "REV",
            description = "Report only findings that did not exist at git revision REV, in the files changed since (a PR's base).")
    String newSince;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Hide the findings recorded in FILE (written by `prodlint baseline`); report how many were hidden and how many entries are stale.")
    Path baseline;

    @Option(names = {"-v", "--verbose"}, description = "List skipped files and other notes.")
    boolean verbose;

    @Option(names = "--stats", description = "Print throughput and time per phase to stderr.")
    boolean stats;

    @Option(names = "--parse-only", hidden = true, description = "Stop after parsing and lowering (benchmarks).")
    boolean parseOnly;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Integer n = ScanSetup.threads(err, threads);
        if (n == null) return Main.EXIT_ERROR;
        List<Path> targets = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        ScanSetup setup = ScanSetup.prepare(err, root, configFile, enable);
        if (setup == null) return Main.EXIT_ERROR;
        List<Rule> rules = setup.rules();
        List<dev.prodlint.engine.Baseline.Entry> accepted = null;
        if (baseline != null) {
            try {
                accepted = dev.prodlint.engine.Baseline.read(baseline);
            } catch (dev.prodlint.engine.Baseline.InvalidBaseline e) {
                err.println("prodlint: --baseline: " + e.getMessage());
                return Main.EXIT_ERROR;
            }
        }
        if (!(fileTimeoutSeconds > 0) || fileTimeoutSeconds > 86_400) {
            err.println("prodlint: --file-timeout must be between 0 and 86400 seconds");
            return Main.EXIT_ERROR;
        }
        long fileTimeoutMillis = Math.max(1, Math.round(fileTimeoutSeconds * 1000));
        Path base = root.toAbsolutePath().normalize();
        ScanResult result;
        try {
            if (newSince != null) {
                List<Path> absTargets = targets.stream().map(t -> t.toAbsolutePath().normalize()).toList();
                for (Path t : absTargets) {
                    if (!Files.exists(t)) throw new NoSuchFileException(t.toString());
                }
                result = dev.prodlint.engine.NewSince.run(base, absTargets, newSince,
                        (b, t) -> setup.scanner(new ScanOptions(b, n, maxFileBytes, parseOnly, includeTests, fileTimeoutMillis)).scan(t));
                Comparison.NewSinceSummary s = result.comparison().newSince();
                err.println("prodlint: " + s.changedFiles() + " changed file(s) since " + newSince + "; findings there: " + s.before()
                        + " before, " + s.now() + " now, " + s.added() + " new");
                err.flush();
            } else {
                result = setup.scanner(new ScanOptions(base, n, maxFileBytes, parseOnly, includeTests, fileTimeoutMillis))
                        .withCache(cacheDir, setup.config().models())
                        .withProgress(TerminalProgress.forTerminal(err)).scan(targets);
            }
        } catch (dev.prodlint.engine.GitChanges.GitProblem e) {
            err.println("prodlint: --new-since: " + e.getMessage());
            return Main.EXIT_ERROR;
        } catch (NoSuchFileException e) {
            err.println("prodlint: " + e.getFile() + ": no such file or directory");
            return Main.EXIT_ERROR;
        } catch (IOException e) {
            err.println("prodlint: " + e.getMessage());
            return Main.EXIT_ERROR;
        }
        if (accepted != null) {
            result = dev.prodlint.engine.Baseline.apply(result, baseline.toString(), accepted, newSince == null);
            Comparison.BaselineSummary b = result.comparison().baseline();
            int stale = b.stale() == null ? 0 : b.stale();
            err.println("prodlint: the baseline hid " + b.hidden() + " finding(s)"
                    + (stale > 0 ? "; " + stale + " baseline entr" + (stale == 1 ? "y matches" : "ies match")
                    + " nothing any more (rewrite it with `prodlint baseline` to prune)" : ""));
            err.flush();
        }
        result = setup.config().withSeverities(result);
        long reportStart = System.nanoTime();
        Reporter reporter = switch (format) {
            case text -> new TextReporter(verbose);
            case json -> new JsonReporter();
            case sarif -> new SarifReporter(rules, base);
            case github -> new dev.prodlint.report.GithubReporter();
            case gitlab -> new dev.prodlint.report.GitlabReporter();
        };
        try {
            reportStart = System.nanoTime();   // the rendering and writing only
            if (output != null) {
                Path parent = output.toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
                try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                    reporter.write(result, w);
                }
            } else {
                Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
                reporter.write(result, w);
                w.flush();
            }
        } catch (IOException e) {
            err.println("prodlint: cannot write the report: " + e.getMessage());
            return Main.EXIT_ERROR;
        }
        if (stats) printStats(err, result, n, (System.nanoTime() - reportStart) / 1_000_000);
        if (result.stats().files() == 0 && !result.errors().isEmpty()) return Main.EXIT_ERROR;
        dev.prodlint.rules.Severity failOn = setup.config().failOn();
        boolean fails = result.findings().stream().anyMatch(r -> failOn == null || r.finding().severity().ordinal() <= failOn.ordinal());
        return fails ? Main.EXIT_FINDINGS : Main.EXIT_CLEAN;
    }

    private static void printStats(PrintWriter err, ScanResult r, int threads, long reportMillis) {
        var s = r.stats();
        double secs = Math.max(1, s.millis()) / 1000.0;
        Runtime rt = Runtime.getRuntime();
        err.printf("stats: %d files, %d lines, %.1f MB in %.2f s with %d thread(s): %.0f files/s, %.0f lines/s, %.2f MB/s%n",
                s.files(), s.lines(), s.bytes() / 1e6, secs, threads, s.files() / secs, s.lines() / secs,
                s.bytes() / 1e6 / secs);
        err.printf("stats: phases: walk %d ms, first pass %d ms (wall); parse %d ms, lower %d ms, resolve+rules %d ms "
                        + "(cpu, summed over threads); report %d ms (wall)%n",
                s.walkMillis(), s.indexMillis(), s.parseMillis(), s.lowerMillis(), s.ruleMillis(), reportMillis);
        err.printf("stats: heap used at end %d MB%n", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
        err.flush();
    }
}
