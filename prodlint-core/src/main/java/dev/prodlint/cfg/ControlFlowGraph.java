package dev.prodlint.cfg;

import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The control flow graph of one function, with exceptional edges: every node that can throw has an
 * EXCEPTION edge to its handler (a catch, a finally copy, or the throw exit), and finally blocks
 * run on every way out of their try.
 */
public final class ControlFlowGraph {
    private final FunctionDecl function;
    final List<CfgNode> nodes = new ArrayList<>();
    final Map<Node, List<CfgNode>> byElement = new IdentityHashMap<>();
    CfgNode entry;
    CfgNode exit;
    CfgNode throwExit;

    ControlFlowGraph(FunctionDecl function) {
        this.function = function;
    }

    public static ControlFlowGraph build(FunctionDecl function) {
        return new CfgBuilder(function).build();
    }

    public FunctionDecl function() {
        return function;
    }

    public CfgNode entry() {
        return entry;
    }

    /** Normal completion: a return or falling off the end. */
    public CfgNode exit() {
        return exit;
    }

    /** Abrupt completion: an exception escapes the function. */
    public CfgNode throwExit() {
        return throwExit;
    }

    public List<CfgNode> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    /** The nodes standing for a statement or condition (several when inside a finally). */
    public List<CfgNode> nodesOf(Node element) {
        return byElement.getOrDefault(element, List.of());
    }

    CfgNode newNode(CfgNode.Kind kind, Node element, boolean mayThrow) {
        CfgNode n = new CfgNode(nodes.size(), kind, element, mayThrow);
        nodes.add(n);
        if (element != null) byElement.computeIfAbsent(element, k -> new ArrayList<>(1)).add(n);
        return n;
    }

    static void connect(CfgNode from, CfgNode to, Edge.Kind kind) {
        connect(from, to, kind, false);
    }

    static void connect(CfgNode from, CfgNode to, Edge.Kind kind, boolean uncheckedOnly) {
        Edge e = new Edge(from, to, kind, uncheckedOnly);
        from.successors.add(e);
        to.predecessors.add(e);
    }
}
