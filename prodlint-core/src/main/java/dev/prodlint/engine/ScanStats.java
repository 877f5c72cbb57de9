package dev.prodlint.engine;

/**
 * Figures of one scan.
 *
 * @param files    files analysed
 * @param lines    lines in them
 * @param bytes    bytes in them
 * @param skipped  files passed over (too large, binary, minified, generated)
 * @param millis   wall time of the whole scan
 * @param parseMillis   summed time spent parsing and lowering, over all threads
 * @param ruleMillis    summed time spent in name resolution and rules, over all threads
 */
public record ScanStats(int files, long lines, long bytes, int skipped, long millis, long parseMillis,
                        long ruleMillis) {
}
