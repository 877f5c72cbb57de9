package dev.prodlint.analysis.request;

import dev.prodlint.model.SourceRange;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Summaries of the whole project's helpers, services and repositories, found in a first pass over
 * every file: which parameter of which function or method reaches a database write or filter. A
 * handler that calls {@code articleService.create(req.body)} in another file is judged by it.
 * Filled by many threads, then read.
 */
public final class ProjectSummaries {
    public static final ProjectSummaries NONE = new ProjectSummaries();

    /**
     * Parameter {@code param} of a function elsewhere reaches a database slot.
     *
     * @param slotWhole the slot takes a whole object (save(entity), create(data)), not one column
     * @param whole the parameter arrives there whole (else as {@code field})
     */
    public record Sink(int param, DataSinks.Kind kind, String column, boolean slotWhole, boolean whole, boolean copied, boolean validated,
                       String field, String what, boolean write, String path, SourceRange range) {
    }

    /** What a function elsewhere does with its parameters. */
    public record External(String name, List<Sink> sinks, Set<Integer> returned) {
    }

    /** A route another file registers for an exported function: its path and what its middleware says. */
    public record RouteInfo(String route, String auth, String role, boolean validated) {
    }

    private final Map<String, List<External>> byKey = new ConcurrentHashMap<>();
    /** Repositories' own queries and locks, versioned entities. */
    private final dev.prodlint.analysis.db.DbIndex db = new dev.prodlint.analysis.db.DbIndex();

    public dev.prodlint.analysis.db.DbIndex db() {
        return db;
    }
    private final Map<String, RouteInfo> routes = new ConcurrentHashMap<>();
    /** export const orderService = new OrderService(): module#export to the class. */
    private final Map<String, String> instances = new ConcurrentHashMap<>();

    public void add(String key, External e) {
        byKey.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(e);
        // Path aliases ('@/lib/orders') are looked up by the path's tail: fn:*/lib/orders#name
        if (key.startsWith("fn:")) {
            String path = key.substring(3);
            for (int i = path.indexOf('/'); i >= 0 && i < path.indexOf('#'); i = path.indexOf('/', i + 1)) {
                byKey.computeIfAbsent("fn:*" + path.substring(i), k -> new CopyOnWriteArrayList<>()).add(e);
            }
        }
    }

    public void addInstance(String key, String className) {
        instances.put(key, className);
    }

    /** The one summary under a key; none when no file or several disagreeing files declare it. */
    public External lookup(String key) {
        List<External> list = byKey.get(key);
        if (list == null || list.isEmpty()) return null;
        return list.size() == 1 ? list.get(0) : null;
    }

    /** A project interface implemented by a project class (RuleRepository by InMemoryRuleRepositoryAdapter). */
    private final Map<String, Boolean> implemented = new ConcurrentHashMap<>();

    public void addImplementation(String interfaceName) {
        implemented.put(interfaceName, Boolean.TRUE);
    }

    /** The project implements this type itself: what its methods do is in their summaries, not in a name's guess. */
    public boolean isImplementedHere(String typeName) {
        return implemented.containsKey(typeName);
    }

    public void addRoute(String key, RouteInfo r) {
        routes.putIfAbsent(key, r);
    }

    public RouteInfo route(String key) {
        return routes.get(key);
    }

    public boolean hasRoutes() {
        return !routes.isEmpty();
    }

    public String instanceClass(String key) {
        return instances.get(key);
    }

    public boolean isEmpty() {
        return byKey.isEmpty();
    }

    /** A module function: {@code src/services/order.service#getOrders} (path without extension). */
    public static String functionKey(String modulePath, String name) {
        return "fn:" + stripExtension(modulePath) + "#" + name;
    }

    /** A class or interface method: {@code OrderService.getOrders/1}. */
    public static String methodKey(String className, String method, int arity) {
        return "m:" + className + "." + method + "/" + arity;
    }

    public static String stripExtension(String path) {
        String p = path;
        // order.service.ts → order.service; './order.service' names the same file
        for (String ext : new String[] {".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts", ".java"}) {
            if (p.endsWith(ext)) {
                p = p.substring(0, p.length() - ext.length());
                break;
            }
        }
        if (p.endsWith("/index")) p = p.substring(0, p.length() - "/index".length());
        return p;
    }
}
