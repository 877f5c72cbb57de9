package dev.prodlint.engine;

import dev.prodlint.apimodel.ApiModels;
import dev.prodlint.rules.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** Scans paths: walks them, analyses files in parallel, and returns a result in a stable order. */
public final class Scanner {
    private final ScanOptions options;
    private final ApiModels models;
    private final List<Rule> rules;
    private Progress progress = Progress.NONE;
    /** The first pass of the last scan, for its parse and lowering times. */
    private FileAnalyzer indexer;

    /** Told how many files are analysed so far (for a progress line); called from the scanning thread. */
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void update(int done, int total);

        default void finish() {
        }
    }

    public Scanner(ScanOptions options, ApiModels models, List<Rule> rules) {
        this.options = options;
        this.models = models;
        this.rules = List.copyOf(rules);
    }

    private java.util.function.Predicate<String> filter = p -> true;

    /** Scans only the files whose report path passes (a configuration's include and exclude globs). */
    public Scanner withFilter(java.util.function.Predicate<String> f) {
        this.filter = f == null ? p -> true : f;
        return this;
    }

    private ResultCache cache;
    private List<Path> cacheInputs = List.of();

    /**
     * Keeps the result in {@code dir} and reuses it when nothing it depends on changed; {@code inputs}
     * are the files the caller configured beyond the rules and options (the project's model files).
     */
    public Scanner withCache(Path dir, List<Path> inputs) {
        this.cache = dir == null ? null : new ResultCache(dir);
        this.cacheInputs = inputs == null ? List.of() : List.copyOf(inputs);
        return this;
    }

    public Scanner withProgress(Progress p) {
        this.progress = p == null ? Progress.NONE : p;
        return this;
    }

    public ScanResult scan(List<Path> paths) throws IOException {
        long start = System.nanoTime();
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        FileWalker walker = new FileWalker(options.base(), notes, options.includeTests());
        Map<String, SourceFile> files = new LinkedHashMap<>();
        for (Path p : paths) {
            if (!Files.exists(p)) throw new NoSuchFileException(p.toString(), null, "no such file or directory");
            for (SourceFile f : walker.walk(p)) if (filter.test(f.reportPath())) files.putIfAbsent(f.reportPath(), f);
        }
        List<ReportedFinding> findings = Collections.synchronizedList(new ArrayList<>());
        List<ScanError> errors = Collections.synchronizedList(new ArrayList<>());
        long walkMillis = (System.nanoTime() - start) / 1_000_000;
        String cacheRoot = null;
        String cacheKey = null;
        if (cache != null) {
            cacheRoot = options.base().toAbsolutePath().normalize() + " " + paths.stream().map(p -> p.toAbsolutePath().normalize().toString()).sorted().toList();
            cacheKey = cacheKey(cacheRoot, paths, files, notes);
            java.util.Optional<ScanResult> hit = cache.get(cacheRoot, cacheKey);
            if (hit.isPresent()) {
                ScanResult r = hit.get();
                ScanStats s = r.stats();
                List<String> hitNotes = new ArrayList<>(r.notes());
                hitNotes.add("results reused from the cache: nothing they depend on changed since the last scan");
                return new ScanResult(r.findings(), r.errors(), List.copyOf(hitNotes), new ScanStats(s.files(), s.lines(), s.bytes(), s.skipped(),
                        (System.nanoTime() - start) / 1_000_000, 0, 0, 0, walkMillis, 0));
            }
        }
        long[] totals = new long[5];
        long indexMillis = 0;
        int[] counts = new int[2];
        long indexStart = System.nanoTime();   // the first pass: text markers, then summaries
        dev.prodlint.analysis.ProjectFacts textFacts = options.parseOnly() ? dev.prodlint.analysis.ProjectFacts.NONE : projectFacts(files.values());
        ThreadLocal<Frontends> frontends = ThreadLocal.withInitial(Frontends::new);
        try (WorkerPool pool = new WorkerPool(options.threads(), options.fileTimeoutMillis())) {
            LoweredCache lowered = LoweredCache.forHeap();
            dev.prodlint.analysis.ProjectFacts facts = withSummaries(textFacts, paths, files.values(), pool, frontends, lowered);
            indexMillis = (System.nanoTime() - indexStart) / 1_000_000;
            FileAnalyzer analyzer = new FileAnalyzer(models, rules, options.parseOnly(), facts, lowered);
            List<WorkerPool.Task<FileAnalyzer.Outcome>> tasks = new ArrayList<>();
            // in reverse: the files the first pass lowered last are the ones still kept
            List<SourceFile> order = new ArrayList<>(files.values());
            Collections.reverse(order);
            for (SourceFile f : order) {
                tasks.add(pool.submit(f.reportPath(), () -> pool.wasAbandoned(f.reportPath())
                        ? timedOut(f.reportPath(), pool) : analyzeOne(f, analyzer, frontends.get())));
            }
            int done = 0;
            for (WorkerPool.Task<FileAnalyzer.Outcome> task : tasks) {
                FileAnalyzer.Outcome o = get(task, pool);
                progress.update(++done, tasks.size());
                findings.addAll(o.findings());
                if (o.error() != null) errors.add(o.error());
                if (o.skipNote() != null) {
                    notes.add(o.skipNote());
                    counts[1]++;
                } else if (o.error() == null || o.lines() > 0) {   // analysed, though a rule may have failed
                    counts[0]++;
                }
                totals[0] += o.lines();
                totals[1] += o.bytes();
                totals[2] += o.parseNanos();
                totals[3] += o.ruleNanos();
                totals[4] += o.lowerNanos();
            }
        } finally {
            progress.finish();
        }
        List<ReportedFinding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.<ReportedFinding, String>comparing(r -> r.finding().path())
                .thenComparingInt(r -> r.finding().range().startLine())
                .thenComparingInt(r -> r.finding().range().startColumn())
                .thenComparing(r -> r.finding().rule())
                .thenComparing(r -> r.finding().message()));
        List<ScanError> sortedErrors = new ArrayList<>(errors);
        sortedErrors.sort(Comparator.comparing(ScanError::path).thenComparing(ScanError::message));
        List<String> sortedNotes = new ArrayList<>(notes);
        Collections.sort(sortedNotes);
        if (indexer != null) {
            totals[2] += indexer.indexParseNanos.sum();
            totals[4] += indexer.indexLowerNanos.sum();
        }
        ScanStats stats = new ScanStats(counts[0], totals[0], totals[1], counts[1],
                (System.nanoTime() - start) / 1_000_000, totals[2] / 1_000_000, totals[3] / 1_000_000, totals[4] / 1_000_000,
                walkMillis, indexMillis);
        ScanResult result = new ScanResult(List.copyOf(sorted), List.copyOf(sortedErrors), List.copyOf(sortedNotes), stats);
        if (cache != null && !options.parseOnly()) cache.put(cacheRoot, cacheKey, result);
        return result;
    }

    /** Everything a scan's result depends on, in a fixed order; files by report path with their content. */
    private String cacheKey(String root, List<Path> paths, Map<String, SourceFile> files, List<String> walkNotes) {
        ResultCache.Key k = new ResultCache.Key().add(ResultCache.buildId()).add(root)
                .add(String.valueOf(options.maxFileBytes())).add(String.valueOf(options.includeTests()))
                .add(String.valueOf(options.fileTimeoutMillis()));
        for (Rule r : rules) k.add(r.meta().id());
        for (Path p : cacheInputs) k.addFile(p.toAbsolutePath().normalize().toString(), p);
        synchronized (walkNotes) {
            for (String n : walkNotes.stream().sorted().toList()) k.add(n);
        }
        for (SourceFile f : files.values().stream().sorted(Comparator.comparing(SourceFile::reportPath)).toList()) {
            k.add(f.language().id()).addFile(f.reportPath(), f.file());
        }
        List<Path> schemas = new ArrayList<>();
        SchemaFiles.forEach(paths, Math.max(options.maxFileBytes(), 8L << 20), schemas::add);
        schemas.sort(Comparator.naturalOrder());
        for (Path p : schemas) k.addFile(p.toAbsolutePath().normalize().toString(), p);
        return k.value();
    }

    /**
     * The first pass, when a rule follows calls across files: every file's functions summarised at
     * the database. Costs a second parse of each file; skipped when no such rule runs.
     */
    private dev.prodlint.analysis.ProjectFacts withSummaries(dev.prodlint.analysis.ProjectFacts facts, List<Path> roots,
                                                             java.util.Collection<SourceFile> files,
                                                             WorkerPool pool, ThreadLocal<Frontends> frontends,
                                                             LoweredCache lowered) {
        if (options.parseOnly() || rules.stream().noneMatch(Rule::usesProjectSummaries)) return facts;
        dev.prodlint.analysis.request.ProjectSummaries index = new dev.prodlint.analysis.request.ProjectSummaries();
        SchemaFiles.read(roots, Math.max(options.maxFileBytes(), 8L << 20), index.db());
        FileAnalyzer indexer = new FileAnalyzer(models, rules, false, facts, lowered);
        this.indexer = indexer;
        List<WorkerPool.Task<Boolean>> tasks = new ArrayList<>();
        for (SourceFile f : files) {
            tasks.add(pool.submit(f.reportPath(), () -> {
                try {
                    if (Files.size(f.file()) > options.maxFileBytes()) return true;
                    indexer.index(f, Files.readAllBytes(f.file()), frontends.get(), index);
                } catch (IOException | OutOfMemoryError e) {
                    // the analysis pass reports it
                }
                return true;
            }));
        }
        for (WorkerPool.Task<Boolean> t : tasks) {
            try {
                pool.await(t);   // a file given up here is reported by the analysis pass without a second try
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException e) {
                // one file's index entry is lost; its analysis reports the failure
            }
        }
        return facts.withSummaries(index);
    }

    /** One plain-text pass for the markers rules asked about; unreadable or oversized files are left out. */
    private dev.prodlint.analysis.ProjectFacts projectFacts(java.util.Collection<SourceFile> files) {
        java.util.Set<String> wanted = new java.util.HashSet<>();
        for (Rule r : rules) wanted.addAll(r.projectMarkers());
        if (wanted.isEmpty()) return dev.prodlint.analysis.ProjectFacts.NONE;
        java.util.Set<String> present = java.util.concurrent.ConcurrentHashMap.newKeySet();
        files.parallelStream().forEach(f -> {
            if (present.size() == wanted.size()) return;
            try {
                if (Files.size(f.file()) > options.maxFileBytes()) return;
                String text = new String(Files.readAllBytes(f.file()), java.nio.charset.StandardCharsets.UTF_8);
                for (String w : wanted) {
                    if (text.contains(w)) present.add(w);
                }
            } catch (IOException | RuntimeException e) {
                // The analysis reports the file if it cannot be read.
            }
        });
        return new dev.prodlint.analysis.ProjectFacts(present);
    }

    private FileAnalyzer.Outcome analyzeOne(SourceFile f, FileAnalyzer analyzer, Frontends frontends) {
        try {
            long size = Files.size(f.file());
            if (size > options.maxFileBytes()) {
                return FileAnalyzer.Outcome.skipped(f.reportPath() + ": " + size + " bytes, over the "
                        + options.maxFileBytes() + "-byte limit, skipped");
            }
            byte[] bytes = Files.readAllBytes(f.file());
            return analyzer.analyze(f, bytes, frontends);
        } catch (IOException e) {
            return new FileAnalyzer.Outcome(List.of(), new ScanError(f.reportPath(), "cannot be read: " + e.getMessage()),
                    null, 0, 0, 0, 0);
        } catch (OutOfMemoryError e) {
            return new FileAnalyzer.Outcome(List.of(), new ScanError(f.reportPath(), "out of memory while analysing"),
                    null, 0, 0, 0, 0);
        }
    }

    private static FileAnalyzer.Outcome timedOut(String path, WorkerPool pool) {
        return new FileAnalyzer.Outcome(List.of(), new ScanError(path, "analysis took over "
                + (pool.budgetMillis() >= 1000 ? pool.budgetMillis() / 1000 + " s" : pool.budgetMillis() + " ms")
                + " and was given up (a pathological file; --file-timeout raises the limit)"), null, 0, 0, 0, 0);
    }

    private static FileAnalyzer.Outcome get(WorkerPool.Task<FileAnalyzer.Outcome> task, WorkerPool pool) {
        try {
            return pool.await(task).orElseGet(() -> timedOut(task.path, pool));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("scan worker failed", e.getCause());
        }
    }
}
