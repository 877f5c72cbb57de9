package dev.prodlint.engine;

/**
 * Figures of one scan.
 *
 * @param files    files analysed
 * @param lines    lines in them
 * @param bytes    bytes in them
 * @param skipped  files passed over (too large, binary, minified, generated)
 * @param millis   wall time of the whole scan
 * @param parseMillis   summed time the parsers took (both passes), over all threads
 * @param ruleMillis    summed time spent in name resolution and rules, over all threads
 * @param lowerMillis   summed time spent lowering parse trees into the program model (both passes), over all threads
 * @param walkMillis    wall time of walking the directories
 * @param indexMillis   wall time of the first pass (each file parsed, lowered and summarised for
 *                      cross-file facts; 0 when no rule needs it)
 */
public record ScanStats(int files, long lines, long bytes, int skipped, long millis, long parseMillis,
                        long ruleMillis, long lowerMillis, long walkMillis, long indexMillis) {
    public ScanStats(int files, long lines, long bytes, int skipped, long millis, long parseMillis, long ruleMillis) {
        this(files, lines, bytes, skipped, millis, parseMillis, ruleMillis, 0, 0, 0);
    }
}
