package dev.prodlint.rules.retrystorm;

import dev.prodlint.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * What a retry lacks. One finding per retry names all of it.
 *
 * @param method the HTTP method sent again without an idempotency key, or null
 */
record Defects(boolean noDelay, boolean fixedDelay, boolean noJitter, boolean unbounded, String method, boolean unclassified) {

    boolean any() {
        return noDelay || fixedDelay || noJitter || unbounded || method != null || unclassified;
    }

    /** No delay, no bound or a repeated POST make an outage worse at once; the rest over time. */
    Severity severity() {
        if (noDelay || unbounded || method != null) return Severity.ERROR;
        if (fixedDelay || unclassified) return Severity.WARNING;
        return Severity.NOTE;
    }

    /** The defects as phrases: "with no delay between attempts, with no limit on attempts". */
    List<String> phrases() {
        return phrases(false);
    }

    /** For a database call, the failures a retry cannot fix are constraint violations and bad SQL, not 4xx. */
    List<String> phrases(boolean database) {
        List<String> out = new ArrayList<>();
        if (noDelay) out.add("with no delay between attempts");
        if (fixedDelay) out.add("after a fixed delay that never grows");
        if (noJitter) out.add("with a backoff that has no jitter, so callers that failed together retry together");
        if (unbounded) out.add("with no limit on attempts");
        if (method != null) out.add("sending the " + method + " again with no idempotency key");
        if (unclassified) {
            out.add(database ? "on every failure, including errors a retry cannot fix (constraint violations, bad SQL)"
                    : "on every failure, including 4xx responses and errors a retry cannot fix");
        }
        return out;
    }

    /** The fix items, in the order a user applies them. */
    List<String> missing() {
        List<String> out = new ArrayList<>();
        if (noDelay || fixedDelay) out.add("exponential backoff with jitter");
        else if (noJitter) out.add("jitter");
        if (unbounded) out.add("a cap on attempts");
        if (method != null) out.add("an idempotency key");
        if (unclassified) out.add("a retryable-error check (network errors, 429, 5xx)");
        return out;
    }
}
