package dev.prodlint.analysis.request;

import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.analysis.lifecycle.Callbacks;
import dev.prodlint.apimodel.Globs;
import dev.prodlint.apimodel.Requests;
import dev.prodlint.model.Annotation;
import dev.prodlint.model.ClassDecl;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.Node;
import dev.prodlint.model.Param;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.TypeRef;
import dev.prodlint.model.expr.ArrayLit;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.ObjectLit;
import dev.prodlint.model.expr.Property;
import dev.prodlint.model.expr.This;
import dev.prodlint.rules.Snippets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds a file's request handlers and what their routes say (see models/requests.yaml): Express,
 * Koa and Fastify routes with their middleware, router-wide {@code use}, NestJS and
 * routing-controllers methods, Next.js route handlers and server actions, Spring MVC/WebFlux and
 * JAX-RS methods.
 */
public final class Handlers {
    private static final Pattern NEXT_ROUTE_FILE = dev.prodlint.analysis.lifecycle.Scopes.NEXT_ROUTE_FILE;
    private static final Set<String> NEXT_VERBS = dev.prodlint.analysis.lifecycle.Scopes.NEXT_VERBS;
    private static final Set<String> NEST_VERBS = Set.of("Get", "Post", "Put", "Patch", "Delete", "All");
    private static final Set<String> SIMPLE_JAVA = Set.of("String", "Long", "long", "Integer", "int", "Short", "short",
            "Boolean", "boolean", "UUID", "Double", "double", "Float", "float", "BigDecimal", "BigInteger", "LocalDate",
            "LocalDateTime", "Instant", "Date", "List", "Set", "Character", "char", "Byte", "byte", "Object");

    private Handlers() {
    }

    public static List<Handler> find(ModuleContext ctx) {
        Requests rq = Requests.bundled();
        List<Handler> out = new ArrayList<>();
        SourceModule m = ctx.module();
        Map<FunctionDecl, Boolean> seen = new IdentityHashMap<>();
        if (m.language() == Language.JAVA) {
            for (ClassDecl c : m.allClasses()) javaClass(m, c, rq, out, seen);
        } else {
            jsRoutes(ctx, rq, out, seen);
            for (ClassDecl c : m.allClasses()) decoratedClass(ctx, c, rq, out, seen);
            nextHandlers(m, out, seen);
        }
        return out;
    }


    private static void add(List<Handler> out, Map<FunctionDecl, Boolean> seen, Handler h) {
        if (h.function() == null || h.function().body() == null || seen.put(h.function(), Boolean.TRUE) != null) return;
        out.add(h);
    }

    // ---- Express, Koa, Fastify ----

    /** Middleware a router applies to the routes registered after it: router.use(auth), fastify.addHook('onRequest', auth). */
    private record Use(String receiver, int offset, Expr middleware) {
    }

    /**
     * One route registration: app.post('/x', auth, validate(s), handler), router.route('/x').post(...),
     * fastify.route({ url, handler, preHandler }), with what its middleware says.
     */
    public record Route(Call at, String route, Expr handler, Node auth, Node role, boolean validated) {
    }

    public static List<Route> routes(ModuleContext ctx) {
        SourceModule m = ctx.module();
        Requests.Js js = Requests.bundled().js();
        List<Use> uses = new ArrayList<>();
        List<Call> calls = new ArrayList<>();
        m.walk(n -> {
            if (!(n instanceof Call c) || c.receiver() == null || c.methodName() == null) return;
            String name = c.methodName();
            if (js.useMethods().contains(name)) {
                String recv = Snippets.code(m, c.receiver());
                for (Expr a : c.args()) {
                    if (Callbacks.stringOf(a) != null) continue;
                    for (Expr mw : flatten(a)) uses.add(new Use(recv, c.range().startOffset(), mw));
                }
            } else if (js.routeMethods().contains(name) || name.equals("route")) {
                calls.add(c);
            }
        });
        List<Route> out = new ArrayList<>();
        for (Call c : calls) {
            String name = c.methodName();
            List<Expr> args = c.args();
            String path;
            List<Expr> chain = new ArrayList<>();
            Expr handler;
            boolean schemaBody = false;
            int firstMiddleware = 1;
            Expr recvExpr = c.receiver();
            if (name.equals("route")) {
                // fastify.route({ method, url, preHandler, handler })
                if (args.size() != 1 || !(args.get(0).unwrap() instanceof ObjectLit o)) continue;
                handler = o.get("handler");
                path = Callbacks.stringOf(o.get("url"));
                String method = Callbacks.stringOf(o.get("method"));
                if (handler == null || path == null) continue;
                name = method == null ? "route" : method.toLowerCase();
                chain.addAll(hookMiddleware(o, js));
                schemaBody = hasSchemaBody(o, js);
                firstMiddleware = args.size();
            } else {
                path = Callbacks.stringOf(args.isEmpty() ? null : args.get(0));
                if (path == null && recvExpr.unwrap() instanceof Call rc && "route".equals(rc.methodName()) && rc.args().size() == 1) {
                    // router.route('/x').post(auth, handler).get(...)
                    path = Callbacks.stringOf(rc.arg(0));
                    firstMiddleware = 0;
                    recvExpr = rc.receiver();
                } else if (path == null) {
                    Call prev = routeChainPath(recvExpr);
                    if (prev != null) {
                        path = Callbacks.stringOf(prev.arg(0));
                        firstMiddleware = 0;
                        recvExpr = prev.receiver();
                    }
                }
                if (path == null || !(path.startsWith("/") || path.equals("*")) || args.size() < firstMiddleware + 1) continue;
                handler = args.get(args.size() - 1);
                for (int i = firstMiddleware; i < args.size() - 1; i++) {
                    Expr a = args.get(i);
                    if (a.unwrap() instanceof ObjectLit o) {
                        chain.addAll(hookMiddleware(o, js));
                        schemaBody |= hasSchemaBody(o, js);
                    } else {
                        chain.addAll(flatten(a));
                    }
                }
            }
            String recv = recvExpr == null ? "" : Snippets.code(m, recvExpr);
            for (Use u : uses) {
                if (u.receiver().equals(recv) && u.offset() < c.range().startOffset()) chain.add(u.middleware());
            }
            Node auth = null;
            Node role = null;
            boolean validated = schemaBody;
            for (Expr mw : chain) {
                for (String id : middlewareNames(m, mw)) {
                    if (Globs.any(js.roleGuards(), id) || Globs.any(js.authMiddleware(), id) && namesPermission(mw)) role = role == null ? mw : role;
                    else if (Globs.any(js.validatorMiddleware(), id)) validated = true;
                    else if (Globs.any(js.authMiddleware(), id)) auth = auth == null ? mw : auth;
                }
            }
            if (role != null && auth == null) auth = role;
            out.add(new Route(c, name.toUpperCase() + " " + path, handler, auth, role, validated));
        }
        return out;
    }

    /** auth('manageUsers'), requireAuth('admin'): an auth middleware told which right or role to require (not a passport strategy). */
    private static boolean namesPermission(Expr mw) {
        if (!(mw.unwrap() instanceof Call c) || c.args().isEmpty()) return false;
        for (Expr a : c.args()) {
            String v = Callbacks.stringOf(a);
            if (v == null || STRATEGIES.contains(v.toLowerCase(java.util.Locale.ROOT))) return false;
        }
        return true;
    }

    private static final Set<String> STRATEGIES = Set.of("jwt", "local", "bearer", "session", "basic", "google", "github", "oauth2",
            "facebook", "anonymous", "headerapikey", "api-key", "apikey", "cookie", "token", "digest", "saml", "oidc", "azuread", "auth0");

    /** In router.route('/x').post(a).put(b), the call that names the path. */
    private static Call routeChainPath(Expr recv) {
        Expr cur = recv;
        for (int i = 0; i < 10 && cur != null && cur.unwrap() instanceof Call rc; i++) {
            if ("route".equals(rc.methodName()) && rc.args().size() == 1 && Callbacks.stringOf(rc.arg(0)) != null) return rc;
            cur = rc.receiver();
        }
        return null;
    }

    private static void jsRoutes(ModuleContext ctx, Requests rq, List<Handler> out, Map<FunctionDecl, Boolean> seen) {
        for (Route r : routes(ctx)) {
            FunctionDecl f = Callbacks.functionOf(r.handler());
            if (f == null || f.params().isEmpty()) continue;
            add(out, seen, handlerOf(f, r.route(), r.auth(), r.role(), r.validated(), null));
        }
        registeredElsewhere(ctx, out, seen);
    }

    private static Handler handlerOf(FunctionDecl f, String route, Node auth, Node role, boolean validated, String authText) {
        List<String> reqNames = new ArrayList<>();
        String first = f.params().get(0).name();
        if (first != null) reqNames.add(first);
        String res = f.params().size() > 1 ? f.params().get(1).name() : null;
        return new Handler(f, route, reqNames, res, Map.of(), auth, role, validated, authText);
    }

    /**
     * Functions this file exports that another file's router registers
     * (router.post('/users', auth, userController.createUser)), from the project index.
     */
    private static void registeredElsewhere(ModuleContext ctx, List<Handler> out, Map<FunctionDecl, Boolean> seen) {
        ProjectSummaries index = ctx.facts().summaries();
        if (!index.hasRoutes()) return;
        for (Map.Entry<String, FunctionDecl> e : ExportedFunctions.of(ctx.module()).entrySet()) {
            ProjectSummaries.RouteInfo r = index.route(ProjectSummaries.functionKey(ctx.module().path(), e.getKey()));
            FunctionDecl f = e.getValue();
            if (r == null || f.params().isEmpty()) continue;
            Node auth = r.auth() != null ? f : null;
            Node role = r.role() != null ? f : null;
            add(out, seen, handlerOf(f, r.route(), auth, role, r.validated(), r.auth()));
        }
    }

    /** Fastify options: { preHandler: [fastify.authenticate], onRequest: auth }. */
    private static List<Expr> hookMiddleware(ObjectLit o, Requests.Js js) {
        List<Expr> out = new ArrayList<>();
        for (Property p : o.properties()) {
            if (p.key() != null && js.hookOptions().contains(p.key()) && p.value() != null) out.addAll(flatten(p.value()));
        }
        return out;
    }

    /** Fastify validates the body against { schema: { body } } before the handler runs. */
    private static boolean hasSchemaBody(ObjectLit o, Requests.Js js) {
        Expr schema = o.get(js.schemaOption());
        if (schema == null) return false;
        if (schema.unwrap() instanceof ObjectLit s) return s.get("body") != null;
        return true;
    }

    private static List<Expr> flatten(Expr a) {
        List<Expr> out = new ArrayList<>();
        if (a.unwrap() instanceof ArrayLit arr) {
            for (Expr e : arr.elements()) if (e != null) out.addAll(flatten(e));
        } else {
            out.add(a);
        }
        return out;
    }

    /** The middleware's name, and for a const holding one, what made it: const requireJwt = expressjwt({...}) is expressjwt too. */
    static List<String> middlewareNames(SourceModule m, Expr mw) {
        List<String> out = new ArrayList<>();
        String id = middlewareName(m, mw);
        if (id != null) out.add(id);
        if (mw.unwrap() instanceof Name n && n.symbol() != null && n.symbol().initializer() != null
                && n.symbol().initializer().unwrap() instanceof Call init) {
            String made = middlewareName(m, init);
            if (made != null) out.add(made);
        }
        return out;
    }

    /** auth, auth.required, requireRole (of requireRole('admin')), passport.authenticate, fastify.authenticate → authenticate. */
    static String middlewareName(SourceModule m, Expr mw) {
        Expr u = mw.unwrap();
        if (u instanceof Call c) u = c.callee().unwrap();
        if (u instanceof Name n) return n.id();
        if (u instanceof Member mem && mem.property() != null) {
            Expr obj = mem.object().unwrap();
            if (obj instanceof Name on) {
                String full = on.id() + "." + mem.property();
                // fastify.authenticate, app.verifyJwt: the decorated function's own name says it
                return Set.of("fastify", "app", "server", "instance", "this").contains(on.id()) ? mem.property() : full;
            }
            if (obj instanceof This) return mem.property();
            return mem.property();
        }
        return null;
    }

    // ---- NestJS and routing-controllers ----

    private static void decoratedClass(ModuleContext ctx, ClassDecl c, Requests rq, List<Handler> out, Map<FunctionDecl, Boolean> seen) {
        Requests.Nest nest = rq.js().nest();
        // routing-controllers validates class-typed @Body() with class-validator by default
        boolean routingControllers = ctx.module().imports().stream().anyMatch(i -> i.module().equals("routing-controllers"));
        boolean pipe = routingControllers || nest.globalPipeMarkers().stream().anyMatch(ctx.facts()::has)
                || hasAnnotationNamed(c.annotations(), "UsePipes");
        for (FunctionDecl f : c.methods()) {
            String verb = null;
            String path = "";
            for (Annotation a : f.annotations()) {
                if (NEST_VERBS.contains(a.simpleName())) {
                    verb = a.simpleName().toUpperCase();
                    String p = Callbacks.stringOf(a.arguments().get("value"));
                    if (p != null) path = p;
                }
            }
            if (verb == null || f.body() == null) continue;
            Map<Param, Taint> bound = new LinkedHashMap<>();
            List<String> reqNames = new ArrayList<>();
            boolean methodPipe = pipe || hasAnnotationNamed(f.annotations(), "UsePipes");
            Node principal = null;
            for (Param p : f.params()) {
                for (Annotation a : p.annotations()) {
                    String an = a.simpleName();
                    String kind = nest.sources().get(an);
                    Expr arg = a.arguments().get("value");
                    String field = Callbacks.stringOf(arg);
                    if (kind != null) {
                        Taint t = Taint.source(origin(kind), field, p.target());
                        // @Body() dto: CreateUserDto is validated when a ValidationPipe runs (global, @UsePipes, or @Body(new ValidationPipe()))
                        boolean dto = p.type() != null && isClassType(p.type());
                        boolean pipeHere = arg != null && Snippets.code(ctx.module(), arg).contains(nest.validationPipe());
                        if (dto && (methodPipe || pipeHere) || pipeHere) t = t.asValidated();
                        bound.put(p, t);
                    } else if (nest.request().contains(an)) {
                        if (p.name() != null) reqNames.add(p.name());
                    } else if (nest.principal().contains(an)) {
                        bound.put(p, Taint.source(Taint.Origin.PRINCIPAL, field, p.target()));
                        principal = a;
                    }
                }
            }
            Node auth = guard(f.annotations(), c.annotations(), nest.authGuards(), List.of("Authorized"), false);
            Node role = guard(f.annotations(), c.annotations(), nest.roleGuards(), nest.roleDecorators(), true);
            if (auth == null) auth = role != null ? role : principal;
            String base = "";
            for (Annotation a : c.annotations()) {
                if (a.simpleName().endsWith("Controller")) {
                    String p = Callbacks.stringOf(a.arguments().get("value"));
                    if (p != null) base = "/" + p.replaceAll("^/+", "");
                }
            }
            String route = verb + " " + (base + (path.isEmpty() ? "" : "/" + path.replaceAll("^/+", "")));
            add(out, seen, new Handler(f, route.trim(), reqNames, null, bound, auth, role, false, null));
        }
    }

    /** @UseGuards(JwtAuthGuard) / @Roles('admin') / @Authorized('admin') on the method or its class. */
    private static Node guard(List<Annotation> method, List<Annotation> cls, List<String> guardGlobs, List<String> decorators, boolean role) {
        for (List<Annotation> list : List.of(method, cls)) {
            for (Annotation a : list) {
                if (a.simpleName().equals("UseGuards")) {
                    for (Expr g : a.arguments().values()) {
                        for (Expr e : flatten(g)) {
                            String n = guardName(e);
                            if (n != null && Globs.any(guardGlobs, n)) return a;
                        }
                    }
                } else if (decorators.contains(a.simpleName())) {
                    // routing-controllers: @Authorized() authenticates, @Authorized('admin') restricts
                    if (a.simpleName().equals("Authorized") && role == a.arguments().isEmpty()) continue;
                    return a;
                }
            }
        }
        return null;
    }

    private static String guardName(Expr e) {
        Expr u = e.unwrap();
        if (u instanceof dev.prodlint.model.expr.New nw && nw.callee() != null) u = nw.callee().unwrap();
        if (u instanceof Call c) {
            // AuthGuard('jwt') names the guard by its factory
            u = c.callee().unwrap();
        }
        if (u instanceof Name n) return n.id();
        if (u instanceof Member mm) return mm.property();
        return null;
    }

    private static boolean isClassType(TypeRef t) {
        String n = t.simpleName();
        return !n.isEmpty() && Character.isUpperCase(n.charAt(0)) && !Set.of("Record", "Partial", "Object", "String", "Number",
                "Boolean", "Array", "Map", "Promise", "Omit", "Pick", "Readonly").contains(n);
    }

    private static boolean hasAnnotationNamed(List<Annotation> as, String name) {
        for (Annotation a : as) if (a.simpleName().equals(name)) return true;
        return false;
    }

    // ---- Next.js ----

    /** route.ts handlers (GET(req, { params })) and 'use server' actions (formData and arguments are client data). */
    private static void nextHandlers(SourceModule m, List<Handler> out, Map<FunctionDecl, Boolean> seen) {
        boolean routeFile = NEXT_ROUTE_FILE.matcher(m.path()).find();
        boolean actions = !routeFile && useServer(m);
        if (!routeFile && !actions) return;
        for (FunctionDecl f : m.allFunctions()) {
            if (f.enclosingFunction() == null || f.enclosingFunction().kind() != FunctionDecl.Kind.MODULE_BODY || f.name() == null) continue;
            if (routeFile && NEXT_VERBS.contains(f.name())) {
                List<String> reqNames = new ArrayList<>();
                Map<Param, Taint> bound = new LinkedHashMap<>();
                if (!f.params().isEmpty() && f.params().get(0).name() != null) reqNames.add(f.params().get(0).name());
                if (f.params().size() > 1) bound.put(f.params().get(1), Taint.source(Taint.Origin.PARAMS, null, f.params().get(1).target()));
                add(out, seen, new Handler(f, f.name() + " " + m.path(), reqNames, null, bound, null, null, false, null));
            } else if (actions && f.isAsync() && isExported(m, f)) {
                Map<Param, Taint> bound = new LinkedHashMap<>();
                for (Param p : f.params()) bound.put(p, Taint.source(Taint.Origin.BODY, null, p.target()));
                add(out, seen, new Handler(f, "server action " + f.name(), List.of(), null, bound, null, null, false, null));
            }
        }
    }

    private static boolean useServer(SourceModule m) {
        String text = m.text().content();
        String head = text.substring(0, Math.min(text.length(), 200)).stripLeading();
        return head.startsWith("'use server'") || head.startsWith("\"use server\"");
    }

    private static boolean isExported(SourceModule m, FunctionDecl f) {
        int start = f.range().startOffset();
        String text = m.text().content();
        String before = text.substring(Math.max(0, start - 7), start);
        return before.contains("export") || text.startsWith("export", start);
    }

    // ---- Spring MVC / WebFlux, JAX-RS ----

    private static void javaClass(SourceModule m, ClassDecl c, Requests rq, List<Handler> out, Map<FunctionDecl, Boolean> seen) {
        Requests.JavaSide java = rq.java();
        Annotation classGuard = firstGlob(c.annotations(), java.roleGuards());
        String base = pathOf(c.annotations());
        for (FunctionDecl f : c.methods()) {
            Annotation mapping = first(f.annotations(), java.handlerAnnotations());
            if (mapping == null || f.body() == null) continue;
            Map<Param, Taint> bound = new LinkedHashMap<>();
            List<String> reqNames = new ArrayList<>();
            Node principal = null;
            for (Param p : f.params()) {
                String typeName = p.type() == null ? "" : p.type().simpleName();
                Annotation principalAnn = first(p.annotations(), java.principalAnnotations());
                if (principalAnn != null || Globs.any(java.principalTypes(), typeName)) {
                    bound.put(p, Taint.source(Taint.Origin.PRINCIPAL, null, p.target()));
                    principal = principalAnn != null ? principalAnn : p;
                    continue;
                }
                if (typeName.endsWith("HttpServletRequest") || typeName.equals("ServerHttpRequest") || typeName.equals("ServerRequest")) {
                    if (p.name() != null) reqNames.add(p.name());
                    continue;
                }
                Taint t = null;
                for (Annotation a : p.annotations()) {
                    String kind = java.sources().get(a.simpleName());
                    if (kind == null) continue;
                    String field = Callbacks.stringOf(a.arguments().get("value"));
                    if (field == null) field = Callbacks.stringOf(a.arguments().get("name"));
                    boolean whole = kind.equals("body") || typeName.startsWith("Map") || typeName.equals("MultiValueMap");
                    t = whole ? Taint.source(origin(kind), null, p.target()) : Taint.source(origin(kind), field != null ? field : p.name(), p.target());
                    if (whole && field != null) t = Taint.source(origin(kind), field, p.target());
                }
                if (t == null && p.annotations().stream().noneMatch(a -> a.simpleName().equals("Context"))
                        && !java.nonSourceTypes().contains(typeName) && !typeName.isEmpty()) {
                    // Spring binds an unannotated simple parameter from the query, any other from the form (@ModelAttribute)
                    t = SIMPLE_JAVA.contains(typeName) ? Taint.source(Taint.Origin.QUERY, p.name(), p.target())
                            : Taint.source(Taint.Origin.BODY, null, p.target());
                }
                if (t == null) continue;
                if (first(p.annotations(), java.validatedAnnotations()) != null) t = t.asValidated();
                bound.put(p, t);
            }
            Annotation guard = firstGlob(f.annotations(), java.roleGuards());
            if (guard == null) guard = classGuard;
            Node auth = guard != null ? guard : principal;
            String verb = mapping.simpleName().replace("Mapping", "").toUpperCase();
            if (verb.equals("REQUEST")) verb = "";
            String route = (verb + " " + base + pathOf(f.annotations())).trim();
            add(out, seen, new Handler(f, route.isEmpty() ? f.name() : route, reqNames, null, bound, auth, guard, false, null));
        }
    }

    private static String pathOf(List<Annotation> as) {
        for (Annotation a : as) {
            if (a.simpleName().endsWith("Mapping") || a.simpleName().equals("Path")) {
                Expr v = a.arguments().get("value");
                if (v == null) v = a.arguments().get("path");
                if (v != null && v.unwrap() instanceof ArrayLit arr && !arr.elements().isEmpty()) v = arr.elements().get(0);
                String s = Callbacks.stringOf(v);
                if (s != null) return s.startsWith("/") || s.isEmpty() ? s : "/" + s;
            }
        }
        return "";
    }

    /** Role and permission guards, including a project's own (@AuthAction(WRITE_RULE), @RequirePermission("x")). */
    static Annotation firstGlob(List<Annotation> as, List<String> globs) {
        for (Annotation a : as) if (Globs.any(globs, a.simpleName())) return a;
        return null;
    }

    static Annotation first(List<Annotation> as, List<String> names) {
        for (Annotation a : as) if (names.contains(a.simpleName())) return a;
        return null;
    }

    static Taint.Origin origin(String kind) {
        return switch (kind) {
            case "body" -> Taint.Origin.BODY;
            case "query" -> Taint.Origin.QUERY;
            case "params" -> Taint.Origin.PARAMS;
            case "headers" -> Taint.Origin.HEADERS;
            default -> Taint.Origin.COOKIES;
        };
    }
}
