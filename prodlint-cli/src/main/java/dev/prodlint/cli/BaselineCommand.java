package dev.prodlint.cli;

import dev.prodlint.engine.Baseline;
import dev.prodlint.engine.ScanOptions;
import dev.prodlint.engine.ScanResult;
import java.io.IOException;
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

/** `prodlint baseline`: records today's findings so `check --baseline` reports only new ones. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Scan and write today's findings to a baseline file, for `prodlint check --baseline FILE`.")
final class BaselineCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", description = "Files or directories to scan (default: the current directory).")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "The baseline file (default: prodlint-baseline.json).")
    Path output = Path.of("prodlint-baseline.json");

    @Option(names = "--root", paramLabel = "DIR", description = "Report paths relative to DIR (default: the current directory); use the same for check.")
    Path root = Path.of(".");

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--include-tests", description = "Also scan test code found in directories.")
    boolean includeTests;

    @Option(names = "--config", paramLabel = "FILE", description = "Read the configuration from FILE (default: prodlint.yaml in --root).")
    Path configFile;

    @Option(names = "--enable", paramLabel = "RULE", split = ",", description = "Also run these opt-in rules.")
    List<String> enable = new ArrayList<>();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Integer n = ScanSetup.threads(err, threads);
        if (n == null) return Main.EXIT_ERROR;
        ScanSetup setup = ScanSetup.prepare(err, root, configFile, enable);
        if (setup == null) return Main.EXIT_ERROR;
        ScanResult result;
        try {
            result = setup.scanner(new ScanOptions(root.toAbsolutePath().normalize(), n, ScanOptions.DEFAULT_MAX_FILE_BYTES, false, includeTests))
                    .scan(paths.isEmpty() ? List.of(Path.of(".")) : paths);
        } catch (NoSuchFileException e) {
            err.println("prodlint: " + e.getFile() + ": no such file or directory");
            return Main.EXIT_ERROR;
        } catch (IOException | RuntimeException e) {
            err.println("prodlint: " + e.getMessage());
            return Main.EXIT_ERROR;
        }
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                Baseline.write(result, w);
            }
        } catch (IOException e) {
            err.println("prodlint: cannot write the baseline: " + e.getMessage());
            return Main.EXIT_ERROR;
        }
        err.println("prodlint: wrote " + result.findings().size() + " finding(s) to " + output);
        err.flush();
        return Main.EXIT_CLEAN;
    }
}
