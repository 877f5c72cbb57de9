package dev.prodlint.rules.swallowederror;

import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.Node;
import dev.prodlint.model.Param;
import dev.prodlint.model.SourceModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What each form says: the message, why it hurts in production, and the fix in the stack's own words. */
final class Messages {
    private Messages() {
    }

    static String message(SourceModule m, Verdict v) {
        String work = v.work() != null && v.work().what() != null ? v.work().what() : "the work in the `try`";
        return switch (v.form()) {
            case DISCARDED -> "This catch " + v.detail() + " when " + work + " fails, without logging or rethrowing the error: "
                    + "the failure vanishes, and no log says it happened or why.";
            case FAILURE_UNLOGGED -> "500".equals(v.detail())
                    ? "This catch answers with a server error when " + work + " fails but never logs the error or passes it on: "
                    + "the client sees a 500 and the logs hold nothing about why."
                    : "This catch answers with a failure when " + work + " fails but never logs the error or passes it on: "
                    + "the caller is told it failed, and the logs hold nothing about why.";
            case LOGGED_WITHOUT_ERROR -> "`" + v.detail() + "` logs that " + work + " failed but not the error itself: the cause and the "
                    + "stack trace are lost.";
            case STACK_DROPPED -> "`" + v.detail() + "` logs only the error's text: its stack trace, the pointer to the failing line, is "
                    + "dropped" + (m.language() == Language.JAVA ? " (and `getMessage()` is null for a NullPointerException)." : ".");
            case PRINTED -> v.detail().endsWith("|logged-text")
                    ? "`" + v.detail().replace("|logged-text", "") + "` prints the stack trace of the failure of " + work + " to the console, and the log "
                    + "gets only its message: the trace lands outside the logs, with no timestamp, level, logger or request id, and is often "
                    + "not collected at all."
                    : "`" + v.detail() + "` prints the failure of " + work + " to the console instead of logging it: no timestamp, level, "
                    + "logger or request id, and often not collected at all.";
            case NO_CONTEXT -> "`" + v.detail() + "` logs the error with nothing else: the stack says where it failed, not which operation "
                    + "or which " + context(v.node()) + " it failed for.";
            case CAUSE_DROPPED -> {
                String[] d = v.detail().split("\\|");
                String lost = d.length > 1 && d[1].equals("message")
                        ? "This throws a new `" + d[0] + "` with the caught error's text but not the error: its stack trace is dropped."
                        : d.length > 1 && d[1].equals("logged-text")
                        ? "This throws a new `" + d[0] + "` without the caught error as its cause, and the log above kept only its message: "
                        + "the stack trace of the original failure is lost."
                        : "This throws a new `" + d[0] + "` without the caught error as its cause, and the error was not logged: "
                        + "the original failure is lost.";
                yield lost + " Whoever handles it sees a stack that starts in this catch block.";
            }
            case FLOATING -> "`" + v.work().what().replace("`", "") + "` is started and never awaited, returned or given a `.catch()`: "
                    + ("lazy".equals(v.detail())
                    ? "this query builder sends nothing until someone awaits it, so the statement never runs."
                    : "if it rejects, nobody observes it (since Node 15 an unhandled rejection ends the process), and the code goes on as if it worked.");
            case UNOBSERVED_TASK -> ("submit".equals(v.detail()) ? "The `Future` returned by `submit(...)` is dropped" : "This `CompletableFuture."
                    + v.detail() + "(...)` has no `exceptionally`/`handle`/`whenComplete`") + ": an exception thrown by the task is stored in the "
                    + "future and never seen, not even in the log.";
            case INTERRUPT -> "This catch swallows `InterruptedException` without restoring the interrupt flag or rethrowing: the thread keeps "
                    + "working after a shutdown or a cancel asked it to stop.";
        };
    }

    static String why(Verdict v) {
        return switch (v.form()) {
            case DISCARDED, FAILURE_UNLOGGED -> "In production the work fails for reasons tests never produce (a deadlock, a timeout, a full "
                    + "disk, a rejected payload). With the error discarded, the request reports success or a bare 500, the data is left "
                    + "half-done, and when someone notices days later there is no log line to start from.";
            case LOGGED_WITHOUT_ERROR, STACK_DROPPED, PRINTED, NO_CONTEXT -> "The log is all you have when a failure happens in production. "
                    + "Without the error object there is no cause or stack; without the operation and ids there is no way to find the "
                    + "request, the record or the customer it hit; stderr output is often not collected by the log pipeline at all.";
            case CAUSE_DROPPED -> "The new error hides the real one: the stack trace in the error report starts in the catch block, and "
                    + "the database, network or validation failure that caused it is gone.";
            case FLOATING -> "A promise nobody awaits fails silently or crashes the process: the handler has already answered success, "
                    + "and an unhandled rejection either disappears or (Node 15+) terminates every request in flight.";
            case UNOBSERVED_TASK -> "Executors keep a task's exception inside its Future. If nobody calls get() or attaches a handler, the "
                    + "background work fails with no log line and no alert.";
            case INTERRUPT -> "Interruption is how executors, Spring and application servers stop threads on shutdown or cancel a task. "
                    + "Swallowing it makes shutdowns hang until they are killed, and cancelled work keeps running.";
        };
    }

    static String fix(SourceModule m, Verdict v) {
        boolean java = m.language() == Language.JAVA;
        return switch (v.form()) {
            case DISCARDED, FAILURE_UNLOGGED -> java
                    ? "Let it propagate (Spring's `@ControllerAdvice` logs it and answers 500), or log it with what failed and answer a "
                    + "failure: `log.error(\"cancelling order {} failed\", orderId, e); throw e;`. If ignoring really is right, say why in "
                    + "a comment in the catch."
                    : "Let it propagate to the framework's error handler, or log it with what failed and answer a failure: "
                    + "`logger.error({ err, orderId }, 'cancelling order failed'); throw err;` (Express: `next(err)`). If ignoring really "
                    + "is right, say why in a comment in the catch.";
            case LOGGED_WITHOUT_ERROR, STACK_DROPPED -> java
                    ? "Pass the exception as the last argument: `log.error(\"charging order {} failed\", orderId, e);`."
                    : "Log the error object itself with what failed: `logger.error({ err, orderId }, 'charging order failed')` "
                    + "(console: `console.error('charging order failed', orderId, err)`).";
            case PRINTED -> "Use the logger: `log.error(\"charging order {} failed\", orderId, e);`.";
            case NO_CONTEXT -> java
                    ? "Say what failed and for which ids: `log.error(\"charging order {} failed\", orderId, e);`."
                    : "Say what failed and for which ids: `logger.error({ err, orderId }, 'charging order failed')`.";
            case CAUSE_DROPPED -> java
                    ? "Pass the caught exception as the cause: `throw new PaymentException(\"charging order \" + orderId + \" failed\", e);`."
                    : "Pass the caught error as the cause: `throw new Error(`charging order ${orderId} failed`, { cause: err })`.";
            case FLOATING -> "`await` it, return it, or when it is meant to run in the background attach "
                    + "`.catch((err) => logger.error({ err }, '...'))`.";
            case UNOBSERVED_TASK -> "Keep the future and handle its failure: `.exceptionally(e -> { log.error(\"...\", e); return null; })`, "
                    + "or catch and log inside the task; use `execute(...)` so the thread's uncaught-exception handler sees it.";
            case INTERRUPT -> "Restore the flag and stop: `Thread.currentThread().interrupt(); return;` (or rethrow).";
        };
    }

    private static final Set<String> NOT_CONTEXT = Set.of("req", "res", "request", "response", "next", "ctx", "reply", "context", "h", "event",
            "args", "info", "options", "opts", "config");

    /** The identifiers in scope that would identify the failing work: the function's parameters. */
    private static String context(Node at) {
        FunctionDecl f = at.enclosingFunction();
        List<String> names = new ArrayList<>();
        for (FunctionDecl g = f; g != null && names.isEmpty(); g = g.enclosingFunction()) {
            for (Param p : g.params()) {
                String n = p.name();
                if (n != null && !NOT_CONTEXT.contains(n) && names.size() < 3) names.add(n);
            }
        }
        return names.isEmpty() ? "request, record or job" : "record (" + String.join(", ", names) + ")";
    }
}
