package dev.prodlint.rules;

import dev.prodlint.model.SourceRange;
import java.util.List;

/**
 * One finding: what is wrong (message), why it fails in production, how to fix it, where, and the
 * other places involved.
 *
 * @param function the enclosing function's name, part of the fingerprint that survives line shifts
 */
public record Finding(String rule, Severity severity, String message, String why, String fix, String path,
                      SourceRange range, List<Related> related, String function) {

    public Finding {
        related = List.copyOf(related);
    }

    /** Another place involved in a finding: the throwing call, the missing release, the check. */
    public record Related(String path, SourceRange range, String message) {
    }
}
