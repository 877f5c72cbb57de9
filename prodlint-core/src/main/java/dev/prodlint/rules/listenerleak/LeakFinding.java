package dev.prodlint.rules.listenerleak;

import dev.prodlint.analysis.lifecycle.EndReach;
import dev.prodlint.analysis.lifecycle.EndReach.Reach;
import dev.prodlint.analysis.lifecycle.Scope;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.expr.Call;
import dev.prodlint.rules.Finding;
import dev.prodlint.rules.Severity;
import dev.prodlint.rules.Snippets;
import java.util.ArrayList;
import java.util.List;

/** The words of a listener-leak finding: what is registered, per what, why it piles up, where to undo it. */
final class LeakFinding {
    private LeakFinding() {
    }

    static Finding build(SourceModule m, Registration r, Undos.Outcome o) {
        Scope s = r.scope();
        String unit = s.unit();
        String code = "`" + (r.at() instanceof Call c ? Snippets.call(m, c) : Snippets.code(m, r.at())) + "`";
        String on = r.path() == null ? "the process" : "`" + r.path() + "`";
        List<Finding.Related> related = new ArrayList<>();
        related.add(new Finding.Related(m.path(), s.opener().range(), s.what() + ": runs once per " + unit));
        String message;
        String fix;
        Severity severity = Severity.NOTE;
        switch (o.verdict()) {
            case PARTIAL -> {
                Reach partial = firstEnd(o.reaches());
                related.add(new Finding.Related(m.path(), o.undo().range(), "undone here, only on " + quote(partial.event())));
                message = code + " (in " + s.what() + ") is undone only on " + quote(partial.event()) + ", which misses "
                        + partial.end().misses() + ".";
                fix = "Undo it where every ending passes: " + s.endHint() + ".";
            }
            case NOT_IN_FINALLY -> {
                related.add(new Finding.Related(m.path(), o.undo().range(), "removed here, on the normal path only"));
                message = code + " sets a thread-bound value in " + s.what() + " and removes it on the normal path only: "
                        + "when the request throws before line " + o.undo().range().startLine() + ", the value stays on the pooled thread.";
                fix = "Remove it in " + s.endHint() + " so that it runs however the request ends.";
            }
            case ELSEWHERE -> {
                related.add(new Finding.Related(m.path(), o.undo().range(), "undone here, which does not run when the " + unit + " ends"));
                String where = o.reaches().isEmpty() || o.reaches().get(0).event() == null ? ""
                        : " (the '" + o.reaches().get(0).event() + "' handler)";
                message = code + " (in " + s.what() + ") is undone at line " + o.undo().range().startLine() + where + ", which does not run when the "
                        + unit + " ends: a client that goes away without asking leaves it on " + on + ".";
                fix = "Also undo it when the " + unit + " ends: " + s.endHint() + ".";
            }
            default -> {
                severity = Severity.WARNING;
                message = code + " runs once per " + unit + " (" + s.what() + ") and is never undone: " + never(m, r, on)
                        + ". Each " + unit + " leaves its " + thing(r) + " on " + on + ", which outlives it.";
                fix = fix(m, r, s);
            }
        }
        return new Finding(ListenerLeakRule.ID, severity, message, why(r, unit, on), fix, m.path(), r.at().range(), related,
                FunctionDecl.reportNameOf(r.at()));
    }

    private static Reach firstEnd(List<Reach> reaches) {
        for (Reach x : reaches) {
            if (x.where() == EndReach.Where.END) return x;
        }
        return reaches.get(0);
    }

    private static String quote(String event) {
        return event == null ? "some endings" : event.matches("[a-z]+") ? "'" + event + "'" : event;
    }

    private static String thing(Registration r) {
        return switch (r.kind()) {
            case LISTENER -> "listener";
            case SUBSCRIPTION -> "subscription";
            case TIMER -> "timer";
            case COLLECTION -> "entry";
            case THREAD_LOCAL -> "value";
        };
    }

    private static String never(SourceModule m, Registration r, String on) {
        return switch (r.kind()) {
            case TIMER -> r.receiver() == null ? "its handle is never passed to `clearInterval`" : "the returned future is never cancelled";
            case COLLECTION -> "nothing removes the entry from " + on;
            case THREAD_LOCAL -> "nothing removes it from " + on + " when the request ends";
            case SUBSCRIPTION -> reactive(m, r) ? "the `Disposable` that `subscribe` returns is dropped, so nothing can dispose it"
                    : undoCall(r);
            default -> undoCall(r);
        };
    }

    /** Reactor or RxJava: subscribe() on a stream, not a project's own subscribe(userId, callback). */
    private static boolean reactive(SourceModule m, Registration r) {
        return m.language() == Language.JAVA && r.at() instanceof Call c && "subscribe".equals(c.methodName())
                && !(r.receiver() != null && r.receiver().unwrap() instanceof dev.prodlint.model.expr.Name n && n.symbol() == null);
    }

    private static String undoCall(Registration r) {
        return r.pair() != null && !r.pair().undo().isEmpty()
                ? "no `" + undoName(r) + "(...)` and no kept handle undoes it"
                : "nothing undoes it";
    }

    private static String undoName(Registration r) {
        return (r.path() == null ? "" : r.path() + ".") + r.pair().undo().get(0).replace("*", "");
    }

    private static String why(Registration r, String unit, String on) {
        return switch (r.kind()) {
            case TIMER -> "The timer keeps firing after the " + unit + " ends, for as long as the process runs, and keeps "
                    + "everything its callback uses (the socket, the request) from being collected. Every " + unit
                    + " adds one more, so CPU and memory grow with the number ever served, until the process is restarted or dies.";
            case COLLECTION -> on + " outlives every " + unit + ", so each one adds an entry that stays, holding the socket or "
                    + "callback it refers to: memory grows with every " + unit + " ever served, and code that walks " + on
                    + " (a broadcast) keeps writing to closed connections. The process dies of OOM after days, long after the change.";
            case THREAD_LOCAL -> "Servers reuse threads from a pool: a value set for one request and not removed is still there "
                    + "when the thread serves the next one, so another user's identity, tenant or trace id leaks into it, and "
                    + "the value's object stays in memory until the thread happens to overwrite it.";
            default -> on + " keeps a reference to the callback, and the callback to everything it closes over (the socket, "
                    + "the request), so none of it is ever collected: memory grows with every " + unit + " served and each "
                    + "event still runs the callbacks of every closed one. The process dies of OOM after days or weeks, "
                    + "long after the change that caused it" + (r.kind() == Registration.Kind.LISTENER && r.at() instanceof Call c
                    && "on".equals(c.methodName()) ? "; Node only prints a MaxListenersExceededWarning past 10 listeners per event" : "") + ".";
        };
    }

    private static String fix(SourceModule m, Registration r, Scope s) {
        boolean java = m.language() == Language.JAVA;
        String undo = switch (r.kind()) {
            case TIMER -> r.receiver() == null ? "keep the handle (`const timer = setInterval(...)`) and call `clearInterval(timer)`"
                    : "keep the returned `ScheduledFuture` and call `future.cancel(false)`";
            case COLLECTION -> "remove the entry from `" + r.path() + "`" + (java ? "" : " (and check `readyState` before sending to a socket)");
            case THREAD_LOCAL -> "call `" + r.path() + "." + ("MDC".equals(r.path()) ? "remove(key)" : "remove()") + "`";
            case SUBSCRIPTION -> reactive(m, r) ? "keep the `Disposable` that `subscribe(...)` returns (in a map keyed by the session id) and call `dispose()`"
                    : undoFix(m, r);
            default -> undoFix(m, r);
        };
        return "Undo it when the " + s.unit() + " ends: " + undo + " in " + s.endHint() + ".";
    }

    private static String undoFix(SourceModule m, Registration r) {
        if (r.pair() == null || r.pair().undo().isEmpty()) return "keep the handle the registration returns and release it";
        String args = r.at() instanceof Call c && !c.args().isEmpty() && c.args().stream().allMatch(a -> Snippets.code(m, a).length() <= 30
                && !(a.unwrap() instanceof dev.prodlint.model.expr.Lambda)) ? String.join(", ", c.args().stream().map(a -> Snippets.code(m, a)).toList()) : null;
        return args != null ? "call `" + undoName(r) + "(" + args + ")`"
                : "call `" + undoName(r) + "(...)` with the same " + (r.kind() == Registration.Kind.LISTENER ? "event and function" : "arguments")
                + " (a function kept in a variable, not an inline arrow), or keep the handle the registration returns and release it";
    }
}
