package dev.prodlint.engine;

import java.nio.file.Path;

/**
 * @param base          the directory report paths are relative to
 * @param threads       worker threads
 * @param maxFileBytes  larger files are passed over
 * @param parseOnly     stop after lowering (for benchmarks)
 * @param includeTests  also scan test code found while walking directories (files named on the
 *                      command line are always scanned)
 */
public record ScanOptions(Path base, int threads, long maxFileBytes, boolean parseOnly, boolean includeTests) {
    public static final long DEFAULT_MAX_FILE_BYTES = 2L * 1024 * 1024;

    public static ScanOptions defaults(Path base) {
        return new ScanOptions(base, Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_FILE_BYTES, false, false);
    }
}
