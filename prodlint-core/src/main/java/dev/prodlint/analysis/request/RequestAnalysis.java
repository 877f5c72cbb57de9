package dev.prodlint.analysis.request;

import dev.prodlint.analysis.LocalFunctions;
import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * For each request handler of a file: its flow, and every database slot that a value of the
 * handler reaches, directly or through a helper (of this file, or of another through the project
 * index). Found once per file, shared by {@code unvalidated-write} and {@code identity-from-request}.
 */
public final class RequestAnalysis {
    /**
     * A value of the handler meets the database.
     *
     * @param slot    where (in the handler, in a helper of this file, or at the call into another file)
     * @param taints  what the value carries, as seen in the handler
     * @param through the handler's call into a helper, or null when the handler writes itself
     * @param anchor  the database call a finding points at (in this file)
     * @param write   the statement writes (INSERT, UPDATE, DELETE, an ORM write)
     */
    public record Hit(DataSinks.Slot slot, Set<Taint> taints, Call through, Expr anchor, boolean write) {
    }

    /** @param resolved calls into helpers whose summary is known (in this file or the project index) */
    public record HandlerFacts(Handler handler, RequestFlow flow, List<Hit> hits, List<Call> calls, Set<Call> resolved) {
    }

    private final List<HandlerFacts> handlers = new ArrayList<>();

    private RequestAnalysis() {
    }

    public static RequestAnalysis of(ModuleContext ctx) {
        RequestAnalysis out = new RequestAnalysis();
        List<Handler> hs = Handlers.find(ctx);
        if (hs.isEmpty()) return out;
        DataSinks sinks = new DataSinks(ctx);
        Summaries summaries = new Summaries(ctx, sinks);
        for (Handler h : hs) {
            RequestFlow flow = RequestFlow.ofHandler(ctx, h, summaries);
            flow.principalCallChecks();
            List<Hit> hits = new ArrayList<>();
            for (DataSinks.Slot slot : sinks.in(h.function())) {
                Set<Taint> ts = flow.of(slot.value());
                if (ts.isEmpty()) continue;
                Expr anchor = sinks.anchor(slot);
                hits.add(new Hit(slot, ts, null, anchor, sinks.isWrite(slot, anchor)));
            }
            List<Call> calls = LocalFunctions.callsIn(h.function().body(), h.function());
            Set<Call> resolved = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (Call c : calls) {
                Summaries.Summary s = summaries.of(c);
                if (s == null) continue;
                resolved.add(c);
                for (Summaries.ParamSink ps : s.sinks()) {
                    if (ps.param() >= c.args().size()) continue;
                    Set<Taint> ts = Summaries.arriving(flow.of(c.arg(ps.param())), ps.as());
                    if (ts.isEmpty()) continue;
                    Expr anchor = sinks.anchor(ps.slot());
                    hits.add(new Hit(ps.slot(), ts, c, anchor, sinks.isWrite(ps.slot(), anchor)));
                }
            }
            out.handlers.add(new HandlerFacts(h, flow, hits, calls, resolved));
        }
        return out;
    }

    public List<HandlerFacts> handlers() {
        return handlers;
    }
}
