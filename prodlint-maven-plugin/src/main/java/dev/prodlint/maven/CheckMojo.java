package dev.prodlint.maven;

import dev.prodlint.apimodel.ApiModels;
import dev.prodlint.config.Config;
import dev.prodlint.engine.ReportedFinding;
import dev.prodlint.engine.ScanOptions;
import dev.prodlint.engine.ScanResult;
import dev.prodlint.engine.Scanner;
import dev.prodlint.report.JsonReporter;
import dev.prodlint.report.SarifReporter;
import dev.prodlint.rules.Rule;
import dev.prodlint.rules.RuleRegistry;
import dev.prodlint.rules.Severity;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Scans the module's sources (and any extra directories, such as a TypeScript front end's API
 * code), writes SARIF and JSON reports under target/, and fails the build on findings at or above
 * {@code failOn}. Reads the module's prodlint.yaml like the CLI does.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** Findings this severe or worse fail the build: error, warning or note. */
    @Parameter(property = "prodlint.failOn", defaultValue = "warning")
    private String failOn;

    /** More directories to scan, relative to the module (a TypeScript or JavaScript part of the application). */
    @Parameter
    private List<File> extraDirectories = new ArrayList<>();

    /** Opt-in rules to run as well (prodlint rules lists them). */
    @Parameter
    private List<String> enable = new ArrayList<>();

    @Parameter(property = "prodlint.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    private File outputDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("prodlint: skipped");
            return;
        }
        Severity threshold = severity(failOn);
        if (threshold == null) throw new MojoExecutionException("prodlint: failOn must be error, warning or note, not '" + failOn + "'");
        Path base = project.getBasedir().toPath();
        List<Path> targets = new ArrayList<>();
        for (String root : project.getCompileSourceRoots()) {
            if (Files.isDirectory(Path.of(root))) targets.add(Path.of(root));
        }
        for (File extra : extraDirectories) {
            Path p = extra.isAbsolute() ? extra.toPath() : base.resolve(extra.getPath());
            if (!Files.isDirectory(p)) throw new MojoExecutionException("prodlint: extra directory " + p + " does not exist");
            targets.add(p);
        }
        if (targets.isEmpty()) {
            getLog().info("prodlint: no sources to scan");
            return;
        }
        Config config;
        try {
            Path file = base.resolve(Config.FILE_NAME);
            config = Files.isRegularFile(file) ? Config.load(file) : Config.NONE;
        } catch (Config.ConfigException e) {
            throw new MojoExecutionException("prodlint: " + e.getMessage());
        }
        List<Rule> rules = new ArrayList<>(config.rules(RuleRegistry.defaults()));
        for (String id : enable) {
            Rule r = RuleRegistry.byId(id).orElseThrow(() -> new IllegalArgumentException("unknown rule " + id));
            if (!rules.contains(r)) rules.add(r);
        }
        ScanResult result;
        try {
            result = config.withSeverities(new Scanner(ScanOptions.defaults(base), ApiModels.bundled(config.models()), rules)
                    .withFilter(config.filtersFiles() ? config::scans : null).scan(targets));
            Path out = outputDirectory.toPath();
            Files.createDirectories(out);
            try (Writer w = Files.newBufferedWriter(out.resolve("prodlint.sarif"), StandardCharsets.UTF_8)) {
                new SarifReporter(rules, base).write(result, w);
            }
            try (Writer w = Files.newBufferedWriter(out.resolve("prodlint.json"), StandardCharsets.UTF_8)) {
                new JsonReporter().write(result, w);
            }
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("prodlint: " + e.getMessage(), e);
        }
        int failing = 0;
        for (ReportedFinding r : result.findings()) {
            var f = r.finding();
            Severity s = f.severity();
            String line = f.path() + ":" + f.range().startLine() + ": [" + f.rule() + "] " + f.message();
            if (s == Severity.ERROR) getLog().error(line);
            else if (s == Severity.WARNING) getLog().warn(line);
            else getLog().info(line);
            if (s.ordinal() <= threshold.ordinal()) failing++;
        }
        for (var e : result.errors()) getLog().warn("prodlint: " + e.path() + ": " + e.message());
        getLog().info("prodlint: " + result.findings().size() + " finding(s) in " + result.stats().files() + " file(s); reports in "
                + outputDirectory + "/prodlint.sarif and prodlint.json");
        if (failing > 0) {
            throw new MojoFailureException("prodlint: " + failing + " finding(s) at or above " + threshold.id()
                    + " (see target/prodlint.sarif; set failOn or suppress with // prodlint-ignore RULE: reason)");
        }
    }

    private static Severity severity(String s) {
        for (Severity v : Severity.values()) if (v.id().equals(s)) return v;
        return null;
    }
}
