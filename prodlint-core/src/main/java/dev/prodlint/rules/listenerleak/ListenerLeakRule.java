package dev.prodlint.rules.listenerleak;

import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.analysis.lifecycle.EndReach;
import dev.prodlint.analysis.lifecycle.Scope;
import dev.prodlint.apimodel.Lifecycles;
import dev.prodlint.model.Language;
import dev.prodlint.rules.FindingSink;
import dev.prodlint.rules.Rule;
import dev.prodlint.rules.RuleMeta;
import dev.prodlint.rules.Severity;
import java.util.EnumSet;
import java.util.List;

/**
 * Finds listeners, subscriptions, timers, collection entries and thread-local values that code run
 * once per connection or request adds to a longer-lived object and never takes back when it ends.
 */
public final class ListenerLeakRule implements Rule {
    public static final String ID = "listener-leak";

    private static final RuleMeta META = new RuleMeta(ID,
            "Listener, subscription or timer added per connection or request and never removed",
            Severity.WARNING,
            EnumSet.allOf(Language.class),
            """
            Code that runs once per connection or request adds a listener, a subscription, a timer or an \
            entry to an object that lives longer (a shared service, an event bus, a Redis subscriber, a \
            module-level map) and nothing takes it back when the connection closes. Each connection leaves \
            its callback behind, and the callback keeps the closed socket alive: memory grows with every \
            connection ever served, events keep going to dead sockets, and after days or weeks the process \
            dies of OOM. Development never shows it because the process restarts all the time.""",
            """
            wss.on('connection', (ws, req) => {
              const userId = userIdOf(req);
              const onEvent = (data) => ws.send(JSON.stringify(data));
              notifications.subscribe(userId, onEvent);
            });""",
            """
            wss.on('connection', (ws, req) => {
              const userId = userIdOf(req);
              const onEvent = (data) => { if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(data)); };
              notifications.subscribe(userId, onEvent);
              ws.on('close', () => notifications.unsubscribe(userId, onEvent));
            });""");

    private final Lifecycles lifecycles = Lifecycles.bundled();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ModuleContext ctx, FindingSink sink) {
        List<Scope> scopes = ctx.scopes();
        if (scopes.isEmpty()) return;
        List<Registration> registrations = new Registrations(ctx.module(), lifecycles, scopes).find();
        if (registrations.isEmpty()) return;
        EndReach ends = new EndReach(ctx.module(), lifecycles);
        Undos undos = new Undos(ctx.module(), lifecycles, ends);
        for (Registration r : registrations) {
            if (insideAnEnd(ends, r)) continue;
            Undos.Outcome o = undos.of(r);
            if (o.verdict() == Undos.Verdict.UNDONE || o.verdict() == Undos.Verdict.ESCAPES) continue;
            sink.report(LeakFinding.build(ctx.module(), r, o));
        }
    }

    /** A registration made while the scope is ending (in a close handler) is not one per connection. */
    private static boolean insideAnEnd(EndReach ends, Registration r) {
        for (EndReach.Reach x : ends.reach(r.at(), r.chain())) {
            if (x.where() == EndReach.Where.END || x.where() == EndReach.Where.FINALLY) return true;
        }
        return false;
    }
}
