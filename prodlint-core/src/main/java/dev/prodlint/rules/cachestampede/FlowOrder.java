package dev.prodlint.rules.cachestampede;

import dev.prodlint.cfg.CfgNode;
import dev.prodlint.cfg.ControlFlowGraph;
import dev.prodlint.cfg.Edge;
import dev.prodlint.model.Node;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Order questions about code in one function's control flow graph: does this run after that, can
 * the function finish without running it, does that always run first. Code inside a callback is
 * placed at the statement that passes the callback, which is where a promise chain or a lock's
 * callback starts.
 */
final class FlowOrder {
    private final ControlFlowGraph cfg;

    FlowOrder(ControlFlowGraph cfg) {
        this.cfg = cfg;
    }

    ControlFlowGraph cfg() {
        return cfg;
    }

    /** The nodes of the statement or condition of this function that holds {@code n}; empty outside it. */
    List<CfgNode> anchors(Node n) {
        for (Node c = n; c != null; c = c.parent()) {
            List<CfgNode> nodes = cfg.nodesOf(c);
            if (!nodes.isEmpty()) return nodes;
            if (c == cfg.function()) return List.of();
        }
        return List.of();
    }

    boolean contains(Node n) {
        return !anchors(n).isEmpty();
    }

    /** True when some normal path leads from {@code from} (after it) to {@code to}, not passing {@code avoid}. */
    boolean reaches(Collection<CfgNode> from, Collection<CfgNode> to, Collection<CfgNode> avoid) {
        BitSet goal = ids(to);
        BitSet blocked = ids(avoid);
        BitSet seen = new BitSet();
        ArrayDeque<CfgNode> queue = new ArrayDeque<>();
        for (CfgNode f : from) {
            for (Edge e : f.successors()) push(e, queue, seen, blocked);
        }
        while (!queue.isEmpty()) {
            CfgNode n = queue.poll();
            if (goal.get(n.id())) return true;
            for (Edge e : n.successors()) push(e, queue, seen, blocked);
        }
        return false;
    }

    /** True when {@code b} runs after {@code a} on some path, or both sit in one statement. */
    boolean after(Node a, Node b) {
        List<CfgNode> na = anchors(a);
        List<CfgNode> nb = anchors(b);
        if (na.isEmpty() || nb.isEmpty()) return false;
        if (na.equals(nb)) return true;
        return reaches(na, nb, List.of());
    }

    /** True when every path from the entry to {@code b} passes {@code a} first. */
    boolean alwaysBefore(Node a, Node b) {
        List<CfgNode> na = anchors(a);
        List<CfgNode> nb = anchors(b);
        if (na.isEmpty() || nb.isEmpty()) return false;
        if (na.equals(nb)) return a.range().startOffset() <= b.range().startOffset() && !(a != b && b.isWithin(a));
        return !reaches(List.of(cfg.entry()), nb, na) && !nb.contains(cfg.entry());
    }

    /** True when the function can reach its normal end from {@code from} without running {@code n}. */
    boolean canFinishWithout(Collection<CfgNode> from, Node n) {
        return reaches(from, Set.of(cfg.exit()), anchors(n));
    }

    private static void push(Edge e, ArrayDeque<CfgNode> queue, BitSet seen, BitSet blocked) {
        if (e.kind() == Edge.Kind.EXCEPTION) return;
        CfgNode to = e.to();
        if (blocked.get(to.id()) || seen.get(to.id())) return;
        seen.set(to.id());
        queue.add(to);
    }

    private static BitSet ids(Collection<CfgNode> nodes) {
        BitSet b = new BitSet();
        for (CfgNode n : nodes) b.set(n.id());
        return b;
    }
}
