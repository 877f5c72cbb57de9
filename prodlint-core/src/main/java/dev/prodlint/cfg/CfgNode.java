package dev.prodlint.cfg;

import dev.prodlint.model.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * A node of a control flow graph: one simple statement, one branch condition, or a synthetic point
 * (entry, exits, catch entry, finally entry, join). A finally block appears once per way of leaving
 * its try (normal, exception, return, break), so one statement may have several nodes.
 */
public final class CfgNode {
    public enum Kind { ENTRY, EXIT, THROW_EXIT, STATEMENT, CONDITION, CATCH, FINALLY, JOIN }

    private final int id;
    private final Kind kind;
    private final Node element;
    private final boolean mayThrow;
    final List<Edge> successors = new ArrayList<>(2);
    final List<Edge> predecessors = new ArrayList<>(2);

    CfgNode(int id, Kind kind, Node element, boolean mayThrow) {
        this.id = id;
        this.kind = kind;
        this.element = element;
        this.mayThrow = mayThrow;
    }

    public int id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * For STATEMENT: a simple statement (or a loop update expression); for CONDITION: the tested
     * expression; for CATCH: the clause; for FINALLY: the block; null for the rest.
     */
    public Node element() {
        return element;
    }

    /** True when the element contains a call, {@code new}, {@code await} or {@code throw}. */
    public boolean mayThrow() {
        return mayThrow;
    }

    public List<Edge> successors() {
        return successors;
    }

    public List<Edge> predecessors() {
        return predecessors;
    }

    @Override
    public String toString() {
        return kind + "#" + id + (element == null ? "" : "@" + element.range().startLine());
    }
}
