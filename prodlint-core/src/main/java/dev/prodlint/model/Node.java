package dev.prodlint.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** A node of the language-neutral program model. Every node knows its source range and parent. */
public abstract class Node {
    private final SourceRange range;
    private Node parent;

    protected Node(SourceRange range) {
        this.range = range == null ? SourceRange.NONE : range;
    }

    public SourceRange range() {
        return range;
    }

    public Node parent() {
        return parent;
    }

    /** The direct children, in source order. Never null; may contain no nulls. */
    public abstract List<? extends Node> children();

    /** Sets parent links below this node, iteratively (input depth is unbounded). */
    public void linkParents() {
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(this);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            for (Node c : n.children()) {
                c.parent = n;
                stack.push(c);
            }
        }
    }

    /** How many levels the tree below this node goes down (this node alone: 1), counted iteratively. */
    public int depth() {
        Deque<Node> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(this);
        depths.push(1);
        int max = 0;
        while (!nodes.isEmpty()) {
            Node n = nodes.pop();
            int d = depths.pop();
            if (d > max) max = d;
            for (Node c : n.children()) {
                nodes.push(c);
                depths.push(d + 1);
            }
        }
        return max;
    }

    /** The innermost function that contains this node, or null at module level. */
    public FunctionDecl enclosingFunction() {
        for (Node p = parent; p != null; p = p.parent) {
            if (p instanceof FunctionDecl f) return f;
        }
        return null;
    }

    /** True when this node is {@code outer} or lies inside it. */
    public boolean isWithin(Node outer) {
        for (Node p = this; p != null; p = p.parent) {
            if (p == outer) return true;
        }
        return false;
    }

    public <T extends Node> T ancestor(Class<T> type) {
        for (Node p = parent; p != null; p = p.parent) {
            if (type.isInstance(p)) return type.cast(p);
        }
        return null;
    }

    /** Visits this node and its descendants in pre-order, iteratively. */
    public void walk(Consumer<Node> visitor) {
        walk(visitor, false);
    }

    /**
     * Visits this node and its descendants in pre-order; with {@code stopAtFunctions} the bodies of
     * nested functions are not entered (their code runs at another time).
     */
    public void walk(Consumer<Node> visitor, boolean stopAtFunctions) {
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(this);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            visitor.accept(n);
            if (stopAtFunctions && n != this && n instanceof FunctionDecl) continue;
            List<? extends Node> cs = n.children();
            for (int i = cs.size() - 1; i >= 0; i--) stack.push(cs.get(i));
        }
    }
}
