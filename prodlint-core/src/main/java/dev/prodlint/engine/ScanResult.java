package dev.prodlint.engine;

import java.util.List;

/**
 * What a scan found, in a stable order: findings by path, line, column, rule; errors by path; and
 * what the findings were compared against (a baseline, a git revision), if anything.
 */
public record ScanResult(List<ReportedFinding> findings, List<ScanError> errors, List<String> notes, ScanStats stats,
                         Comparison comparison) {
    public ScanResult(List<ReportedFinding> findings, List<ScanError> errors, List<String> notes, ScanStats stats) {
        this(findings, errors, notes, stats, Comparison.NONE);
    }

    /** The same scan with other findings (filtered or re-graded); errors, notes, stats and comparison kept. */
    public ScanResult withFindings(List<ReportedFinding> other) {
        return new ScanResult(other, errors, notes, stats, comparison);
    }

    public ScanResult withComparison(Comparison c) {
        return new ScanResult(findings, errors, notes, stats, c);
    }
}
