package dev.prodlint.analysis.lifecycle;

import dev.prodlint.apimodel.Lifecycles;
import dev.prodlint.apimodel.Lifecycles.End;
import dev.prodlint.apimodel.Lifecycles.JavaScope;
import dev.prodlint.model.Annotation;
import dev.prodlint.model.ClassDecl;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.Node;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.TypeRef;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.New;
import dev.prodlint.model.expr.ObjectLit;
import dev.prodlint.model.expr.Property;
import dev.prodlint.model.stmt.Return;
import dev.prodlint.rules.Snippets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the code of a file that runs once per connection, request, message or stream subscription
 * (see models/lifecycles.yaml), so rules can tell a registration made once at start-up from one
 * made again for every client.
 */
public final class Scopes {
    private static final Set<String> HTTP_VERBS_NEST = Set.of("Get", "Post", "Put", "Patch", "Delete", "All", "Sse");
    /** Next.js app-router handler files and the exports that handle a method (shared with the request rules). */
    public static final Pattern NEXT_ROUTE_FILE = Pattern.compile("(^|/)route\\.(ts|js|mjs|tsx)$");
    public static final Set<String> NEXT_VERBS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> ERROR_FIRST = Set.of("err", "error", "e", "er");

    private Scopes() {
    }

    public static List<Scope> find(SourceModule m, Lifecycles lc) {
        List<Scope> out = new ArrayList<>();
        Map<FunctionDecl, Boolean> seen = new IdentityHashMap<>();
        if (m.language() == Language.JAVA) {
            for (ClassDecl c : m.allClasses()) javaClass(c, lc, out, seen);
        } else {
            jsCalls(m, lc, out, seen);
            for (ClassDecl c : m.allClasses()) nestClass(c, lc, out, seen);
            nextRouteHandlers(m, out, seen);
        }
        return out;
    }


    private static void add(List<Scope> out, Map<FunctionDecl, Boolean> seen, Scope s) {
        if (s.function() == null || s.function().body() == null || seen.put(s.function(), Boolean.TRUE) != null) return;
        out.add(s);
    }

    // ---- JavaScript and TypeScript ----

    private static void jsCalls(SourceModule m, Lifecycles lc, List<Scope> out, Map<FunctionDecl, Boolean> seen) {
        Lifecycles.Js js = lc.js();
        m.walk(n -> {
            if (n instanceof Call c) {
                String name = c.methodName();
                if (name == null) return;
                if ((name.equals("on") || name.equals("once") || name.equals("addListener")) && c.receiver() != null
                        && js.openEvents().contains(Callbacks.stringOf(c.arg(0)))) {
                    FunctionDecl f = Callbacks.functionOf(c.arg(1));
                    if (f != null && !f.params().isEmpty()) {
                        add(out, seen, new Scope(f, Scope.Kind.CONNECTION, "the '" + Callbacks.stringOf(c.arg(0)) + "' handler of `"
                                + Snippets.code(m, c.receiver()) + "`", c, Map.of(), connectionEnd(m, c, f)));
                    }
                } else if (js.serverFactories().contains(name) && !c.args().isEmpty()) {
                    FunctionDecl f = Callbacks.functionOf(c.args().get(c.args().size() - 1));
                    if (f != null && !f.params().isEmpty()) {
                        boolean socket = isSocketServer(m, c);
                        add(out, seen, new Scope(f, socket ? Scope.Kind.CONNECTION : Scope.Kind.REQUEST,
                                "the " + (socket ? "connection" : "request") + " handler of `" + Snippets.call(m, c) + "`", c, Map.of(),
                                onEvent(f, 0, "close")));
                    }
                } else if (js.routeMethods().contains(name) && c.receiver() != null) {
                    route(m, c, name, out, seen);
                }
            } else if (n instanceof New nw && nw.callee() != null && nw.callee().unwrap() instanceof Name cls) {
                if (cls.id().equals("Observable")) observable(m, nw, out, seen);
                else if (cls.id().equals("ReadableStream")) readableStream(m, nw, out, seen);
            }
        });
    }

    private static boolean isSocketServer(SourceModule m, Call c) {
        String recv = c.receiver() == null ? "" : Snippets.code(m, c.receiver());
        if (recv.equals("net") || recv.equals("tls")) return true;
        if (c.receiver() == null && c.callee().unwrap() instanceof Name n && n.symbol() != null && n.symbol().importedFrom() != null) {
            String mod = n.symbol().importedFrom().module();
            return mod.equals("net") || mod.equals("node:net") || mod.equals("tls") || mod.equals("node:tls");
        }
        return false;
    }

    private static void route(SourceModule m, Call c, String name, List<Scope> out, Map<FunctionDecl, Boolean> seen) {
        String path = Callbacks.stringOf(c.arg(0));
        boolean pathFirst = path != null && (path.startsWith("/") || path.equals("*"));
        if (!pathFirst && !name.equals("use")) return;
        for (int i = pathFirst ? 1 : 0; i < c.args().size(); i++) {
            FunctionDecl f = Callbacks.functionOf(c.arg(i));
            if (f == null || f.params().isEmpty()) continue;
            String first = f.params().get(0).name();
            if (first != null && ERROR_FIRST.contains(first)) continue;
            // Middleware without a path takes (req, res, next) or (ctx, next); one parameter is a plugin or a callback.
            if (!pathFirst && f.params().size() < 2) continue;
            boolean ws = name.equals("ws");
            String what = ws ? "the WebSocket handler of `" + Snippets.call(m, c) + "`"
                    : pathFirst ? "the " + (name.equals("use") || name.equals("all") ? "" : name.toUpperCase() + " ") + path + " handler"
                    : "the middleware of `" + Snippets.call(m, c) + "`";
            add(out, seen, new Scope(f, ws ? Scope.Kind.CONNECTION : Scope.Kind.REQUEST, what, c, Map.of(),
                    onEvent(f, ws || f.params().size() < 2 ? 0 : 1, "close")));
        }
    }

    /** new Observable(subscriber => { ...; return teardown; }): the teardown ends the subscription. */
    private static void observable(SourceModule m, New nw, List<Scope> out, Map<FunctionDecl, Boolean> seen) {
        FunctionDecl f = nw.args().isEmpty() ? null : Callbacks.functionOf(nw.args().get(0));
        if (f == null || f.body() == null) return;
        Map<FunctionDecl, End> ends = new LinkedHashMap<>();
        f.body().walk(x -> {
            if (x instanceof Return r && r.enclosingFunction() == f && r.value() != null) {
                FunctionDecl teardown = Callbacks.functionOf(r.value());
                if (teardown != null) {
                    ends.put(teardown, new End("teardown", null, true,
                            "RxJS runs the teardown when the subscriber unsubscribes, errors or completes", null));
                }
            }
        }, true);
        add(out, seen, new Scope(f, Scope.Kind.STREAM, "the subscribe function of `new Observable(...)`", nw, ends,
                "the teardown function the subscribe function returns (`return () => ...`)"));
    }

    /** new ReadableStream({ start(controller) { ... }, cancel() { ... } }): cancel ends it. */
    private static void readableStream(SourceModule m, New nw, List<Scope> out, Map<FunctionDecl, Boolean> seen) {
        if (nw.args().isEmpty() || !(nw.args().get(0).unwrap() instanceof ObjectLit o)) return;
        FunctionDecl start = null;
        Map<FunctionDecl, End> ends = new LinkedHashMap<>();
        for (Property p : o.properties()) {
            FunctionDecl f = p.value() == null ? null : Callbacks.functionOf(p.value());
            if (f == null) continue;
            if ("start".equals(p.key())) start = f;
            if ("cancel".equals(p.key())) {
                ends.put(f, new End("cancel", null, true, "the stream's cancel runs when its reader goes away", null));
            }
        }
        if (start != null) {
            add(out, seen, new Scope(start, Scope.Kind.STREAM, "the start function of `new ReadableStream(...)`", nw, ends,
                    "the stream's `cancel()`, which runs when the client goes away"));
        }
    }

    /** NestJS gateways (handleConnection, @SubscribeMessage) and controllers (@Get, @Post, @Sse...). */
    private static void nestClass(ClassDecl c, Lifecycles lc, List<Scope> out, Map<FunctionDecl, Boolean> seen) {
        for (Lifecycles.ClassScope cs : lc.js().classScopes()) {
            Map<FunctionDecl, End> ends = new LinkedHashMap<>();
            for (End e : cs.ends()) {
                for (FunctionDecl f : c.methods(e.method())) ends.put(f, e);
            }
            for (FunctionDecl f : c.methods()) {
                if (cs.open().contains(f.name()) && !f.params().isEmpty()) {
                    add(out, seen, new Scope(f, Scope.Kind.CONNECTION, "the gateway's " + f.name(), f, ends, "`handleDisconnect`"));
                } else if (hasAnnotation(f, cs.perMessage())) {
                    add(out, seen, new Scope(f, Scope.Kind.MESSAGE, "the message handler " + f.name(), f, ends, "`handleDisconnect`"));
                }
            }
        }
        for (FunctionDecl f : c.methods()) {
            for (Annotation a : f.annotations()) {
                if (HTTP_VERBS_NEST.contains(a.simpleName())) {
                    add(out, seen, new Scope(f, Scope.Kind.REQUEST, "the request handler " + f.name(), f, Map.of(),
                            a.simpleName().equals("Sse") ? "the teardown of the Observable it returns" : "a `finally` block"));
                }
            }
        }
    }

    /** Next.js app-router handlers: export async function GET(req) in a route.ts file. */
    private static void nextRouteHandlers(SourceModule m, List<Scope> out, Map<FunctionDecl, Boolean> seen) {
        if (!NEXT_ROUTE_FILE.matcher(m.path()).find()) return;
        for (FunctionDecl f : m.allFunctions()) {
            if (f.name() != null && NEXT_VERBS.contains(f.name()) && f.enclosingFunction() != null
                    && f.enclosingFunction().kind() == FunctionDecl.Kind.MODULE_BODY) {
                add(out, seen, new Scope(f, Scope.Kind.REQUEST, "the " + f.name() + " route handler", f, Map.of(),
                        onEvent(f, 0, "abort").replace(".on('abort'", ".signal.addEventListener('abort'")));
            }
        }
    }

    // ---- Java ----

    private static void javaClass(ClassDecl c, Lifecycles lc, List<Scope> out, Map<FunctionDecl, Boolean> seen) {
        for (JavaScope js : lc.java().scopes()) {
            if (js.id().equals("servlet-filter") && !implementsLike(c, "Filter")) continue;
            Map<FunctionDecl, End> ends = new LinkedHashMap<>();
            for (End e : js.ends()) {
                for (FunctionDecl f : c.methods()) {
                    if (e.method() != null && e.method().equals(f.name()) || e.annotation() != null && hasAnnotation(f, List.of(e.annotation()))) {
                        ends.put(f, e);
                    }
                }
            }
            for (FunctionDecl f : c.methods()) {
                if (f.body() == null) continue;
                boolean opens = js.openMethods().contains(f.name()) && !f.params().isEmpty() || hasAnnotation(f, js.openAnnotations());
                boolean perMessage = hasAnnotation(f, js.perMessageAnnotations());
                if (!opens && !perMessage) continue;
                Scope.Kind kind = switch (js.id()) {
                    case "spring-websocket", "jakarta-websocket", "netty-channel" -> perMessage ? Scope.Kind.MESSAGE : Scope.Kind.CONNECTION;
                    default -> Scope.Kind.REQUEST;
                };
                String what = perMessage ? "the @OnMessage method " + f.name() : js.what().replace("request handler", "request handler " + f.name());
                add(out, seen, new Scope(f, kind, what, f, ends, js.undoAt()));
            }
        }
    }

    /** socket.io's sockets end with 'disconnect'; ws, net and HTTP ones with 'close'. */
    private static String connectionEnd(SourceModule m, Call open, FunctionDecl f) {
        String server = Snippets.code(m, open.receiver()).toLowerCase();
        boolean socketIo = server.matches(".*\\b(io|nsp|namespace)\\b.*") || server.endsWith(")") && server.contains(".of(")
                || usesImport(m, "socket.io") && !usesImport(m, "ws") && !server.contains("wss");
        return onEvent(f, 0, socketIo ? "disconnect" : "close");
    }

    private static boolean usesImport(SourceModule m, String module) {
        for (var i : m.imports()) {
            if (i.module().equals(module)) return true;
        }
        return false;
    }

    private static String onEvent(FunctionDecl f, int param, String event) {
        String p = param < f.params().size() && f.params().get(param).name() != null ? f.params().get(param).name() : "socket";
        End end = Lifecycles.bundled().js().endEvents().get(event);
        return "`" + p + ".on('" + event + "', ...)`" + (end != null && end.note() != null ? " (" + end.note() + ")" : "");
    }

    /** True when the class implements or extends a type whose simple name ends with the suffix. */
    public static boolean implementsLike(ClassDecl c, String suffix) {
        if (c.superclass() != null && c.superclass().simpleName().endsWith(suffix)) return true;
        for (TypeRef t : c.interfaces()) {
            if (t.simpleName().endsWith(suffix)) return true;
        }
        return false;
    }

    static boolean hasAnnotation(FunctionDecl f, List<String> names) {
        for (Annotation a : f.annotations()) {
            if (names.contains(a.simpleName())) return true;
        }
        return false;
    }

    /** The scopes containing a node, innermost first. */
    public static List<Scope> containing(List<Scope> scopes, Node n) {
        List<Scope> out = new ArrayList<>();
        for (Scope s : scopes) {
            if (s.contains(n)) out.add(s);
        }
        out.sort((a, b) -> b.function().range().startOffset() - a.function().range().startOffset());
        return out;
    }
}
