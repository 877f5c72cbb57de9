package dev.prodlint.cli;

import dev.prodlint.engine.Scanner;
import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * "prodlint: 1200/3639 files" on stderr, rewritten in place, for scans that take longer than a
 * second on a terminal. Nothing in CI or when the output is redirected, where it would only be noise.
 */
final class TerminalProgress implements Scanner.Progress {
    private static final long DELAY_NANOS = 1_000_000_000L;
    private static final long EVERY_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final LongSupplier clock;
    private final long start;
    private long last;
    private boolean shown;

    TerminalProgress(PrintWriter err, LongSupplier clock) {
        this.err = err;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.last = start;
    }

    /** A progress line only for people: an interactive terminal, and not a CI job. */
    static Scanner.Progress forTerminal(PrintWriter err) {
        boolean ci = System.getenv("CI") != null || System.getenv("GITHUB_ACTIONS") != null || System.getenv("GITLAB_CI") != null;
        boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        return terminal && !ci ? new TerminalProgress(err, System::nanoTime) : Scanner.Progress.NONE;
    }

    @Override
    public void update(int done, int total) {
        long now = clock.getAsLong();
        if (now - start < DELAY_NANOS || now - last < EVERY_NANOS && done < total) return;
        last = now;
        shown = true;
        err.print("\rprodlint: " + done + "/" + total + " files");
        err.flush();
    }

    @Override
    public void finish() {
        if (!shown) return;
        err.print("\r\033[K");
        err.flush();
    }
}
