package dev.prodlint.engine;

import java.nio.file.Path;

/**
 * @param base          the directory report paths are relative to
 * @param threads       worker threads
 * @param maxFileBytes  larger files are passed over
 * @param parseOnly     stop after lowering (for benchmarks)
 * @param includeTests  also scan test code found while walking directories (files named on the
 *                      command line are always scanned)
 * @param fileTimeoutMillis one file's analysis is given up after this long (it becomes an error)
 */
public record ScanOptions(Path base, int threads, long maxFileBytes, boolean parseOnly, boolean includeTests,
                          long fileTimeoutMillis) {
    public static final long DEFAULT_MAX_FILE_BYTES = 2L * 1024 * 1024;
    /** Far above what real files take (scans of eight large repositories, 4.7 million lines, gave up none), well below a hang. */
    public static final long DEFAULT_FILE_TIMEOUT_MILLIS = 30_000;

    public ScanOptions(Path base, int threads, long maxFileBytes, boolean parseOnly, boolean includeTests) {
        this(base, threads, maxFileBytes, parseOnly, includeTests, DEFAULT_FILE_TIMEOUT_MILLIS);
    }

    public static ScanOptions defaults(Path base) {
        return new ScanOptions(base, Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_FILE_BYTES, false, false);
    }
}
