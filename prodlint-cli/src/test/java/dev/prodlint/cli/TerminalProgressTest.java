package dev.prodlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The progress line: only after a second, at most five times a second, cleared at the end; never without a terminal. */
class TerminalProgressTest {
    @Test
    void quietForTheFirstSecondThenThrottledAndClearedAtTheEnd() {
        StringWriter text = new StringWriter();
        long[] now = {0};
        TerminalProgress p = new TerminalProgress(new PrintWriter(text), () -> now[0]);
        p.update(1, 100);
        assertThat(text.toString()).isEmpty();
        now[0] = 1_100_000_000L;
        p.update(10, 100);
        now[0] += 50_000_000L;
        p.update(11, 100);
        now[0] += 300_000_000L;
        p.update(40, 100);
        assertThat(text.toString()).isEqualTo("\rprodlint: 10/100 files\rprodlint: 40/100 files");
        p.finish();
        assertThat(text.toString()).endsWith("\r\033[K");
    }

    @Test
    void testsAndCiHaveNoTerminalSoNothingIsShown() {
        StringWriter text = new StringWriter();
        assertThat(TerminalProgress.forTerminal(new PrintWriter(text))).isSameAs(dev.prodlint.engine.Scanner.Progress.NONE);
    }
}
