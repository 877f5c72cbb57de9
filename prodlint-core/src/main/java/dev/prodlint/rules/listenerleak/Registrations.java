package dev.prodlint.rules.listenerleak;

import dev.prodlint.analysis.lifecycle.Callbacks;
import dev.prodlint.analysis.lifecycle.Receivers;
import dev.prodlint.analysis.lifecycle.Scope;
import dev.prodlint.analysis.lifecycle.ScopeValues;
import dev.prodlint.analysis.lifecycle.Scopes;
import dev.prodlint.apimodel.Lifecycles;
import dev.prodlint.apimodel.Lifecycles.Pair;
import dev.prodlint.model.FieldDecl;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.Assign;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Lambda;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.New;
import dev.prodlint.model.expr.ObjectLit;
import dev.prodlint.model.expr.This;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Finds what the scopes of a file register on objects that outlive them. */
final class Registrations {
    /** Operators that end a stream after a bounded number of items or time: its subscription ends by itself. */
    private static final Set<String> BOUNDED = Set.of("take", "takeUntil", "takeWhile", "first", "firstElement", "single",
            "last", "timeout", "takeLast", "next", "blockFirst", "blockLast", "block", "toPromise", "firstValueFrom",
            "lastValueFrom", "takeUntilOther", "timeoutFirst");
    /** Receivers of a pub/sub client, where subscribe(channel) registers with no callback. */
    private static final Pattern PUBSUB = Pattern.compile("(?i).*(redis|sub|pubsub|nats|mqtt|broker|kafka|channel).*");

    private final SourceModule m;
    private final Lifecycles lc;
    private final List<Scope> scopes;
    private final boolean java;
    private final Set<String> globals;

    Registrations(SourceModule m, Lifecycles lc, List<Scope> scopes) {
        this.m = m;
        this.lc = lc;
        this.scopes = scopes;
        this.java = m.language() == Language.JAVA;
        this.globals = java ? Set.of() : Set.copyOf(lc.js().globals());
    }

    List<Registration> find() {
        List<Registration> out = new ArrayList<>();
        m.walk(n -> {
            if (n instanceof Call c) {
                Registration r = ofCall(c);
                if (r != null) out.add(r);
            } else if (n instanceof Assign a && !java && "=".equals(a.op())) {
                Registration r = ofIndexedWrite(a);
                if (r != null) out.add(r);
            }
        });
        return out;
    }

    private Registration ofCall(Call c) {
        String name = c.methodName();
        if (name == null) return null;
        List<Scope> chain = Scopes.containing(scopes, c);
        if (chain.isEmpty()) return null;
        FunctionDecl outer = chain.get(chain.size() - 1).function();
        Expr recv = c.receiver();
        if (!java && name.equals("setInterval") && (recv == null || recv.unwrap() instanceof Name g && globals.contains(g.id()))) {
            return new Registration(Registration.Kind.TIMER, c, null, null, lc.pairFor(false, name).orElse(null), chain);
        }
        if (recv == null) return null;
        if (java) {
            Registration tl = threadLocal(c, name, recv, chain);
            if (tl != null) return tl;
        }
        Pair pair = lc.pairFor(java, name).orElse(null);
        boolean outlives = Receivers.outlives(recv, chain, globals, m.language());
        if (!outlives) return null;
        String path = Receivers.path(recv);
        if (pair != null && !"timer".equals(pair.kind())) {
            if (!registersSomething(c, name, pair, recv, outer)) return null;
            return new Registration("listener".equals(pair.kind()) ? Registration.Kind.LISTENER : Registration.Kind.SUBSCRIPTION,
                    c, recv, path, pair, chain);
        }
        if (pair != null) {
            return new Registration(Registration.Kind.TIMER, c, recv, path, pair, chain);
        }
        List<String> adds = java ? lc.java().collectionAdds() : lc.js().collectionAdds();
        if (adds.contains(name) && path != null && Receivers.isCollection(recv) && addsScopeValue(c, name, outer)) {
            return new Registration(Registration.Kind.COLLECTION, c, recv, path, null, chain);
        }
        return null;
    }

    private boolean registersSomething(Call c, String name, Pair pair, Expr recv, FunctionDecl outer) {
        if (c.args().isEmpty() && !(java && name.equals("subscribe"))) return false;
        if (bounded(recv) || bounded(c)) return false;
        // source.subscribe(subscriber) inside new Observable(subscriber => ...): the subscription is the subscriber's.
        if (name.equals("subscribe") && c.args().size() == 1 && c.arg(0).unwrap() instanceof Name s && s.symbol() != null
                && s.symbol().kind() == Symbol.Kind.PARAMETER && s.symbol().declaration() != null
                && s.symbol().declaration().isWithin(outer)) {
            return false;
        }
        if (name.equals("addEventListener") && c.args().size() > 2 && c.arg(2).unwrap() instanceof ObjectLit o
                && (o.get("once") != null || o.get("signal") != null)) {
            return false;
        }
        if ("listener".equals(pair.kind()) && (name.equals("on") || name.equals("addListener") || name.equals("prependListener"))) {
            return c.args().size() >= 2;
        }
        for (Expr a : c.args()) {
            if (isCallback(a, outer)) return true;
        }
        if (name.startsWith("subscribe") || name.equals("psubscribe")) {
            String p = Receivers.path(recv);
            if (!java && p != null && PUBSUB.matcher(p.substring(p.lastIndexOf('.') + 1)).matches()) return true;
            // Reactor/RxJava: subscribe() on a hot source kept in a field returns a Disposable nobody keeps.
            return java && c.args().isEmpty() && p != null;
        }
        return false;
    }

    /** A stream chain with an operator that completes it: take(1), takeUntil(...), first(), timeout(...). */
    private static boolean bounded(Expr e) {
        boolean[] found = {false};
        e.walk(n -> {
            if (n instanceof Call x && BOUNDED.contains(x.methodName())) found[0] = true;
        }, true);
        return found[0];
    }

    /** A function, a listener object, or {@code this} (Guava's register(this)). */
    private boolean isCallback(Expr a, FunctionDecl outer) {
        Expr u = a.unwrap();
        if (u instanceof Lambda || u instanceof New) return true;
        if (java && u instanceof This) return true;
        if (Callbacks.functionOf(u) != null) return true;
        if (u instanceof Name n && n.symbol() != null && n.symbol().declaration() != null && n.symbol().declaration().isWithin(outer)) {
            Symbol s = n.symbol();
            Expr init = s.initializer();
            return s.kind() == Symbol.Kind.PARAMETER && looksLikeCallback(n.id())
                    || init != null && (init.unwrap() instanceof Lambda || init.unwrap() instanceof New);
        }
        return false;
    }

    private static boolean looksLikeCallback(String id) {
        String s = id.toLowerCase();
        return s.endsWith("callback") || s.endsWith("listener") || s.endsWith("handler") || s.equals("cb") || s.equals("fn");
    }

    /** The connection, a callback, or an object built around them, added to a longer-lived collection. */
    private boolean addsScopeValue(Call c, String name, FunctionDecl outer) {
        List<Expr> values = switch (name) {
            case "set", "put", "putIfAbsent" -> c.args().size() >= 2 ? List.of(c.arg(1)) : List.of();
            default -> c.args();
        };
        for (Expr v : values) {
            if (ScopeValues.is(v, outer)) return true;
        }
        return false;
    }

    /** clients[id] = ws: an indexed write of a scope value into a longer-lived object. */
    private Registration ofIndexedWrite(Assign a) {
        if (!(a.target() instanceof Member mem) || !mem.isComputed()) return null;
        List<Scope> chain = Scopes.containing(scopes, a);
        if (chain.isEmpty()) return null;
        FunctionDecl outer = chain.get(chain.size() - 1).function();
        if (!Receivers.outlives(mem.object(), chain, globals, m.language())) return null;
        String path = Receivers.path(mem.object());
        if (path == null || !Receivers.isCollection(mem.object()) || !ScopeValues.is(a.value(), outer)) return null;
        return new Registration(Registration.Kind.COLLECTION, a, mem.object(), path, null, chain);
    }

    /** ThreadLocal.set or MDC.put in code that runs per request. */
    private Registration threadLocal(Call c, String name, Expr recv, List<Scope> chain) {
        boolean perRequest = false;
        for (Scope s : chain) perRequest |= s.kind() == Scope.Kind.REQUEST;
        if (!perRequest) return null;
        Expr u = recv.unwrap();
        String path = Receivers.path(recv);
        if (path == null) return null;
        if (name.equals("put") && u instanceof Name n && n.id().equals("MDC")) {
            return new Registration(Registration.Kind.THREAD_LOCAL, c, recv, path, null, chain);
        }
        if (name.equals("set") && isThreadLocalField(u)) {
            return new Registration(Registration.Kind.THREAD_LOCAL, c, recv, path, null, chain);
        }
        // A project's XxxContextHolder.setX(...) is left out: its clear often sits in another filter, in another file.
        return null;
    }

    private boolean isThreadLocalField(Expr u) {
        FieldDecl fd = null;
        if (u instanceof Name n && n.symbol() != null && n.symbol().declaration() instanceof FieldDecl f) fd = f;
        if (u instanceof Member mm && mm.object() instanceof This) {
            var owner = mm.ancestor(dev.prodlint.model.ClassDecl.class);
            if (owner != null) fd = owner.field(mm.property()).orElse(null);
        }
        if (fd == null) return false;
        if (fd.type() != null && lc.java().threadLocals().contains(fd.type().simpleName())) return true;
        if (fd.initializer() == null) return false;
        String init = m.text().slice(fd.initializer().range());
        for (String t : lc.java().threadLocals()) {
            if (init.startsWith(t + ".") || init.startsWith("new " + t)) return true;
        }
        return false;
    }
}
