package dev.prodlint.rules.identityfromrequest;

import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.analysis.request.DataSinks;
import dev.prodlint.analysis.request.RequestAnalysis.HandlerFacts;
import dev.prodlint.analysis.request.RequestAnalysis.Hit;
import dev.prodlint.analysis.request.RequestFlow;
import dev.prodlint.analysis.request.Taint;
import dev.prodlint.apimodel.Globs;
import dev.prodlint.apimodel.Requests;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.Node;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.rules.Finding;
import dev.prodlint.rules.FindingSink;
import dev.prodlint.rules.Rule;
import dev.prodlint.rules.RuleMeta;
import dev.prodlint.rules.Severity;
import dev.prodlint.rules.Snippets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds authenticated handlers that let the request say whose data to read or change: a
 * client-sent {@code userId} in the owner filter of a query, while the verified principal sits
 * unused (IDOR, OWASP API Top 10 #1).
 */
public final class IdentityFromRequestRule implements Rule {
    public static final String ID = "identity-from-request";
    /** Calls into another file's service or repository: the filter is out of sight, the identity is not. */
    private static final List<String> DATA_RECEIVERS = List.of("*Service", "*service", "*Repository", "*repository", "*Repo", "*repo",
            "*Dao", "*DAO", "*Mapper", "*Store", "*Model", "*Manager");
    private static final List<String> DATA_METHODS = List.of("get*", "find*", "list*", "load*", "fetch*", "search*", "query*", "select*",
            "count*", "delete*", "remove*", "update*", "cancel*", "read*", "export*", "mark*", "clear*", "reset*");

    private static final RuleMeta META = new RuleMeta(ID,
            "Owner of the data taken from the request, not from the verified principal",
            Severity.WARNING,
            EnumSet.allOf(Language.class),
            """
            The handler authenticates the caller, then filters the query by a user, owner, account or \
            tenant id that the request itself carries (query string, path, body, header). Any signed-in \
            user can read or change another user's data by sending another id: an insecure direct object \
            reference (IDOR), the first risk of the OWASP API Security Top 10. Each piece looks right in \
            isolation; the wiring between them is the hole.""",
            """
            app.get('/api/orders', authMiddleware, async (req, res) => {
              const orders = await db.query('SELECT * FROM orders WHERE user_id = $1', [req.query.userId]);
              res.json(orders.rows);
            });""",
            """
            app.get('/api/orders', authMiddleware, async (req, res) => {
              const orders = await db.query('SELECT * FROM orders WHERE user_id = $1', [req.user.id]);
              res.json(orders.rows);
            });
            app.get('/api/admin/orders/:userId', authMiddleware, requireRole('admin'), async (req, res) => { ... });""");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public boolean usesProjectSummaries() {
        return true;
    }

    @Override
    public Set<String> projectMarkers() {
        return Set.copyOf(Requests.bundled().js().nest().globalPipeMarkers());
    }

    @Override
    public void check(ModuleContext ctx, FindingSink sink) {
        Requests rq = Requests.bundled();
        SourceModule m = ctx.module();
        for (HandlerFacts hf : ctx.requests().handlers()) {
            if (hf.handler().roleGuard() != null) continue;
            RequestFlow flow = hf.flow();
            Node principal = principalEvidence(hf);
            if (principal == null) continue;
            Map<Expr, Boolean> done = new IdentityHashMap<>();
            // A query also filtered by the principal is scoped to the caller, whatever else it filters by.
            Map<Expr, Boolean> principalScoped = new IdentityHashMap<>();
            for (Hit hit : hf.hits()) {
                if (hit.slot().kind() != DataSinks.Kind.FILTER) continue;
                for (Taint t : hit.taints()) {
                    if (t.origin() == Taint.Origin.PRINCIPAL) principalScoped.put(hit.anchor(), Boolean.TRUE);
                }
            }
            for (Hit hit : hf.hits()) {
                DataSinks.Slot slot = hit.slot();
                Expr at = hit.anchor();
                if (slot.kind() != DataSinks.Kind.FILTER || done.containsKey(at) || principalScoped.containsKey(at)) continue;
                Node before = hit.through() != null ? hit.through() : at;
                // a read checked before anything is returned is fine; a write must be checked before it happens
                if ((hit.write() ? checkedBefore(flow, before) : !flow.principalChecks().isEmpty()) || passesPrincipal(flow, hit.through())) continue;
                for (Taint t : hit.taints()) {
                    if (!t.fromClient()) continue;
                    String col = slot.column();
                    boolean identity = col != null ? rq.isIdentity(col) : rq.isIdentity(t.field());
                    if (!identity) continue;
                    done.put(at, Boolean.TRUE);
                    sink.report(finding(m, hf, at, hit.through(), t, col != null ? col : t.field(), slot, principal,
                            hit.write() ? Severity.ERROR : Severity.WARNING, hit.write()));
                    break;
                }
            }
            serviceCalls(hf, principal, rq, m, sink);
        }
    }

    /** orderService.getOrders(req.query.userId) into code the index does not know: the client names the user the service acts for. */
    private void serviceCalls(HandlerFacts hf, Node principal, Requests rq, SourceModule m, FindingSink sink) {
        for (Call c : hf.calls()) {
            // getById(tenantId) looks the tenant up by its own key: a resource id, not an owner filter
            if (c.receiver() == null || !Globs.any(DATA_METHODS, c.methodName()) || hf.resolved().contains(c)
                    || c.methodName().endsWith("ById") || c.methodName().endsWith("ByIds")) continue;
            String recv = receiverName(c.receiver());
            if (recv == null || !Globs.any(DATA_RECEIVERS, recv)) continue;
            if (hitsInvolve(hf, c) || checkedBefore(hf.flow(), c)) continue;
            boolean principalArg = false;
            Taint client = null;
            for (Expr a : c.args()) {
                for (Taint t : hf.flow().of(a)) {
                    if (t.origin() == Taint.Origin.PRINCIPAL) principalArg = true;
                    else if (t.fromClient() && !t.whole() && rq.isIdentity(t.field()) && client == null) client = t;
                }
            }
            if (client == null || principalArg) continue;
            boolean write = Globs.any(List.of("delete*", "remove*", "update*", "cancel*", "mark*", "clear*", "reset*"), c.methodName());
            sink.report(finding(m, hf, c, null, client, client.field(), new DataSinks.Slot(c, DataSinks.Kind.FILTER, client.field(), null, false,
                    Snippets.compact(m, c.callee())), principal, Severity.WARNING, write));
        }
    }

    private static boolean hitsInvolve(HandlerFacts hf, Call c) {
        for (Hit h : hf.hits()) if (h.anchor() == c || h.through() == c || h.slot().site() == c) return true;
        return false;
    }

    private static String receiverName(Expr e) {
        Expr u = e.unwrap();
        if (u instanceof dev.prodlint.model.expr.Name n) return n.id();
        if (u instanceof dev.prodlint.model.expr.Member mm) return mm.property();
        return null;
    }

    /** The handler is authenticated: it reads the principal, has a principal parameter, or an auth middleware or guard. */
    private static Node principalEvidence(HandlerFacts hf) {
        if (!hf.flow().principalReads().isEmpty()) return hf.flow().principalReads().get(0);
        for (Map.Entry<dev.prodlint.model.Param, Taint> e : hf.handler().boundParams().entrySet()) {
            if (e.getValue().origin() == Taint.Origin.PRINCIPAL) return e.getKey();
        }
        return hf.handler().authenticatedBy();
    }

    /** leaveTenant(me.getId(), tenantId): a helper given the caller's identity scopes or checks with it. */
    private static boolean passesPrincipal(RequestFlow flow, Call through) {
        // also a call that takes the helper's result: listFavourPosts(page, postService.getQueryWrapper(q), me.getId())
        for (Node n = through; n != null && !(n instanceof dev.prodlint.model.stmt.Stmt); n = n.parent()) {
            if (!(n instanceof Call c)) continue;
            for (Expr a : c.args()) {
                for (Taint t : flow.of(a)) if (t.origin() == Taint.Origin.PRINCIPAL) return true;
            }
        }
        return false;
    }

    /** An ownership or role check with the principal runs before the call. */
    private static boolean checkedBefore(RequestFlow flow, Node at) {
        for (Node n : flow.principalChecks()) {
            if (n.range().startOffset() < at.range().startOffset()) return true;
        }
        return false;
    }

    private Finding finding(SourceModule m, HandlerFacts hf, Expr at, Call through, Taint source, String column, DataSinks.Slot slot,
                            Node principal, Severity sev, boolean write) {
        String what = DataSinks.describe(m, slot, at) + (slot.elsewhere() != null && at instanceof Call c ? "` (in `" + Snippets.compact(m, c.callee()) + "`)" : "`");
        String route = "`" + hf.handler().route() + "`";
        String src = "`" + dev.prodlint.analysis.request.Sources.describe(m, source) + "`";
        String p = principal instanceof FunctionDecl && hf.handler().authText() != null ? "`" + hf.handler().authText() + "` on its route"
                : principal instanceof dev.prodlint.model.Param pp && pp.name() != null ? "`" + pp.name() + "`"
                : "`" + Snippets.code(m, principal).replaceAll("\\s+", " ") + "`";
        String message = route + " " + (write ? "changes" : "reads") + " data by `" + column + "` taken from the request "
                + source.origin().what() + " (" + src + ") in `" + what + ", although the caller is authenticated (" + p + ")";
        String why = "Any signed-in user can " + (write ? "change or delete" : "read") + " another user's data by sending another `"
                + (source.field() != null ? source.field() : column) + "`: nothing ties the id to the verified caller (IDOR, OWASP API1).";
        String fix = "Take the owner from the verified identity (`req.user.id`, the principal) instead of the request; if some callers "
                + "may act for others, check that first (compare with the principal and answer 403) or move it to an admin route "
                + "with a role guard.";
        List<Finding.Related> related = new ArrayList<>();
        related.add(new Finding.Related(m.path(), source.at().range(), "the id comes from the request here"));
        if (principal != null && !(principal instanceof FunctionDecl)) related.add(new Finding.Related(m.path(), principal.range(), "the verified caller is known here"));
        if (through != null && through != at) related.add(new Finding.Related(m.path(), through.range(), "the handler passes it on here"));
        if (slot.elsewhere() != null) {
            related.add(new Finding.Related(slot.elsewhere().path(), slot.elsewhere().range(), "`" + slot.what() + "` filters by it here"));
        }
        dev.prodlint.model.SourceRange range = at instanceof Call c ? Snippets.nameRange(m, c) : at.range();
        return new Finding(ID, sev, message, why, fix, m.path(), range, related, FunctionDecl.reportNameOf(at));
    }
}
