package dev.prodlint.rules.unboundedgrowth;

import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.Node;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.Assign;
import dev.prodlint.model.expr.Binary;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Literal;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.Unary;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How a file uses one long-lived collection: where it grows, whether anything shrinks or bounds
 * it, and whether it is handed to code this file does not show.
 */
final class Uses {
    private static final Set<String> JS_GROW = Set.of("set", "add", "push", "unshift");
    private static final Set<String> JAVA_GROW = Set.of("put", "putIfAbsent", "computeIfAbsent", "merge", "compute", "add",
            "addAll", "offer", "addLast", "addFirst", "putAll", "push");
    private static final Set<String> SHRINK = Set.of("delete", "remove", "clear", "splice", "pop", "shift", "poll", "removeIf",
            "retainAll", "removeAll", "pollFirst", "pollLast", "removeFirst", "removeLast", "trimToSize", "invalidate",
            "invalidateAll", "drainTo", "take", "evict");
    /** Reading methods: a call of these with the collection does not hand it away. */
    private static final Set<String> READS = Set.of("get", "has", "containsKey", "contains", "size", "forEach", "keys", "values",
            "entries", "keySet", "entrySet", "getOrDefault", "stream", "isEmpty", "iterator", "includes", "indexOf", "find",
            "some", "every", "map", "filter", "reduce", "length", "toArray", "join", "slice", "sort", "at", "count");

    /** @param key the key or value that decides whether it is a new entry */
    record Growth(Call call, Expr key, Expr value, FunctionDecl in) {
    }

    final List<Growth> growth = new ArrayList<>();
    Node shrink;
    Node bound;
    Node escape;

    static Uses of(SourceModule m, LongLived.Collection c) {
        Uses u = new Uses();
        boolean java = m.language() == Language.JAVA;
        Node region = c.owner() != null ? c.owner() : m;
        region.walk(n -> {
            if (!(n instanceof Expr e) || e.isWithin(c.decl()) || !refersTo(e, c)) return;
            Node p = e.parent();
            if (p instanceof Member mem && mem.object() == e) {
                if ("length".equals(mem.property()) || "size".equals(mem.property())) u.sizeUse(mem);
                else if (mem.parent() instanceof Call call && call.callee() == mem) u.method(call, mem.property(), java);
                else if (mem.isComputed() && mem.parent() instanceof Assign a && a.target() == mem) u.indexedWrite(a, mem);
                else if (mem.isComputed() && mem.parent() instanceof Unary un && "delete".equals(un.op())) u.shrinkAt(un);
                return;
            }
            if (p instanceof Assign a && a.target() == e) {
                // x = x.filter(...), x = new Map(): replaced, so not only growing.
                u.shrinkAt(a);
            } else if (p instanceof Assign a && a.value() == e || p instanceof dev.prodlint.model.stmt.Return
                    || p instanceof dev.prodlint.model.stmt.VarDecl || p instanceof dev.prodlint.model.expr.Property
                    || p instanceof Call call && call.args().contains(e) && !READS.contains(call.methodName())) {
                // Handed to code this file does not show, which may prune it.
                if (u.escape == null) u.escape = e;
            }
        });
        return u;
    }

    private static boolean refersTo(Expr e, LongLived.Collection c) {
        if (c.owner() == null) {
            return e instanceof Name n && n.id().equals(c.name()) && n.symbol() != null && n.symbol().declaration() == c.decl();
        }
        if (e instanceof Member mem && mem.object() instanceof dev.prodlint.model.expr.This && c.name().equals(mem.property())) return true;
        if (e instanceof Name n && n.id().equals(c.name()) && n.symbol() != null && n.symbol().kind() == Symbol.Kind.FIELD) return true;
        // A static field through its class: Registry.HANDLERS
        return e instanceof Member mem && c.name().equals(mem.property()) && mem.object() instanceof Name cls
                && cls.id().equals(c.owner().name());
    }

    private void shrinkAt(Node n) {
        if (shrink == null) shrink = n;
    }

    private void method(Call call, String name, boolean java) {
        if (name == null) return;
        if (SHRINK.contains(name) || name.startsWith("remove")) {
            if (shrink == null) shrink = call;
            return;
        }
        // Nested: map.get(k).add(v), map.computeIfAbsent(k, ...).add(v), values().removeIf(...)
        if ((name.equals("get") || name.equals("computeIfAbsent") || name.equals("values") || name.equals("entrySet")
                || name.equals("keySet")) && unwrapped(call).parent() instanceof Member inner && inner.parent() instanceof Call innerCall
                && innerCall.callee() == inner) {
            String m2 = inner.property();
            if (m2 != null && (SHRINK.contains(m2) || m2.startsWith("remove"))) {
                if (shrink == null) shrink = innerCall;
                return;
            }
            if (m2 != null && (java ? JAVA_GROW : JS_GROW).contains(m2) && !name.equals("values") && !name.equals("entrySet")) {
                grow(innerCall, call.arg(0), innerCall.arg(0));
                return;
            }
        }
        if (name.equals("iterator") && shrink == null) {
            // it = map.entrySet().iterator(); ... it.remove(): assume the loop prunes.
            shrink = call;
            return;
        }
        if ((java ? JAVA_GROW : JS_GROW).contains(name)) {
            grow(call, call.arg(0), call.args().size() >= 2 ? call.arg(1) : call.arg(0));
        }
    }

    /** The outermost wrapper of an expression: map.get(k)! in TypeScript, a cast in Java. */
    private static Node unwrapped(Expr e) {
        Node n = e;
        while (n.parent() instanceof dev.prodlint.model.expr.Cast || n.parent() instanceof dev.prodlint.model.expr.Await) n = n.parent();
        return n;
    }

    private void grow(Call call, Expr key, Expr value) {
        growth.add(new Growth(call, key, value, call.enclosingFunction()));
    }

    private void indexedWrite(Assign a, Member mem) {
        if (a.value() != null && a.value().unwrap() instanceof Literal l && (l.isNullish())) {
            if (shrink == null) shrink = a;
            return;
        }
        FunctionDecl f = a.enclosingFunction();
        growth.add(new Growth(null, mem.index(), a.value(), f));
        lastIndexed = a;
    }

    /** The last indexed write, for locations (growth by assignment has no call). */
    Assign lastIndexed;

    /** x.size > MAX, x.length >= LIMIT: a bound the code enforces; x.length = 0 empties it. */
    private void sizeUse(Member mem) {
        if (mem.parent() instanceof Assign a && a.target() == mem) {
            if (shrink == null) shrink = a;
        } else if (mem.parent() instanceof Binary b && Set.of(">", ">=", "<", "<=", "==", "===").contains(b.op())) {
            if (bound == null) bound = b;
        } else if (mem.parent() instanceof Call sc && sc.callee() == mem && sc.parent() instanceof Binary b
                && Set.of(">", ">=", "<", "<=", "==").contains(b.op())) {
            if (bound == null) bound = b;
        }
    }

}
