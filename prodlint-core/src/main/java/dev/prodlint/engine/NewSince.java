package dev.prodlint.engine;

import dev.prodlint.model.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * `check --new-since REV`: scans the files changed since REV as they are now and as they were at
 * REV (read with git, into a scratch folder), and keeps the findings that did not exist before,
 * compared by fingerprint. A finding on an untouched line that the change caused counts as new.
 */
public final class NewSince {
    /** Runs a scan with report paths relative to {@code base}. */
    @FunctionalInterface
    public interface ScanFn {
        ScanResult scan(Path base, List<Path> targets) throws IOException;
    }

    private NewSince() {
    }

    /**
     * @param base    the directory report paths are relative to (absolute)
     * @param targets the scanned paths (absolute): changes outside them are ignored
     */
    public static ScanResult run(Path base, List<Path> targets, String rev, ScanFn scan) throws GitChanges.GitProblem, IOException {
        GitChanges.Changes changes = GitChanges.since(targets.isEmpty() ? base : existingDir(targets.get(0)), rev);
        Path top = changes.top().toRealPath();
        List<String> relevant = new ArrayList<>();
        for (String p : changes.changed()) {
            Path abs = top.resolve(p).normalize();
            if (Language.forPath(p).isEmpty()) continue;
            if (targets.stream().noneMatch(t -> abs.startsWith(real(t)))) continue;
            relevant.add(p);
        }
        List<Path> nowFiles = new ArrayList<>();
        for (String p : relevant) {
            Path abs = top.resolve(p);
            if (Files.isRegularFile(abs)) nowFiles.add(abs);
        }
        ScanResult now = nowFiles.isEmpty() ? empty() : scan.scan(base, nowFiles);
        Path scratch = Files.createTempDirectory("prodlint-new-since");
        try {
            List<Path> thenFiles = new ArrayList<>();
            for (String p : relevant) {
                byte[] old = GitChanges.show(changes, p);
                if (old == null) continue;
                Path copy = scratch.resolve(p);
                Files.createDirectories(copy.getParent());
                Files.write(copy, old);
                thenFiles.add(copy);
            }
            // the old files sit at the same place relative to the report base as the new ones
            Path oldBase = scratch.resolve(top.relativize(real(base)).toString());
            ScanResult then = thenFiles.isEmpty() ? empty() : scan.scan(oldBase, thenFiles);
            Map<String, Integer> before = new HashMap<>();
            for (ReportedFinding r : then.findings()) before.merge(r.fingerprint(), 1, Integer::sum);
            List<ReportedFinding> fresh = new ArrayList<>();
            for (ReportedFinding r : now.findings()) {
                Integer n = before.get(r.fingerprint());
                if (n != null && n > 0) before.put(r.fingerprint(), n - 1);
                else fresh.add(r);
            }
            return now.withFindings(fresh).withComparison(now.comparison().withNewSince(new Comparison.NewSinceSummary(
                    rev, relevant.size(), then.findings().size(), now.findings().size(), fresh.size())));
        } finally {
            try (Stream<Path> s = Files.walk(scratch)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Path existingDir(Path p) {
        return Files.isDirectory(p) ? p : p.getParent() == null ? Path.of(".") : p.getParent();
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static ScanResult empty() {
        return new ScanResult(List.of(), List.of(), List.of(), new ScanStats(0, 0, 0, 0, 0, 0, 0));
    }
}
