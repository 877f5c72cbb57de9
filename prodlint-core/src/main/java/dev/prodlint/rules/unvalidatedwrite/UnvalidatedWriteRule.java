package dev.prodlint.rules.unvalidatedwrite;

import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.analysis.request.DataSinks;
import dev.prodlint.analysis.request.RequestAnalysis.HandlerFacts;
import dev.prodlint.analysis.request.RequestAnalysis.Hit;
import dev.prodlint.analysis.request.Taint;
import dev.prodlint.apimodel.Requests;
import dev.prodlint.model.Language;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.SourceRange;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Name;
import dev.prodlint.analysis.request.Sources;
import dev.prodlint.rules.Finding;
import dev.prodlint.rules.FindingSink;
import dev.prodlint.rules.Rule;
import dev.prodlint.rules.RuleMeta;
import dev.prodlint.rules.Severity;
import dev.prodlint.rules.Snippets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds request data that reaches a database write without passing a validator: the whole body
 * (mass assignment), a privileged field ({@code role}, {@code balance}, {@code ownerId}), or plain
 * fields nobody checked.
 */
public final class UnvalidatedWriteRule implements Rule {
    public static final String ID = "unvalidated-write";

    private static final RuleMeta META = new RuleMeta(ID,
            "Request data written to the database without validation",
            Severity.WARNING,
            EnumSet.allOf(Language.class),
            """
            A handler writes what the client sent straight into the database. When the whole body (or a \
            spread of it) is written, the client chooses every column: sending {"role":"admin"} or \
            {"balance":1e9} just works (mass assignment). Even single fields arrive unchecked: a 10 MB name \
            or a malformed email is saved "successfully" and breaks the exports, e-mails and search \
            indexes that read it later. The write succeeds, so nothing alerts.""",
            """
            app.post('/api/users/:id/profile', auth, async (req, res) => {
              const { name, email, role } = req.body;
              await db.query('UPDATE users SET name = $1, email = $2, role = $3 WHERE id = $4',
                [name, email, role, req.params.id]);
            });""",
            """
            const UpdateProfile = z.object({ name: z.string().min(1).max(100), email: z.string().email() });
            app.post('/api/users/:id/profile', auth, async (req, res) => {
              const parsed = UpdateProfile.safeParse(req.body);
              if (!parsed.success) return res.status(400).json(parsed.error);
              const { name, email } = parsed.data;
              await db.query('UPDATE users SET name = $1, email = $2 WHERE id = $3', [name, email, req.user.id]);
            });""");

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
        boolean java = m.language() == Language.JAVA;
        Map<Expr, Boolean> reported = new IdentityHashMap<>();
        for (HandlerFacts hf : ctx.requests().handlers()) {
            Map<Expr, List<Hit>> bySink = new LinkedHashMap<>();
            for (Hit hit : hf.hits()) {
                if (hit.slot().kind() != DataSinks.Kind.WRITE) continue;
                bySink.computeIfAbsent(hit.anchor(), k -> new ArrayList<>()).add(hit);
            }
            boolean guarded = hf.handler().roleGuard() != null || adminArea(m.path(), hf.handler().route());
            for (Map.Entry<Expr, List<Hit>> e : bySink.entrySet()) {
                Expr at = e.getKey();
                if (reported.containsKey(at)) continue;
                Judgement j = judge(e.getValue(), java, guarded, hf, rq);
                if (j == null) continue;
                reported.put(at, Boolean.TRUE);
                sink.report(finding(m, hf, at, j, e.getValue().get(0).slot()));
            }
        }
    }

    /** What one write gets from the request: the whole body (and whether as the entity itself), privileged or plain fields. */
    private record Judgement(Severity severity, Taint source, boolean whole, boolean entity, boolean copied, Set<String> fields,
                             Set<String> privileged, Call through) {
    }

    private static Judgement judge(List<Hit> hits, boolean java, boolean guarded, HandlerFacts hf, Requests rq) {
        Taint wholeTaint = null;
        boolean entity = false;
        Set<String> fields = new LinkedHashSet<>();
        Set<String> privileged = new LinkedHashSet<>();
        Taint fieldSource = null;
        Taint privilegedSource = null;
        Set<String> admitted = new LinkedHashSet<>();
        Taint admittedSource = null;
        Call through = null;
        for (Hit hit : hits) {
            for (Taint t : hit.taints()) {
                // Path ids name the resource (a parent's key), they are not content the client types in.
                if (!t.fromClient() || t.origin() == Taint.Origin.PARAMS) continue;
                // insert(req.body.article): a part of the body written as a row is an object the client shaped
                if (!java && !t.whole() && hit.slot().whole() && t.origin() == Taint.Origin.BODY) t = t.asWhole();
                if (t.whole() && hit.slot().whole()) {
                    // Java: the request object is itself what gets saved (the entity), or a copy of its fields
                    boolean direct = java && !t.copied();
                    if (t.validated() && !(direct && !guarded)) continue;
                    if (wholeTaint == null || direct && !entity) {
                        wholeTaint = t;
                        entity = direct;
                    }
                    if (through == null) through = hit.through();
                    continue;
                }
                String col = hit.slot().column() != null && !hit.slot().column().isEmpty() ? hit.slot().column() : t.field();
                if (col == null && t.whole()) continue;
                // the row's own key (updateById(entity) with entity.setId(id)) says which row, it is not content
                if ("id".equalsIgnoreCase(col)) continue;
                boolean priv = rq.isPrivileged(col) || col == null && rq.isPrivileged(t.field());
                if (t.validated()) {
                    // validated, but the schema itself lets the client set a privileged field
                    if (priv && !guarded && !namedByRoute(hf, col) && rq.isPrivileged(t.field())) {
                        admitted.add(col);
                        if (admittedSource == null) admittedSource = t;
                        if (through == null) through = hit.through();
                    }
                    continue;
                }
                if (java && typedScalar(t) && !priv) continue;
                if (col != null) fields.add(col);
                if (fieldSource == null) fieldSource = t;
                if (through == null) through = hit.through();
                if (priv && !guarded && !namedByRoute(hf, col)) {
                    privileged.add(col);
                    if (privilegedSource == null) privilegedSource = t;
                }
            }
        }
        if (wholeTaint != null) {
            boolean mass = java ? entity : true;
            Severity sev = mass && !guarded ? Severity.ERROR : Severity.WARNING;
            return new Judgement(sev, wholeTaint, true, entity, wholeTaint.copied(), fields, privileged, through);
        }
        if (!privileged.isEmpty()) return new Judgement(Severity.ERROR, privilegedSource, false, false, false, fields, privileged, through);
        if (fieldSource != null) return new Judgement(Severity.WARNING, fieldSource, false, false, false, fields, Set.of(), through);
        if (!admitted.isEmpty()) return new Judgement(Severity.WARNING, admittedSource, false, false, false, admitted, admitted, through);
        return null;
    }

    /** Java binds @RequestParam Integer status (or a List<Long> of ids) as numbers, never a 10 MB string: its type is its check. */
    private static boolean typedScalar(Taint t) {
        if (!(t.at() instanceof Name n) || n.symbol() == null || n.symbol().declaredType() == null) return false;
        dev.prodlint.model.TypeRef type = n.symbol().declaredType();
        if (TYPED.contains(type.simpleName())) return true;
        return Set.of("List", "Set", "Collection", "Optional").contains(type.simpleName()) && !type.arguments().isEmpty()
                && type.arguments().stream().allMatch(a -> TYPED.contains(a.simpleName()));
    }

    private static final Set<String> TYPED = Set.of("Integer", "int", "Long", "long", "Short", "short", "Boolean", "boolean", "Double",
            "double", "Float", "float", "BigDecimal", "BigInteger", "UUID", "LocalDate", "LocalDateTime", "Instant", "Date", "Byte", "byte",
            "OffsetDateTime", "ZonedDateTime");

    /** PATCH /users/{id}/status, updateRole(...): an endpoint made to set that field; who may call it is an access question. */
    private static boolean namedByRoute(HandlerFacts hf, String col) {
        if (col == null) return false;
        String f = Requests.normalize(col);
        String route = Requests.normalize(hf.handler().route());
        String name = hf.handler().function().name() == null ? "" : Requests.normalize(hf.handler().function().name());
        return route.contains(f) || name.contains(f);
    }

    /** Back-office code: an admin route, or a file in an admin module or package (mall-admin, controller/admin). */
    private static boolean adminArea(String path, String route) {
        for (String seg : (path + "/" + route.replace(' ', '/')).split("/")) {
            String s = seg.toLowerCase(java.util.Locale.ROOT);
            if (s.equals("admin") || s.startsWith("admin-") || s.endsWith("-admin") || s.equals("backoffice")
                    || s.equals("manager") || s.startsWith("manager-") || s.equals("management")) return true;
        }
        return false;
    }

    private Finding finding(SourceModule m, HandlerFacts hf, Expr at, Judgement j, DataSinks.Slot slot) {
        String route = "`" + hf.handler().route() + "`";
        Taint source = j.source();
        String src = "`" + Sources.describe(m, source) + "`";
        String what = DataSinks.describe(m, slot, at);
        String target = "`" + what + "`" + (slot.elsewhere() != null && at instanceof Call c ? " (in `" + Snippets.compact(m, c.callee()) + "`)" : "");
        String message;
        String why;
        String fix;
        boolean java = m.language() == Language.JAVA;
        if (j.whole() && (j.entity() || !java)) {
            message = route + " writes the whole request " + source.origin().what() + " (" + src + ") to the database through "
                    + target + (source.validated() ? ": validation checks its fields but still binds every one of them" : " without validation");
            why = "The client chooses every column: adding {\"role\": \"admin\"}, {\"balance\": 1000000} or another user's id to the "
                    + "request sets it (mass assignment), and no check stops malformed values from being stored.";
            fix = java ? "Bind the request to a DTO that has only the fields this endpoint may change, validate it with @Valid, "
                    + "and copy those fields one by one onto the loaded entity."
                    : "Parse the body with a schema that lists only the fields this endpoint may change (zod `z.object({...})`, "
                    + "joi, a class-validator DTO with `whitelist: true`) and write fields from the parsed result, never the body itself.";
        } else if (j.whole()) {
            message = route + " copies every field of the unvalidated request " + source.origin().what() + " (" + src
                    + ") into what it writes through " + target;
            why = "Nothing checks type, length or format of the copied fields before the write: malformed values are saved "
                    + "successfully and break whatever reads them later.";
            fix = "Annotate the request parameter with @Valid and give its class Bean Validation constraints (@NotBlank, @Size, @Email).";
        } else if (!j.privileged().isEmpty() && source.validated()) {
            String p = String.join("`, `", j.privileged());
            message = route + " lets the client set `" + p + "`: the request " + source.origin().what() + " (" + src
                    + ") is validated, but its schema admits the field, and " + target + " writes it";
            why = "Validation checks the value's shape, not who may choose it: any caller can send another `"
                    + j.privileged().iterator().next() + "` (another owner, a higher role, a bigger balance) and it is stored.";
            fix = "Drop `" + j.privileged().iterator().next() + "` from the request schema and set it on the server (the verified "
                    + "user's id, a default), or move the endpoint behind a role guard.";
        } else if (!j.privileged().isEmpty()) {
            String p = String.join("`, `", j.privileged());
            message = route + " writes `" + p + "` from the request " + source.origin().what() + " (" + src + ") to the database through "
                    + target + " without validation";
            why = "Any caller can send `" + j.privileged().iterator().next() + "` with the value they like (`\"role\": \"admin\"`, a "
                    + "bigger balance, another owner): the endpoint raises their privileges or hands them someone else's data.";
            fix = "Never take `" + j.privileged().iterator().next() + "` from the request on this endpoint: validate the input with a "
                    + "schema that omits it, and set it from the server's own state (the verified user, an admin-only route).";
        } else {
            String f = j.fields().isEmpty() ? "" : " `" + String.join("`, `", j.fields()) + "`";
            message = route + " writes" + f + " from the request " + source.origin().what() + " (" + src + ") to the database through "
                    + target + " without validation";
            why = "Nothing checks type, length or format before the write: a 10 MB string, a number where text belongs or a "
                    + "malformed email is saved successfully and breaks whatever reads it later (exports, e-mails, search indexes).";
            fix = java ? "Bind the input to a DTO with Bean Validation constraints (@NotBlank, @Size, @Email) and annotate the "
                    + "parameter with @Valid; or check the values before the write."
                    : "Validate the input at the boundary (zod `safeParse`, joi, class-validator) and write the parsed values.";
        }
        List<Finding.Related> related = new ArrayList<>();
        related.add(new Finding.Related(m.path(), source.at().range(), "the request data comes from here"));
        if (j.through() != null && j.through() != at) related.add(new Finding.Related(m.path(), j.through().range(), "the handler passes it on here"));
        if (slot.elsewhere() != null) {
            related.add(new Finding.Related(slot.elsewhere().path(), slot.elsewhere().range(), "`" + what + "` writes it here"));
        }
        SourceRange range = at instanceof Call c ? Snippets.nameRange(m, c) : at.range();
        return new Finding(ID, j.severity(), message, why, fix, m.path(), range, related, dev.prodlint.model.FunctionDecl.reportNameOf(at));
    }
}
