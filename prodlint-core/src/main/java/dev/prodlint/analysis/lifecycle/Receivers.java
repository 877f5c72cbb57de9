package dev.prodlint.analysis.lifecycle;

import dev.prodlint.model.ClassDecl;
import dev.prodlint.model.FieldDecl;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Lambda;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.New;
import dev.prodlint.model.expr.This;
import java.util.List;
import java.util.Set;

/**
 * What a receiver is in lifecycle terms: its path as written ({@code this.bus} and {@code bus} are
 * one path), and whether the object outlives a scope (declared outside it: a module-level value, an
 * import, a field of a shared service, the process) or dies with it (the socket, a local).
 */
public final class Receivers {
    /** Calls that look into a collection or pass a stream on: the path is the collection's or the source's. */
    private static final Set<String> TRANSPARENT = Set.of("get", "computeIfAbsent", "getOrDefault", "values", "keySet",
            "entrySet", "asFlux", "asObservable", "asMono", "pipe", "filter", "map", "share", "publish", "autoConnect",
            "refCount", "ofType", "doOnNext", "flatMap", "concatMap", "switchMap", "mergeMap", "of", "to", "in");
    /** Calls on a Netty context that reach the event loop, which serves many channels. */
    private static final Set<String> EVENT_LOOP = Set.of("executor", "eventLoop");

    private Receivers() {
    }

    /** The dotted path of an expression as written, without {@code this.}; null when it goes through an unknown call. */
    public static String path(Expr e) {
        if (e == null) return null;
        Expr u = e.unwrap();
        if (u instanceof Name n) return n.id();
        if (u instanceof This) return "this";
        if (u instanceof Member m) {
            if (m.object() instanceof This t && !t.isSuper() && m.property() != null) return m.property();
            String base = path(m.object());
            if (base == null) return null;
            if (m.isComputed()) return base;
            return m.property() == null ? null : base + "." + m.property();
        }
        if (u instanceof Call c && c.receiver() != null && c.methodName() != null
                && (TRANSPARENT.contains(c.methodName()) || EVENT_LOOP.contains(c.methodName()))) {
            String base = path(c.receiver());
            if (base == null) return null;
            return EVENT_LOOP.contains(c.methodName()) ? base + "." + c.methodName() + "()" : base;
        }
        return null;
    }

    /** The first segment of a path: the variable, field or class the chain starts from. */
    public static Expr root(Expr e) {
        Expr u = e == null ? null : e.unwrap();
        while (u != null) {
            if (u instanceof Member m) {
                if (m.object() instanceof This) return m;
                u = m.object().unwrap();
            } else if (u instanceof Call c && c.receiver() != null && c.methodName() != null
                    && (TRANSPARENT.contains(c.methodName()) || EVENT_LOOP.contains(c.methodName()))) {
                u = c.receiver().unwrap();
            } else {
                return u;
            }
        }
        return null;
    }

    /**
     * True when the object a receiver names was there before the outermost scope began, so it stays
     * after that scope ends; false when it dies with the scope or the file cannot tell.
     */
    public static boolean outlives(Expr receiver, List<Scope> chain, Set<String> globals, Language lang) {
        if (receiver == null || chain.isEmpty()) return false;
        FunctionDecl outer = chain.get(chain.size() - 1).function();
        if (reachesEventLoop(receiver)) return true;
        Expr r = root(receiver);
        if (r == null) return false;
        if (r instanceof Member m && m.object() instanceof This) return thisOutlives(m, m.property(), lang);
        if (r instanceof This t) return thisOutlives(t, null, lang);
        if (!(r instanceof Name n)) return false;
        Symbol s = n.symbol();
        if (s == null) {
            if (lang == Language.JAVA) return !n.id().isEmpty() && Character.isUpperCase(n.id().charAt(0));
            return globals.contains(n.id());
        }
        if (s.kind() == Symbol.Kind.FIELD && s.declaration() instanceof FieldDecl fd) return fieldOutlives(fd);
        if (s.declaration() == null) return false;
        if (!s.declaration().isWithin(outer)) {
            // new Observable(...) and new ReadableStream(...) are usually built per call of the function around
            // them: that function's own values are as short-lived as the stream.
            if (chain.get(chain.size() - 1).kind() == Scope.Kind.STREAM && s.kind() != Symbol.Kind.IMPORT) {
                FunctionDecl declaredIn = s.declaration().enclosingFunction();
                if (s.declaration() instanceof dev.prodlint.model.Param p) declaredIn = p.enclosingFunction();
                if (declaredIn != null && declaredIn.kind() != FunctionDecl.Kind.MODULE_BODY) return false;
            }
            return s.kind() != Symbol.Kind.FIELD || lang != Language.JAVA;
        }
        // A local that only renames something older: const bus = this.events;
        Expr init = s.initializer();
        if (s.kind() == Symbol.Kind.LOCAL && init != null && !(init.unwrap() instanceof New) && !(init.unwrap() instanceof Call)
                && !(init.unwrap() instanceof Lambda) && init.unwrap() != receiver.unwrap()) {
            return outlives(init, chain, globals, lang);
        }
        return false;
    }

    private static boolean reachesEventLoop(Expr e) {
        for (Expr u = e.unwrap(); u instanceof Call c && c.receiver() != null; u = c.receiver().unwrap()) {
            if (EVENT_LOOP.contains(c.methodName())) return true;
        }
        return false;
    }

    private static boolean thisOutlives(dev.prodlint.model.Node at, String field, Language lang) {
        FunctionDecl f = at.enclosingFunction();
        while (f != null && f.kind() == FunctionDecl.Kind.ARROW) f = f.enclosingFunction();
        if (f == null || f.owner() == null) return false;
        if (f.kind() != FunctionDecl.Kind.METHOD && f.kind() != FunctionDecl.Kind.LAMBDA) return false;
        if (field == null) return !perConnectionClass(f.owner());
        FieldDecl fd = f.owner().field(field).orElse(null);
        if (fd == null) return lang != Language.JAVA;
        return fieldOutlives(fd);
    }

    /**
     * A static field, or a field of an object that serves many connections. Fields of a Jakarta
     * endpoint or of a Netty handler made per channel die with the connection, unless they hold
     * something passed in from outside.
     */
    static boolean fieldOutlives(FieldDecl fd) {
        if (fd.isStatic()) return true;
        ClassDecl owner = fd.ancestor(ClassDecl.class);
        if (owner == null || !perConnectionClass(owner)) return true;
        return fd.initializer() == null || !(fd.initializer().unwrap() instanceof New);
    }

    /** A class with one instance per connection: a Jakarta @ServerEndpoint, a non-@Sharable Netty handler. */
    static boolean perConnectionClass(ClassDecl c) {
        for (var a : c.annotations()) {
            if (a.simpleName().equals("ServerEndpoint")) return true;
            if (a.simpleName().equals("Sharable")) return false;
        }
        return Scopes.implementsLike(c, "ChannelInboundHandlerAdapter") || Scopes.implementsLike(c, "ChannelDuplexHandler")
                || Scopes.implementsLike(c, "SimpleChannelInboundHandler") || Scopes.implementsLike(c, "ChannelHandlerAdapter");
    }

    private static final Set<String> COLLECTIONS = Set.of("Map", "Set", "Array", "Record", "ReadonlyArray", "HashMap",
            "ConcurrentHashMap", "ConcurrentMap", "List", "ArrayList", "LinkedList", "CopyOnWriteArrayList", "CopyOnWriteArraySet",
            "Collection", "Queue", "Deque", "ConcurrentLinkedQueue", "ConcurrentLinkedDeque", "BlockingQueue", "LinkedBlockingQueue",
            "HashSet", "LinkedHashSet", "LinkedHashMap", "TreeMap", "TreeSet", "Vector", "Hashtable", "Multimap", "ArrayDeque",
            "ConcurrentSkipListMap", "ConcurrentSkipListSet", "SetMultimap", "ListMultimap");
    private static final Set<String> COLLECTION_FACTORIES = Set.of("newKeySet", "synchronizedMap", "synchronizedList",
            "synchronizedSet", "newConcurrentMap", "newHashMap", "newArrayList", "newHashSet", "newCopyOnWriteArrayList", "create");

    /** True when the receiver's root is declared or built as an in-memory collection (a Map, Set, array, List). */
    public static boolean isCollection(Expr receiver) {
        Expr r = root(receiver);
        dev.prodlint.model.TypeRef type = null;
        Expr init = null;
        if (r instanceof Member m && m.object() instanceof This) {
            ClassDecl owner = m.ancestor(ClassDecl.class);
            FieldDecl fd = owner == null ? null : owner.field(m.property()).orElse(null);
            if (fd == null) return false;
            type = fd.type();
            init = fd.initializer();
        } else if (r instanceof Name n && n.symbol() != null) {
            type = n.symbol().declaredType();
            init = n.symbol().initializer();
        } else {
            return false;
        }
        if (type != null && (COLLECTIONS.contains(type.simpleName()) || type.name().endsWith("[]"))) return true;
        if (init == null) return false;
        Expr u = init.unwrap();
        if (u instanceof dev.prodlint.model.expr.ArrayLit) return true;
        if (u instanceof dev.prodlint.model.expr.ObjectLit o) return o.properties().isEmpty();
        if (u instanceof New nw) {
            if (nw.type() != null && COLLECTIONS.contains(nw.type().simpleName())) return true;
            return nw.callee() != null && nw.callee().unwrap() instanceof Name c && COLLECTIONS.contains(c.id());
        }
        return u instanceof Call c && COLLECTION_FACTORIES.contains(c.methodName());
    }
}
