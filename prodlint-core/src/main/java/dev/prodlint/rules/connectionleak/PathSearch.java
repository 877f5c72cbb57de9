package dev.prodlint.rules.connectionleak;

import dev.prodlint.cfg.CfgNode;
import dev.prodlint.cfg.ControlFlowGraph;
import dev.prodlint.cfg.Edge;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Breadth-first search for a path through a control flow graph, from the nodes right after an
 * acquisition to a goal, avoiding nodes that end the search (a release). BFS finds the shortest
 * path, which reads best in a message.
 */
final class PathSearch {
    /** A path found: its edges in order (the first leaves a start node). */
    record Path(List<Edge> edges, CfgNode end) {
        /**
         * The failure to blame: the last exception edge that leaves a call rather than a
         * {@code throw} (a rethrow in a catch only passes the failure on), or with {@code first} the
         * first such edge. Null when the path completes normally.
         */
        Edge blame(boolean first) {
            Edge fallback = null;
            for (int k = 0; k < edges.size(); k++) {
                Edge e = edges.get(first ? k : edges.size() - 1 - k);
                if (e.kind() != Edge.Kind.EXCEPTION) continue;
                if (!(e.from().element() instanceof dev.prodlint.model.stmt.Throw)) return e;
                if (fallback == null || !first) fallback = e;
            }
            return fallback;
        }

        /** The last node before the goal. */
        CfgNode last() {
            return edges.isEmpty() ? end : edges.get(edges.size() - 1).from();
        }
    }

    /**
     * @param starts     where the search begins (already past the acquisition)
     * @param stop       nodes the path may not pass (the search ends there, successfully for the code)
     * @param follow     which edges may be taken
     * @param goal       a node where a bad path ends; checked with whether an exception edge was taken
     * @param needsException only paths that took an exception edge reach a goal
     */
    static Path find(ControlFlowGraph g, List<CfgNode> starts, Predicate<CfgNode> stop, Predicate<Edge> follow,
                     Predicate<CfgNode> goal, boolean needsException) {
        // State: node id * 2 + (exception taken ? 1 : 0).
        Map<Integer, Edge> via = new HashMap<>();
        Map<Integer, Integer> from = new HashMap<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        List<CfgNode> nodes = g.nodes();
        for (CfgNode s : starts) {
            int state = s.id() * 2;
            if (from.putIfAbsent(state, -1) == null) queue.add(state);
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            CfgNode n = nodes.get(state / 2);
            boolean exc = (state & 1) == 1;
            if (goal.test(n) && (exc || !needsException)) return rebuild(state, via, from, n);
            if (stop.test(n)) continue;
            for (Edge e : n.successors()) {
                if (!follow.test(e)) continue;
                boolean nextExc = exc || e.kind() == Edge.Kind.EXCEPTION;
                int next = e.to().id() * 2 + (nextExc ? 1 : 0);
                if (from.containsKey(next)) continue;
                from.put(next, state);
                via.put(next, e);
                queue.add(next);
            }
        }
        return null;
    }

    private static Path rebuild(int state, Map<Integer, Edge> via, Map<Integer, Integer> from, CfgNode end) {
        List<Edge> edges = new ArrayList<>();
        int s = state;
        while (from.get(s) != -1) {
            edges.add(via.get(s));
            s = from.get(s);
        }
        Collections.reverse(edges);
        return new Path(edges, end);
    }
}
