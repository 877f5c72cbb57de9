package dev.prodlint.cfg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodlint.Lowered;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.expr.Call;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ControlFlowGraphTest {
    private static CfgNode nodeOfCall(ControlFlowGraph g, String method) {
        return g.nodes().stream()
                .filter(n -> n.kind() == CfgNode.Kind.STATEMENT && n.element() != null
                        && Lowered.all(n.element(), Call.class).stream().anyMatch(c -> method.equals(c.methodName())))
                .findFirst().orElseThrow(() -> new AssertionError("no node calling " + method));
    }

    private static boolean reaches(CfgNode from, CfgNode to, Set<Edge.Kind> kinds) {
        ArrayDeque<CfgNode> q = new ArrayDeque<>(List.of(from));
        Set<CfgNode> seen = new HashSet<>();
        while (!q.isEmpty()) {
            CfgNode n = q.poll();
            if (n == to) return true;
            if (!seen.add(n)) continue;
            for (Edge e : n.successors()) if (kinds.contains(e.kind())) q.add(e.to());
        }
        return false;
    }

    @Test
    void finallyRunsOnNormalAndExceptionalPaths() {
        SourceModule m = Lowered.ts("""
                async function f() {
                  try { await work(); } finally { cleanup(); }
                  after();
                }
                """);
        ControlFlowGraph g = ControlFlowGraph.build(Lowered.function(m, "f"));
        CfgNode work = nodeOfCall(g, "work");
        assertThat(work.successors()).anyMatch(e -> e.kind() == Edge.Kind.EXCEPTION);
        List<CfgNode> cleanups = g.nodesOf(Lowered.all(Lowered.function(m, "f"), dev.prodlint.model.stmt.ExprStmt.class).stream()
                .filter(s -> Lowered.all(s, Call.class).stream().anyMatch(c -> "cleanup".equals(c.methodName())))
                .findFirst().orElseThrow());
        assertThat(cleanups).hasSize(2);
        Set<Edge.Kind> all = Set.of(Edge.Kind.values());
        assertThat(reaches(work, g.throwExit(), all)).isTrue();
        assertThat(reaches(work, g.exit(), all)).isTrue();
        CfgNode after = nodeOfCall(g, "after");
        assertThat(reaches(work, after, Set.of(Edge.Kind.NORMAL))).isTrue();
    }

    @Test
    void returnInsideTryRunsFinallyFirst() {
        SourceModule m = Lowered.ts("""
                function f(x) {
                  try { if (x) return 1; step(); } finally { cleanup(); }
                  return 2;
                }
                """);
        FunctionDecl f = Lowered.function(m, "f");
        ControlFlowGraph g = ControlFlowGraph.build(f);
        dev.prodlint.model.stmt.Return early = Lowered.all(f, dev.prodlint.model.stmt.Return.class).get(0);
        CfgNode ret = g.nodesOf(early).get(0);
        assertThat(ret.successors()).hasSize(1);
        assertThat(ret.successors().get(0).to().kind()).isEqualTo(CfgNode.Kind.FINALLY);
        assertThat(reaches(ret, g.exit(), Set.of(Edge.Kind.NORMAL))).isTrue();
        CfgNode cleanupAfterReturn = nodeOfCall(g, "cleanup");
        assertThat(g.nodes().stream().filter(n -> n.kind() == CfgNode.Kind.FINALLY)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(cleanupAfterReturn).isNotNull();
    }

    @Test
    void javaTypedCatchLetsUncheckedExceptionsThrough() {
        SourceModule m = Lowered.java("""
                class A {
                    void f() {
                        try { work(); } catch (java.io.IOException e) { handle(); }
                    }
                }
                """);
        ControlFlowGraph g = ControlFlowGraph.build(Lowered.function(m, "f"));
        CfgNode work = nodeOfCall(g, "work");
        assertThat(work.successors()).anyMatch(e -> e.to() == g.throwExit());
        assertThat(work.successors()).anyMatch(e -> e.to().kind() == CfgNode.Kind.CATCH);
    }

    @Test
    void loopsBreakAndContinue() {
        SourceModule m = Lowered.ts("""
                function f(xs) {
                  for (const x of xs) { if (x) continue; if (!x) break; use(x); }
                  done();
                }
                """);
        ControlFlowGraph g = ControlFlowGraph.build(Lowered.function(m, "f"));
        CfgNode use = nodeOfCall(g, "use");
        CfgNode done = nodeOfCall(g, "done");
        assertThat(reaches(g.entry(), use, Set.of(Edge.Kind.values()))).isTrue();
        assertThat(reaches(use, done, Set.of(Edge.Kind.values()))).isTrue();
        assertThat(reaches(done, use, Set.of(Edge.Kind.values()))).isFalse();
    }
}
