package dev.prodlint.engine;

import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.apimodel.ApiModels;
import dev.prodlint.frontend.ParseFailure;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.SourceText;
import dev.prodlint.resolve.NameResolver;
import dev.prodlint.rules.Finding;
import dev.prodlint.rules.Rule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Runs the pipeline on one file: decode, lower, resolve names, run the rules. Whatever goes wrong
 * inside becomes an error for this file only.
 */
final class FileAnalyzer {
    /** What analysing one file gave. */
    record Outcome(List<ReportedFinding> findings, ScanError error, String skipNote, long lines, long bytes,
                   long parseNanos, long ruleNanos, long lowerNanos) {
        Outcome(List<ReportedFinding> findings, ScanError error, String skipNote, long lines, long bytes, long parseNanos, long ruleNanos) {
            this(findings, error, skipNote, lines, bytes, parseNanos, ruleNanos, 0);
        }

        static Outcome skipped(String note) {
            return new Outcome(List.of(), null, note, 0, 0, 0, 0);
        }
    }

    private static final int FRAME_CONTEXT = 1;

    /**
     * The deepest program model analysed. Rules look up enclosing functions and statements, which
     * costs the depth per node: a pathological file (50,000 nested lambdas or else-ifs) would take
     * hours. The deepest of 26,000 real files measured was 174 (a code generator's string
     * concatenation); most stay under 60.
     */
    static final int MAX_MODEL_DEPTH = 2000;

    private final ApiModels models;
    private final List<Rule> rules;
    private final boolean parseOnly;
    private final dev.prodlint.analysis.ProjectFacts facts;

    /** Files lowered by the first pass, kept within a budget for the second. */
    private final LoweredCache lowered;

    FileAnalyzer(ApiModels models, List<Rule> rules, boolean parseOnly, dev.prodlint.analysis.ProjectFacts facts) {
        this(models, rules, parseOnly, facts, new LoweredCache(0));
    }

    FileAnalyzer(ApiModels models, List<Rule> rules, boolean parseOnly, dev.prodlint.analysis.ProjectFacts facts,
                 LoweredCache lowered) {
        this.lowered = lowered;
        this.models = models;
        this.rules = rules;
        this.parseOnly = parseOnly;
        this.facts = facts;
    }

    Outcome analyze(SourceFile file, byte[] bytes, Frontends frontends) {
        SourceReader.Decoded decoded = SourceReader.decode(bytes);
        if (decoded.text() == null) return Outcome.skipped(file.reportPath() + ": " + decoded.skipReason() + ", skipped");
        long t0 = System.nanoTime();
        SourceModule module = lowered.take(file.reportPath());
        boolean resolved = module != null;
        long parseNanos = 0;
        try {
            if (module == null) {
                dev.prodlint.frontend.Frontend frontend = frontends.forLanguage(file.language());
                module = frontend.lower(file.reportPath(), file.language(), decoded.text());
                parseNanos = frontend.lastParseNanos();
            }
        } catch (ParseFailure e) {
            String where = e.line() > 0 ? " (line " + e.line() + ")" : "";
            return error(file, e.getMessage() + where, bytes.length);
        } catch (StackOverflowError e) {
            return error(file, "nesting too deep to analyse", bytes.length);
        } catch (LinkageError e) {
            // The native TypeScript parser ships for Linux, macOS and Windows on x86_64 and arm64.
            return error(file, "the " + file.language().id() + " parser cannot load on this platform: " + e.getMessage(),
                    bytes.length);
        } catch (RuntimeException e) {
            return error(file, "could not be parsed: " + e, bytes.length);
        }
        long t1 = System.nanoTime();
        if (!resolved) {
            int depth = module.depth();
            if (depth > MAX_MODEL_DEPTH) {
                return error(file, "nesting " + depth + " levels deep, over the limit of " + MAX_MODEL_DEPTH
                        + "; skipped (rules walk up the tree, and such depth would make them run for hours)", bytes.length);
            }
        }
        long lines = module.text().lineCount();
        long lowerNanos = Math.max(0, t1 - t0 - parseNanos);
        if (parseOnly) return new Outcome(List.of(), null, null, lines, bytes.length, parseNanos, 0, lowerNanos);
        List<ReportedFinding> out = new ArrayList<>();
        ScanError ruleFailure = null;
        try {
            SourceModule analysed = module;
            if (!resolved) NameResolver.resolve(analysed);
            ModuleContext ctx = new ModuleContext(analysed, models, facts);
            List<dev.prodlint.rules.Finding> found = new ArrayList<>();
            java.util.Set<String> ran = new java.util.HashSet<>();
            for (Rule rule : rules) {
                if (!rule.meta().languages().contains(file.language())) continue;
                ran.add(rule.meta().id());
                try {
                    rule.check(ctx, found::add);
                } catch (RuntimeException | LinkageError | StackOverflowError e) {
                    // a rule's bug costs its own findings in this file, not the other rules' nor the scan
                    if (ruleFailure == null) {
                        ruleFailure = new ScanError(file.reportPath(), "internal error in rule " + rule.meta().id()
                                + " (the other rules ran): " + describe(e));
                    }
                }
            }
            for (dev.prodlint.rules.Finding f : Suppressions.apply(found, analysed.text(), file.reportPath(), ran, KNOWN_RULES)) {
                out.add(report(f, analysed.text()));
            }
        } catch (StackOverflowError e) {
            return error(file, "nesting too deep to analyse", bytes.length);
        } catch (RuntimeException | LinkageError e) {
            return error(file, "internal error while analysing: " + describe(e), bytes.length);
        }
        return new Outcome(out, ruleFailure, null, lines, bytes.length, parseNanos, System.nanoTime() - t1, lowerNanos);
    }

    /**
     * The first pass for one file: lower it and put its functions' summaries into the project
     * index. A file that fails here is reported by the analysis pass, not twice.
     */
    /** Parse and lowering time of the first pass, summed over threads (for the phase figures). */
    final java.util.concurrent.atomic.LongAdder indexParseNanos = new java.util.concurrent.atomic.LongAdder();
    final java.util.concurrent.atomic.LongAdder indexLowerNanos = new java.util.concurrent.atomic.LongAdder();

    void index(SourceFile file, byte[] bytes, Frontends frontends, dev.prodlint.analysis.request.ProjectSummaries out) {
        SourceReader.Decoded decoded = SourceReader.decode(bytes);
        if (decoded.text() == null) return;
        try {
            long start = System.nanoTime();
            dev.prodlint.frontend.Frontend frontend = frontends.forLanguage(file.language());
            SourceModule module = frontend.lower(file.reportPath(), file.language(), decoded.text());
            indexParseNanos.add(frontend.lastParseNanos());
            indexLowerNanos.add(Math.max(0, System.nanoTime() - start - frontend.lastParseNanos()));
            if (module.depth() > MAX_MODEL_DEPTH) return;   // analyze() parses it again and reports it
            NameResolver.resolve(module);
            dev.prodlint.analysis.request.SummaryIndexer.index(new ModuleContext(module, models, facts), out);
            lowered.put(file.reportPath(), module);
        } catch (ParseFailure | RuntimeException | StackOverflowError | LinkageError e) {
            // reported by analyze()
        }
    }

    /** The failure and where in prodlint it happened (not only the JDK method that threw): what a bug report needs. */
    private static String describe(Throwable e) {
        StackTraceElement top = java.util.Arrays.stream(e.getStackTrace()).filter(f -> f.getClassName().startsWith("dev.prodlint."))
                .findFirst().orElse(e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null);
        return e + (top == null ? "" : " at " + top);
    }

    private static Outcome error(SourceFile file, String message, long bytes) {
        return new Outcome(List.of(), new ScanError(file.reportPath(), message), null, 0, bytes, 0, 0);
    }

    private static final java.util.Set<String> KNOWN_RULES = dev.prodlint.rules.RuleRegistry.all().stream()
            .map(r -> r.meta().id()).collect(java.util.stream.Collectors.toUnmodifiableSet());

    static ReportedFinding report(Finding f, SourceText text) {
        int line = f.range().startLine();
        int start = Math.max(1, line - FRAME_CONTEXT);
        int end = Math.min(text.lineCount(), line + FRAME_CONTEXT);
        List<String> frame = new ArrayList<>();
        for (int i = start; i <= end; i++) frame.add(text.line(i));
        StringBuilder key = new StringBuilder();
        key.append(f.rule()).append('|').append(f.path()).append('|').append(f.function()).append('|')
                .append(normalize(text.line(line)));
        for (Finding.Related r : f.related()) key.append('|').append(normalize(text.line(r.range().startLine())));
        return new ReportedFinding(f, sha256(key.toString()), start, frame);
    }

    private static String normalize(String code) {
        return code.replaceAll("\\s+", "");
    }

    private static String sha256(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
