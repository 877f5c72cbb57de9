package dev.prodlint.engine;

import java.util.List;

/** What a scan found, in a stable order: findings by path, line, column, rule; errors by path. */
public record ScanResult(List<ReportedFinding> findings, List<ScanError> errors, List<String> notes, ScanStats stats) {
}
