package dev.prodlint.engine;

import dev.prodlint.rules.Finding;
import java.util.List;

/**
 * A finding as reported: with a fingerprint that survives line shifts and the source lines around
 * it for the text report's code frame.
 *
 * @param fingerprint rule, path, enclosing function and the normalized code of the flagged and related lines
 * @param frame       the flagged line and its neighbours, numbered from {@code frameStart}
 */
public record ReportedFinding(Finding finding, String fingerprint, int frameStart, List<String> frame) {
}
