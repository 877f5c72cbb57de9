package dev.prodlint.analysis.request;

import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.apimodel.Globs;
import dev.prodlint.apimodel.Requests;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.Node;
import dev.prodlint.model.Param;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.ArrayLit;
import dev.prodlint.model.expr.Assign;
import dev.prodlint.model.expr.Binary;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Conditional;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Literal;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.New;
import dev.prodlint.model.expr.ObjectLit;
import dev.prodlint.model.expr.Property;
import dev.prodlint.model.expr.Template;
import dev.prodlint.model.expr.This;
import dev.prodlint.model.stmt.VarDecl;
import dev.prodlint.rules.Snippets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The taint engine: what each value of one function carries (client data of which kind and field,
 * the verified principal, a parameter of a helper), through assignments, destructuring, member
 * access, spread, {@code Object.assign}, setters, string building and same-file helpers.
 * Flow-insensitive over the function (nested callbacks included), except that a validator only
 * cleans uses after it; precise enough for handlers, which rarely reassign.
 */
public final class RequestFlow {
    private static final int MAX_DEPTH = 40;
    /** Members of a whole source that are still the whole of it: safeParse(...).data, req.nextUrl.searchParams. */
    private static final Set<String> CONTAINERS = Set.of("data", "value", "output", "searchParams", "nextUrl", "values", "validatedData");
    private static final Set<String> CONVERSIONS = Set.of("String", "Number", "parseInt", "parseFloat", "BigInt", "valueOf", "parseLong",
            "fromString", "toString", "trim", "toLowerCase", "toUpperCase", "slice", "substring", "longValue", "intValue",
            "strip", "normalize", "toLocaleLowerCase", "decodeURIComponent", "Types.ObjectId", "ObjectId", "toHexString", "uuid", "toNumber",
            "requireNonNull", "ofNullable", "orElseThrow", "orElse", "get", "getOrThrow");
    private static final Set<String> ENUM_LOOKUPS = Set.of("valueOf", "fromValue", "fromCode", "of", "from", "parse", "getByCode", "getByValue");
    private static final Set<String> BOXED = Set.of("Long", "Integer", "String", "Double", "Float", "Short", "Byte", "Boolean", "BigDecimal",
            "BigInteger", "UUID", "List", "Set", "Map", "Optional", "Arrays", "Objects", "Collections", "LocalDate", "LocalDateTime", "Instant",
            "Duration", "Stream", "Character");
    private static final Set<String> ELEMENT_CALLBACKS = Set.of("map", "flatMap", "concatMap", "switchMap", "doOnNext", "then", "thenApply",
            "thenAccept", "thenCompose", "forEach", "ifPresent", "filter", "subscribe", "zipWith", "flatMapMany");
    private static final Set<String> NOT_FIELDS = Set.of("length", "size", "class", "constructor", "prototype");

    private final ModuleContext ctx;
    private final Requests rq;
    private final Handler handler;
    private final FunctionDecl function;
    private final Summaries summaries;
    private final Map<Object, Set<Taint>> env = new HashMap<>();
    /** Code of values a validator checked in place ({@code await validateOrReject(dto)}), with where. */
    private final Map<String, Integer> validatedAt = new HashMap<>();
    /** Comparisons and checks that involve the principal: an ownership or role check. */
    private final List<Node> principalChecks = new ArrayList<>();
    private final List<Node> principalReads = new ArrayList<>();
    private boolean collecting;

    private RequestFlow(ModuleContext ctx, Handler handler, FunctionDecl function, Summaries summaries) {
        this.ctx = ctx;
        this.rq = Requests.bundled();
        this.handler = handler;
        this.function = function;
        this.summaries = summaries;
    }

    /** The flow of a request handler. */
    public static RequestFlow ofHandler(ModuleContext ctx, Handler h, Summaries summaries) {
        RequestFlow f = new RequestFlow(ctx, h, h.function(), summaries);
        for (Map.Entry<Param, Taint> e : h.boundParams().entrySet()) {
            Taint t = e.getValue();
            if (h.bodyValidated() && t.origin() == Taint.Origin.BODY) t = t.asValidated();
            f.bind(e.getKey().target(), Set.of(t));
        }
        f.run();
        return f;
    }

    /** The flow of a helper whose parameters carry {@link Taint.Origin#PARAM} taints, for its summary. */
    static RequestFlow ofHelper(ModuleContext ctx, FunctionDecl fn, Summaries summaries) {
        RequestFlow f = new RequestFlow(ctx, null, fn, summaries);
        for (int i = 0; i < fn.params().size(); i++) {
            Param p = fn.params().get(i);
            f.bind(p.target(), Set.of(new Taint(Taint.Origin.PARAM, p.name(), true, false, p.target(), i)));
        }
        f.run();
        return f;
    }

    public FunctionDecl function() {
        return function;
    }

    public Handler handler() {
        return handler;
    }

    /** Nodes where the principal is compared or checked (ownership, role); empty when none. */
    public List<Node> principalChecks() {
        return principalChecks;
    }

    /** Where the function reads the verified principal. */
    public List<Node> principalReads() {
        return principalReads;
    }

    private void run() {
        if (function.body() == null) return;
        // Reads of the principal anywhere (a condition, a log argument) show the handler knows its caller.
        function.body().walk(n -> {
            // requestPath records the principal reads it meets (req.user, ctx.state.user)
            if (n instanceof Member m && !(m.parent() instanceof Member)) requestPath(m);
            else if (n instanceof Call c && isPrincipalCall(c)) principalReads.add(c);
        });
        List<Node> steps = new ArrayList<>();
        function.body().walk(n -> {
            if (n instanceof VarDecl || n instanceof Assign || n instanceof Call || n instanceof Binary) steps.add(n);
            if (n instanceof dev.prodlint.model.stmt.If i && exits(i.then())) manualChecks(i);
            if (n instanceof Call c && c.methodName() != null && CHECK_STATEMENT.matcher(c.methodName()).matches()) {
                // validateCanJoin(activityId); express = validateDeliveryExpress(id); codes.validated(KEY + email, code):
                // a check that throws when the value is wrong
                for (Expr a : c.args()) a.walk(x -> {
                    if (x instanceof Name || x instanceof Member || x instanceof Call g && g.args().isEmpty()) markChecked((Expr) x, c.range().startOffset());
                });
            }
        });
        // Twice, so a value assigned late in a loop reaches uses earlier in it.
        for (int pass = 0; pass < 2; pass++) {
            collecting = pass == 1;
            for (Node n : steps) step(n);
        }
    }

    private void step(Node n) {
        if (n instanceof VarDecl v) {
            if (v.init() != null) bind(v.target(), of(v.init()));
        } else if (n instanceof Assign a) {
            Set<Taint> value = of(a.value());
            Expr t = a.target().unwrap();
            if (t instanceof Member m && m.property() != null) {
                Object key = keyOf(m.object());
                if (key != null && !value.isEmpty()) addAll(key, stored(value, m.property()));
            } else {
                bind(a.target(), value);
            }
        } else if (n instanceof Call c) {
            sideEffects(c);
        } else if (n instanceof Binary b && collecting) {
            comparison(b);
        }
    }

    // ---- evaluation ----

    /** What a value carries. */
    public Set<Taint> of(Expr e) {
        return of(e, 0);
    }

    private Set<Taint> of(Expr e, int depth) {
        if (e == null || depth > MAX_DEPTH) return Set.of();
        Expr u = e.unwrap();
        if (u instanceof Name n) return validatedIfChecked(n, lookup(n));
        if (u instanceof Member m) return validatedIfChecked(m, member(m, depth));
        if (u instanceof Call c) return call(c, depth);
        if (u instanceof New nw) {
            // new GiftMessage(id, message): the new object holds what it was given
            Set<Taint> out = new LinkedHashSet<>();
            for (Expr a : nw.args()) for (Taint t : of(a, depth + 1)) out.add(t.whole() || t.field() == null ? t : t.storedAs(t.field()));
            return out;
        }
        if (u instanceof ObjectLit o) return object(o, depth);
        if (u instanceof ArrayLit arr) {
            Set<Taint> out = new LinkedHashSet<>();
            for (Expr x : arr.elements()) if (x != null) out.addAll(of(x, depth + 1));
            return out;
        }
        if (u instanceof Template t && t.tag() == null) {
            Set<Taint> out = new LinkedHashSet<>();
            for (Expr x : t.exprs()) out.addAll(of(x, depth + 1));
            return out;
        }
        if (u instanceof Binary b) {
            String op = b.op();
            if (op.equals("+") || op.equals("||") || op.equals("??") || op.equals("&&")) {
                Set<Taint> out = new LinkedHashSet<>(of(b.left(), depth + 1));
                out.addAll(of(b.right(), depth + 1));
                return out;
            }
            return Set.of();
        }
        if (u instanceof Conditional c) {
            Set<Taint> out = new LinkedHashSet<>(of(c.then(), depth + 1));
            out.addAll(of(c.otherwise(), depth + 1));
            return out;
        }
        if (u instanceof Assign a) return of(a.value(), depth + 1);
        if (u instanceof dev.prodlint.model.expr.Spread sp) return of(sp.operand(), depth + 1);
        return Set.of();
    }

    private Set<Taint> object(ObjectLit o, int depth) {
        Set<Taint> out = new LinkedHashSet<>();
        for (Property p : o.properties()) {
            if (p.value() == null) continue;
            Set<Taint> v = of(p.value(), depth + 1);
            if (p.kind() == Property.Kind.SPREAD) out.addAll(v);
            else if (p.key() != null) out.addAll(stored(v, p.key()));
        }
        return out;
    }

    private static Set<Taint> stored(Set<Taint> value, String key) {
        Set<Taint> out = new LinkedHashSet<>();
        for (Taint t : value) out.add(t.storedAs(key));
        return out;
    }

    private Set<Taint> member(Member m, int depth) {
        Source src = requestPath(m);
        if (src != null) return Set.of(src.taint());
        if (m.property() == null) {
            // obj[key]: a field we cannot name
            Set<Taint> out = new LinkedHashSet<>();
            for (Taint t : of(m.object(), depth + 1)) out.add(t.whole() ? t.field(null) : t);
            return out;
        }
        return fieldOf(of(m.object(), depth + 1), m.property());
    }

    /** A helper stored a field of its parameter: read it from what the caller passed, as a whole value. */
    private static Set<Taint> wholeOf(Set<Taint> value) {
        Set<Taint> out = new LinkedHashSet<>();
        for (Taint t : value) out.add(t.stored() ? t : t.asWhole());
        return out;
    }

    static Set<Taint> fieldOf(Set<Taint> owner, String prop) {
        if (owner.isEmpty() || NOT_FIELDS.contains(prop)) return Set.of();
        // order.setUserId(principal.getId()) after binding the body: the server's value wins for that field
        boolean serverSet = false;
        for (Taint t : owner) {
            if (!t.whole() && prop.equals(t.field()) && t.origin() == Taint.Origin.PRINCIPAL) serverSet = true;
        }
        Set<Taint> out = new LinkedHashSet<>();
        for (Taint t : owner) {
            if (serverSet && t.fromClient()) continue;
            if (t.whole()) out.add(CONTAINERS.contains(prop) ? t : t.field(prop));
            else if (t.stored()) {
                // user.role = x; user.getName() is not x
                if (prop.equals(t.field())) out.add(t.asValue());
            } else {
                out.add(t.field(prop));
            }
        }
        return out;
    }

    private record Source(Taint.Origin origin, String field, Expr at, boolean validated) {
        Source(Taint.Origin origin, String field, Expr at) {
            this(origin, field, at, false);
        }

        Taint taint() {
            Taint t = Taint.source(origin, field, at);
            return validated ? t.asValidated() : t;
        }
    }

    /**
     * req.body, req.query.userId, ctx.request.body.role, ctx.state.user, res.locals.user: a member
     * path from the handler's request (or response) parameter that the model names.
     */
    private Source requestPath(Member m) {
        if (handler == null) return null;
        List<String> props = new ArrayList<>();
        Expr cur = m;
        while (cur.unwrap() instanceof Member mm) {
            if (mm.property() == null) return null;
            props.add(0, mm.property());
            cur = mm.object();
        }
        if (!(cur.unwrap() instanceof Name root)) return null;
        boolean request = handler.requestNames().contains(root.id());
        boolean response = root.id().equals(handler.responseName());
        if (!request && !response) return null;
        String path = String.join(".", props);
        Requests.Js js = rq.js();
        for (String p : js.principal()) {
            if (response && !p.startsWith("locals.")) continue;
            if (path.equals(p) || path.startsWith(p + ".")) {
                principalReads.add(m);
                String rest = path.length() > p.length() ? path.substring(p.length() + 1) : null;
                return new Source(Taint.Origin.PRINCIPAL, rest == null ? null : rest.split("\\.")[0], m);
            }
        }
        if (!request) return null;
        Source src = sourceAt(path, m);
        if (src != null && handler.bodyValidated() && src.origin() == Taint.Origin.BODY) {
            return new Source(src.origin(), src.field(), m, true);
        }
        return src;
    }

    private Source sourceAt(String path, Member m) {
        Requests.Js js = rq.js();
        String best = null;
        String kind = null;
        for (Map.Entry<String, List<String>> e : js.sources().entrySet()) {
            for (String p : e.getValue()) {
                if ((path.equals(p) || path.startsWith(p + ".")) && (best == null || p.length() > best.length())) {
                    best = p;
                    kind = e.getKey();
                }
            }
        }
        if (best == null) return null;
        String rest = path.length() > best.length() ? path.substring(best.length() + 1) : null;
        String field = rest == null ? null : rest.substring(rest.lastIndexOf('.') + 1);
        return new Source(Handlers.origin(kind), field, m);
    }

    private Set<Taint> call(Call c, int depth) {
        String name = c.methodName();
        if (name == null) return Set.of();
        Expr recv = c.receiver();
        // Request calls: await req.json(), req.get('x-user-id'), request.getParameter("userId")
        if (recv != null && recv.unwrap() instanceof Name rn && handler != null && handler.requestNames().contains(rn.id())) {
            String arg = c.args().isEmpty() ? null : dev.prodlint.analysis.lifecycle.Callbacks.stringOf(c.arg(0));
            for (Map.Entry<String, List<String>> e : rq.js().sourceCalls().entrySet()) {
                if (e.getValue().contains(name)) {
                    Taint t = Taint.source(Handlers.origin(e.getKey()), arg, c);
                    return Set.of(handler.bodyValidated() && t.origin() == Taint.Origin.BODY ? t.asValidated() : t);
                }
            }
            String kind = rq.java().requestCalls().get(name);
            if (kind != null) return Set.of(Taint.source(Handlers.origin(kind), arg, c));
        }
        if (isPrincipalCall(c)) {
            principalReads.add(c);
            return Set.of(Taint.source(Taint.Origin.PRINCIPAL, null, c));
        }
        // GoodsAuthEnum.valueOf(flag), Status.fromCode(x): turning the value into an enum constant checks it
        if (ctx.module().language() == Language.JAVA && ENUM_LOOKUPS.contains(name) && recv != null && recv.unwrap() instanceof Name en
                && !en.id().isEmpty() && Character.isUpperCase(en.id().charAt(0)) && !BOXED.contains(en.id()) && c.args().size() == 1) {
            Set<Taint> out = new LinkedHashSet<>();
            for (Taint t : of(c.arg(0), depth + 1)) out.add(t.asValidated());
            return out;
        }
        if (isValidator(c)) {
            Set<Taint> out = new LinkedHashSet<>();
            for (Expr a : c.args()) for (Taint t : of(a, depth + 1)) out.add(t.asValidated());
            return out;
        }
        // A summary: what a same-file helper returns of its arguments
        Summaries.Summary s = summaries == null ? null : summaries.of(c);
        if (s != null && !s.returned().isEmpty()) {
            Set<Taint> out = new LinkedHashSet<>();
            for (Integer i : s.returned()) if (i < c.args().size()) out.addAll(of(c.arg(i), depth + 1));
            return out;
        }
        if (isCopier(c) || isConverter(c)) {
            Set<Taint> out = new LinkedHashSet<>();
            boolean java = ctx.module().language() == Language.JAVA;
            for (Expr a : c.args()) for (Taint t : of(a, depth + 1)) out.add(java && t.whole() ? t.asCopy() : t);
            return out;
        }
        Set<Taint> owner = recv == null ? Set.of() : of(recv, depth + 1);
        // Getters on client data: dto.getRole() is the role field; record accessors dto.role()
        if (c.args().isEmpty() && !owner.isEmpty()) {
            String field = getterField(name);
            if (field != null) return validatedIfChecked(c, fieldOf(owner, field));
            if (CONVERSIONS.contains(name)) return owner;
            if (ctx.module().language() == Language.JAVA && !name.startsWith("to") && !name.equals("build")) return fieldOf(owner, name);
            if (name.equals("build")) return owner;
        }
        // formData.get('role'), searchParams.get('userId'), params.get("id")
        if ((name.equals("get") || name.equals("getAll") || name.equals("getFirst")) && c.args().size() == 1 && !owner.isEmpty()) {
            String key = dev.prodlint.analysis.lifecycle.Callbacks.stringOf(c.arg(0));
            if (key != null) return fieldOf(owner, key);
        }
        // Builders: User.builder().role(dto.getRole()).build() carries role
        if (c.args().size() == 1 && recv instanceof Call && inBuilder(c)) {
            Set<Taint> out = new LinkedHashSet<>(owner);
            out.addAll(stored(of(c.arg(0), depth + 1), name));
            return out;
        }
        // Conversions: Number(req.params.id), Long.valueOf(id), String.valueOf(x), id.trim()
        if (CONVERSIONS.contains(name)) {
            Set<Taint> out = new LinkedHashSet<>(owner);
            if (!c.args().isEmpty()) out.addAll(of(c.arg(0), depth + 1));
            return out;
        }
        return Set.of();
    }

    private static boolean inBuilder(Call c) {
        Expr cur = c.receiver();
        for (int i = 0; i < 40 && cur != null && cur.unwrap() instanceof Call inner; i++) {
            if ("builder".equals(inner.methodName())) return true;
            cur = inner.receiver();
        }
        return false;
    }

    private static String getterField(String name) {
        for (String p : new String[] {"get", "is"}) {
            if (name.length() > p.length() && name.startsWith(p) && Character.isUpperCase(name.charAt(p.length()))) {
                String rest = name.substring(p.length());
                return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
            }
        }
        return null;
    }

    // ---- side effects: Object.assign, setters, copyProperties, record.set(body), validate(dto) ----

    private void sideEffects(Call c) {
        String name = c.methodName();
        if (name == null) return;
        // body.flatMap(change -> ...), req.body.items.forEach(item => ...), promise.then(data => ...)
        if (ELEMENT_CALLBACKS.contains(name) && c.receiver() != null) {
            Set<Taint> owner = of(c.receiver());
            if (!owner.isEmpty()) {
                for (Expr a : c.args()) {
                    if (a.unwrap() instanceof dev.prodlint.model.expr.Lambda l && !l.function().params().isEmpty()) {
                        bind(l.function().params().get(0).target(), owner);
                    }
                }
            }
        }
        // applyForm(entity, form): a helper that stores one argument into another
        Summaries.Summary sum = summaries == null ? null : summaries.of(c);
        if (sum != null) {
            for (Summaries.Mutation mu : sum.mutations()) {
                if (mu.target() >= c.args().size() || mu.source() >= c.args().size()) continue;
                Object key = keyOf(c.arg(mu.target()));
                if (key == null) continue;
                Set<Taint> src = new LinkedHashSet<>();
                Set<Taint> value = of(c.arg(mu.source()));
                if (mu.as().whole()) src.addAll(value);
                else for (Taint t : fieldOf(value.isEmpty() ? value : wholeOf(value), mu.as().field())) src.add(t.storedAs(mu.as().field()));
                addAll(key, src);
            }
        }
        if (isValidator(c) && !c.args().isEmpty()) {
            for (Expr a : c.args()) {
                String code = Snippets.code(ctx.module(), a.unwrap());
                validatedAt.merge(code, c.range().startOffset(), Math::min);
            }
        }
        boolean java = ctx.module().language() == Language.JAVA;
        if (java) {
            List<Integer> copy = rq.java().copiers().get(name);
            if (copy != null && c.args().size() >= 2 && c.receiver() != null) {
                Object target = keyOf(c.arg(copy.get(1)));
                Set<Taint> src = of(c.arg(copy.get(0)));
                if (target != null && !src.isEmpty()) {
                    Set<Taint> whole = new LinkedHashSet<>();
                    for (Taint t : src) whole.add(t.whole() ? t.asCopy() : t);
                    addAll(target, whole);
                }
                return;
            }
            // entity.setRole(dto.getRole())
            String field = setterField(name);
            if (field != null && c.args().size() == 1 && c.receiver() != null) {
                Object target = keyOf(c.receiver());
                Set<Taint> v = of(c.arg(0));
                if (target != null && !v.isEmpty()) addAll(target, stored(v, field));
            }
            return;
        }
        if (isCopier(c)) {
            Expr recv = c.receiver();
            boolean onRecord = recv != null && name.equals("set");
            Expr target = onRecord ? recv : c.args().isEmpty() ? null : c.arg(0);
            if (target == null) return;
            Object key = keyOf(target);
            if (key == null) return;
            Set<Taint> src = new LinkedHashSet<>();
            for (int i = onRecord ? 0 : 1; i < c.args().size(); i++) src.addAll(of(c.arg(i)));
            if (!src.isEmpty()) addAll(key, src);
        }
    }

    private static String setterField(String name) {
        if (name.length() > 3 && name.startsWith("set") && Character.isUpperCase(name.charAt(3))) {
            return Character.toLowerCase(name.charAt(3)) + name.substring(4);
        }
        return null;
    }

    /** Object.assign(target, ...), _.merge(target, ...), repo.merge(entity, body), doc.set(body), plainToInstance(Dto, body). */
    private boolean isCopier(Call c) {
        if (ctx.module().language() == Language.JAVA) return false;
        String name = c.methodName();
        if (!rq.js().copiers().contains(name)) return false;
        Expr recv = c.receiver();
        if (name.equals("set")) return recv != null && c.args().size() == 1 && !(c.arg(0).unwrap() instanceof Literal);
        // TypeORM's repo.create(body) builds an entity; a model's create(...) that writes is a sink, not a copy
        if (name.equals("create") || name.equals("preload")) {
            return recv != null && c.args().size() == 1 && ctx.calls().classify(c).map(m -> m.method().role() != dev.prodlint.apimodel.Role.DB_WRITE
                    && m.method().role() != dev.prodlint.apimodel.Role.DB_QUERY).orElse(true);
        }
        return true;
    }

    /** modelMapper.map(dto, User.class), objectMapper.convertValue(body, User.class) */
    private boolean isConverter(Call c) {
        return ctx.module().language() == Language.JAVA && c.receiver() != null && c.args().size() == 2
                && rq.java().converters().contains(c.methodName());
    }

    // ---- validators and the principal ----

    /** schema.parse(x), schema.safeParse(x), Joi's schema.validate(x), validate(dto), matchedData(req), v.parse(S, x) */
    public boolean isValidator(Call c) {
        String name = c.methodName();
        if (name == null || c.args().isEmpty()) return false;
        if (ctx.module().language() == Language.JAVA) return false;
        Requests.Validators v = rq.js().validators();
        Expr recv = c.receiver();
        if (recv == null) return Globs.any(v.functions(), name);
        if (!v.methods().contains(name)) return Globs.any(v.functions(), name) && !isRequest(recv);
        String root = rootName(recv);
        return root == null || !v.notOn().contains(root);
    }

    private boolean isRequest(Expr e) {
        return handler != null && e.unwrap() instanceof Name n && handler.requestNames().contains(n.id());
    }

    private static String rootName(Expr e) {
        Expr cur = e.unwrap();
        while (true) {
            if (cur instanceof Member m) cur = m.object().unwrap();
            else if (cur instanceof Call c && c.receiver() != null) cur = c.receiver().unwrap();
            else break;
        }
        return cur instanceof Name n ? n.id() : null;
    }

    public boolean isPrincipalCall(Call c) {
        String name = c.methodName();
        if (ctx.module().language() == Language.JAVA) {
            Requests.JavaSide j = rq.java();
            if (Globs.any(j.principalCalls(), name)) return true;
            Expr recv = c.receiver();
            return recv != null && recv.unwrap() instanceof Name n && Globs.any(j.principalHolders(), n.id())
                    && (name.startsWith("get") || name.startsWith("current") || name.startsWith("login"));
        }
        if (!rq.js().principalCalls().contains(name)) return false;
        // auth() / getServerSession(authOptions) / clerk's currentUser(): a call of a free or imported function
        return c.receiver() == null || c.receiver().unwrap() instanceof Name;
    }

    private Set<Taint> validatedIfChecked(Expr e, Set<Taint> taints) {
        if (taints.isEmpty() || validatedAt.isEmpty()) return taints;
        Expr cur = e;
        while (cur != null) {
            Integer at = validatedAt.get(Snippets.code(ctx.module(), cur.unwrap()));
            if (at != null && at < e.range().startOffset()) {
                Set<Taint> out = new LinkedHashSet<>();
                for (Taint t : taints) out.add(t.asValidated());
                return out;
            }
            cur = cur.unwrap() instanceof Member m ? m.object() : null;
        }
        return taints;
    }

    /**
     * if (!isValidPhone(phone)) return fail(...); if (!ALLOWED.includes(x)) throw ...; if (name.length > 100) return 400:
     * a hand-written check that leaves the handler counts as validation of what it tests. A presence
     * check alone (`if (!title)`, `isBlank(x)`) does not: it says nothing of length, type or format.
     */
    private void manualChecks(dev.prodlint.model.stmt.If i) {
        int at = i.range().startOffset();
        i.condition().walk(n -> {
            Expr checked = null;
            if (n instanceof Binary b && Set.of("<", ">", "<=", ">=").contains(b.op())) {
                checked = sizeOf(b.left()) != null ? sizeOf(b.left()) : sizeOf(b.right());
            } else if (n instanceof Call c && c.methodName() != null && CHECK_NAME.matcher(c.methodName()).find()
                    && !PRESENCE_NAME.matcher(c.methodName()).matches()) {
                for (Expr a : c.args()) if (a.unwrap() instanceof Name || a.unwrap() instanceof Member) markChecked(a, at);
                if (c.receiver() != null && (c.receiver().unwrap() instanceof Name || c.receiver().unwrap() instanceof Member)) markChecked(c.receiver(), at);
            }
            if (checked != null) markChecked(checked, at);
        });
    }

    private static final java.util.regex.Pattern CHECK_NAME = java.util.regex.Pattern.compile(
            "(?i)(valid|invalid|match|test|includes|contains|isin|allowed|check|verify|startswith|endswith|ispattern|isemail|isphone|isurl|isnumeric|isalpha|isuuid|isdigits|inrange|equals)");
    private static final java.util.regex.Pattern CHECK_STATEMENT = java.util.regex.Pattern.compile(
            "^(validate|validated|verify|check|assert|ensure)([A-Z_].*)?$");
    private static final java.util.regex.Pattern PRESENCE_NAME = java.util.regex.Pattern.compile(
            "(?i)(isEmpty|isNotEmpty|isBlank|isNotBlank|hasText|hasLength|isNull|nonNull|isNotNull|containsKey)");

    /** x, x.length, x.size(), x.length() compared with a bound. */
    private static Expr sizeOf(Expr e) {
        Expr u = e.unwrap();
        if (u instanceof Member m && ("length".equals(m.property()) || "size".equals(m.property()))) return m.object();
        if (u instanceof Call c && c.args().isEmpty() && ("length".equals(c.methodName()) || "size".equals(c.methodName()))) return c.receiver();
        if (u instanceof Name || u instanceof Member) return u;
        return null;
    }

    private void markChecked(Expr e, int at) {
        if (e == null) return;
        validatedAt.merge(Snippets.code(ctx.module(), e.unwrap()), at, Math::min);
    }

    /** The branch leaves: a return or throw at its top level. */
    private static boolean exits(dev.prodlint.model.stmt.Stmt s) {
        if (s instanceof dev.prodlint.model.stmt.Return || s instanceof dev.prodlint.model.stmt.Throw) return true;
        if (s instanceof dev.prodlint.model.stmt.Block b) {
            for (dev.prodlint.model.stmt.Stmt x : b.statements()) if (exits(x)) return true;
        }
        return false;
    }

    /** a === req.user.id, order.userId !== user.id, user.getId().equals(id), hasRole(...) on the principal. */
    private void comparison(Binary b) {
        String op = b.op();
        if (!Set.of("==", "===", "!=", "!==").contains(op)) return;
        if (hasPrincipal(of(b.left())) || hasPrincipal(of(b.right()))) principalChecks.add(b);
    }

    /** Calls that compare with or check the principal: x.equals(principalId), Objects.equals, canAccess(user, order). */
    public void principalCallChecks() {
        if (function.body() == null) return;
        function.body().walk(n -> {
            if (!(n instanceof Call c) || c.methodName() == null) return;
            String name = c.methodName();
            String lower = name.toLowerCase(Locale.ROOT);
            boolean equality = name.equals("equals") || name.equals("isEqual") || name.equals("equalsIgnoreCase")
                    || CHECK_STATEMENT.matcher(name).matches();
            boolean check = lower.contains("owner") || lower.contains("authoriz") || lower.contains("permission") || lower.contains("canaccess")
                    || lower.contains("canedit") || lower.contains("canview") || lower.startsWith("can") && name.length() > 3
                    || lower.contains("assert") && lower.contains("access") || lower.contains("hasrole") || lower.contains("isadmin")
                    || lower.contains("checkaccess") || lower.contains("verifyaccess") || lower.contains("ensureaccess");
            if (!equality && !check) {
                // relationService.userTenantIzExist(me.getId(), tenantId): a call given both the caller and the id checks one against the other
                boolean principalArg = false;
                boolean clientArg = false;
                for (Expr a : c.args()) {
                    for (Taint t : of(a)) {
                        if (t.origin() == Taint.Origin.PRINCIPAL) principalArg = true;
                        else if (t.fromClient()) clientArg = true;
                    }
                }
                if (principalArg && clientArg && (c.parent() instanceof dev.prodlint.model.stmt.If || c.ancestor(dev.prodlint.model.stmt.If.class) != null
                        && isInCondition(c))) {
                    principalChecks.add(c);
                }
                return;
            }
            boolean principal = c.receiver() != null && hasPrincipal(of(c.receiver()));
            for (Expr a : c.args()) principal |= hasPrincipal(of(a));
            if (principal || check && isPrincipalCallAnywhere(c)) principalChecks.add(c);
        });
    }

    /** The call sits in an if's condition (its result decides). */
    private static boolean isInCondition(Call c) {
        for (Node p = c; p != null && !(p instanceof dev.prodlint.model.stmt.Stmt); p = p.parent()) {
            if (p.parent() instanceof dev.prodlint.model.stmt.If i && i.condition() == p) return true;
        }
        return false;
    }

    private boolean isPrincipalCallAnywhere(Call c) {
        final boolean[] found = {false};
        c.walk(x -> {
            if (x instanceof Call cc && isPrincipalCall(cc)) found[0] = true;
        });
        return found[0];
    }

    private static boolean hasPrincipal(Set<Taint> ts) {
        for (Taint t : ts) if (t.origin() == Taint.Origin.PRINCIPAL) return true;
        return false;
    }

    // ---- the environment ----

    /** Binds a declaration or assignment target (a name or a destructuring pattern) to a value. */
    private void bind(Expr target, Set<Taint> value) {
        if (target == null || value.isEmpty()) return;
        Expr t = target.unwrap();
        if (t instanceof Name n) {
            addAll(keyOf(n), value);
        } else if (t instanceof ObjectLit o) {
            for (Property p : o.properties()) {
                if (p.kind() == Property.Kind.SPREAD) {
                    bind(p.value(), value);
                } else if (p.key() != null && p.value() != null) {
                    bind(p.value(), fieldOf(value, p.key()));
                }
            }
        } else if (t instanceof ArrayLit arr) {
            for (Expr x : arr.elements()) if (x != null) bind(x, value);
        } else if (t instanceof dev.prodlint.model.expr.DefaultValue d) {
            bind(d.target(), value);
        } else if (t instanceof Member m && m.property() != null) {
            Object key = keyOf(m.object());
            if (key != null) addAll(key, stored(value, m.property()));
        }
    }

    private void addAll(Object key, Set<Taint> value) {
        if (key == null || value.isEmpty()) return;
        Set<Taint> cur = env.computeIfAbsent(key, k -> new LinkedHashSet<>());
        if (cur.size() < 64) cur.addAll(value);
    }

    /** What a parameter's variable holds once the function has run (a helper's summary reads it). */
    Set<Taint> taintsOf(Param p) {
        Object key = p.target() == null ? null : keyOf(p.target());
        Set<Taint> s = key == null ? null : env.get(key);
        return s == null ? Set.of() : s;
    }

    private Set<Taint> lookup(Name n) {
        Set<Taint> s = env.get(keyOf(n));
        return s == null ? Set.of() : s;
    }

    /** A name's symbol, or for this.x the field; unresolved names by their text. */
    private Object keyOf(Expr e) {
        Expr u = e.unwrap();
        if (u instanceof Name n) {
            Symbol s = n.symbol();
            return s != null ? s : "name:" + n.id();
        }
        if (u instanceof Member m && m.object().unwrap() instanceof This && m.property() != null) return "this:" + m.property();
        return null;
    }
}
