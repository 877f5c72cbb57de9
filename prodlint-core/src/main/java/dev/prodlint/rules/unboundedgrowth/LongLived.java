package dev.prodlint.rules.unboundedgrowth;

import dev.prodlint.model.Annotation;
import dev.prodlint.model.ClassDecl;
import dev.prodlint.model.FieldDecl;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.Node;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.expr.ArrayLit;
import dev.prodlint.model.expr.Assign;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.New;
import dev.prodlint.model.expr.ObjectLit;
import dev.prodlint.model.expr.This;
import dev.prodlint.model.stmt.VarDecl;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The collections of a file that live as long as the process: module-level maps, sets and arrays,
 * static fields, and fields of singletons (NestJS providers, Spring beans, a class instantiated once
 * at module level).
 */
final class LongLived {
    /** Unbounded in-memory collection types. Weak maps, LRU caches and Caffeine are not among them. */
    private static final Set<String> JS_TYPES = Set.of("Map", "Set", "Array");
    private static final Set<String> JAVA_TYPES = Set.of("HashMap", "ConcurrentHashMap", "ArrayList", "HashSet", "LinkedList",
            "CopyOnWriteArrayList", "CopyOnWriteArraySet", "ConcurrentLinkedQueue", "ConcurrentLinkedDeque", "LinkedHashSet",
            "TreeMap", "ConcurrentSkipListMap", "ConcurrentSkipListSet", "ArrayDeque", "LinkedBlockingQueue", "Vector", "Hashtable");
    private static final Set<String> JAVA_FACTORIES = Set.of("newKeySet", "synchronizedMap", "synchronizedList", "synchronizedSet",
            "newConcurrentMap", "newHashMap", "newArrayList", "newHashSet", "newCopyOnWriteArrayList");
    private static final Set<String> SINGLETON_ANNOTATIONS = Set.of("Injectable", "Controller", "WebSocketGateway", "Resolver",
            "Processor", "Service", "Component", "RestController", "Repository", "Configuration", "Singleton", "ApplicationScoped");
    private static final Pattern SINGLETON_NAME = Pattern.compile(".*(Service|Manager|Registry|Hub|Broker|Bus|Gateway|Tracker|Store)$");

    /**
     * @param decl  where it is declared (the finding's location)
     * @param path  its path as written without {@code this.}
     * @param owner the class whose field it is, or null at module level
     * @param what  "module-level Map", "static field", "field of the singleton OrderService"
     */
    record Collection(Node decl, String name, String path, ClassDecl owner, String type, String what, boolean exposed) {
    }

    private LongLived() {
    }

    static List<Collection> find(SourceModule m) {
        List<Collection> out = new ArrayList<>();
        boolean java = m.language() == Language.JAVA;
        if (!java) {
            for (var s : m.body().body().statements()) {
                if (s instanceof VarDecl v && v.target() instanceof Name n) {
                    String type = jsType(v.init());
                    if (type != null) {
                        boolean exported = exported(m, v);
                        out.add(new Collection(v, n.id(), n.id(), null, type, "module-level " + type, exported));
                    }
                }
            }
        }
        m.walk(n -> {
            if (!(n instanceof ClassDecl c)) return;
            boolean singleton = singleton(m, c);
            for (FieldDecl f : c.fields()) {
                String type = java ? javaType(f.initializer()) : jsType(f.initializer());
                if (type == null || !(f.isStatic() || singleton && !perConnection(c))) continue;
                boolean exposed = java ? !f.modifiers().contains("private")
                        : !(f.modifiers().contains("private") || f.name().startsWith("#"));
                String what = f.isStatic() ? "static " + type + " field" : type + " field of " + (java ? "the bean " : "the singleton ") + c.name();
                out.add(new Collection(f, f.name(), f.name(), c, type, what, exposed && java));
            }
            if (!java && singleton) constructorFields(c, out);
        });
        return out;
    }

    /** JavaScript classes declare fields by assigning them in the constructor: this.clients = new Map(). */
    private static void constructorFields(ClassDecl c, List<Collection> out) {
        for (FunctionDecl f : c.methods()) {
            if (f.kind() != FunctionDecl.Kind.CONSTRUCTOR || f.body() == null) continue;
            f.body().walk(n -> {
                if (n instanceof Assign a && a.target() instanceof Member mem && mem.object() instanceof This && mem.property() != null
                        && c.field(mem.property()).isEmpty()) {
                    String type = jsType(a.value());
                    if (type != null) out.add(new Collection(a, mem.property(), mem.property(), c, type, type + " field of the singleton " + c.name(), false));
                }
            }, true);
        }
    }

    /** export const x = ...: the range of the declaration may start after the keyword. */
    private static boolean exported(SourceModule m, VarDecl v) {
        String text = m.text().content();
        int start = v.range().startOffset();
        int lineStart = text.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
        return text.substring(lineStart, start).contains("export") || m.text().slice(v.range()).startsWith("export");
    }

    private static String jsType(Expr init) {
        if (init == null) return null;
        Expr u = init.unwrap();
        if (u instanceof New nw && nw.callee() != null && nw.callee().unwrap() instanceof Name n && JS_TYPES.contains(n.id())) return n.id();
        if (u instanceof ArrayLit a && a.elements().isEmpty()) return "array";
        if (u instanceof ObjectLit o && o.properties().isEmpty()) return "object";
        return null;
    }

    private static String javaType(Expr init) {
        if (init == null) return null;
        Expr u = init.unwrap();
        if (u instanceof New nw && nw.type() != null && JAVA_TYPES.contains(nw.type().simpleName()) && nw.body() == null) {
            return nw.type().simpleName();
        }
        if (u instanceof Call c && JAVA_FACTORIES.contains(c.methodName())) return c.methodName().contains("Map") ? "Map" : "collection";
        return null;
    }

    /** A Jakarta endpoint has one instance per connection, whatever else it is annotated with. */
    private static boolean perConnection(ClassDecl c) {
        for (Annotation a : c.annotations()) {
            if (a.simpleName().equals("ServerEndpoint")) return true;
        }
        return false;
    }

    /** One instance serves the whole process. */
    private static boolean singleton(SourceModule m, ClassDecl c) {
        for (Annotation a : c.annotations()) {
            if (SINGLETON_ANNOTATIONS.contains(a.simpleName())) return true;
        }
        if (m.language() == Language.JAVA) {
            return dev.prodlint.analysis.lifecycle.Scopes.implementsLike(c, "WebSocketHandler")
                    || dev.prodlint.analysis.lifecycle.Scopes.implementsLike(c, "HandlerInterceptor");
        }
        if (c.name() != null && SINGLETON_NAME.matcher(c.name()).matches()) return true;
        boolean[] instantiated = {false};
        for (var s : m.body().body().statements()) {
            s.walk(n -> {
                if (n instanceof New nw && nw.callee() != null && nw.callee().unwrap() instanceof Name id && id.id().equals(c.name())
                        && nw.enclosingFunction() == m.body()) {
                    instantiated[0] = true;
                }
            }, true);
        }
        return instantiated[0];
    }
}
