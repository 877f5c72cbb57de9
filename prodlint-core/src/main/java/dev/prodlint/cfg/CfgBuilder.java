package dev.prodlint.cfg;

import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Node;
import dev.prodlint.model.expr.Await;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Literal;
import dev.prodlint.model.expr.New;
import dev.prodlint.model.stmt.Block;
import dev.prodlint.model.stmt.Catch;
import dev.prodlint.model.stmt.Declaration;
import dev.prodlint.model.stmt.If;
import dev.prodlint.model.stmt.Jump;
import dev.prodlint.model.stmt.Labeled;
import dev.prodlint.model.stmt.Loop;
import dev.prodlint.model.stmt.Return;
import dev.prodlint.model.stmt.Stmt;
import dev.prodlint.model.stmt.Switch;
import dev.prodlint.model.stmt.SwitchCase;
import dev.prodlint.model.stmt.Synchronized;
import dev.prodlint.model.stmt.Throw;
import dev.prodlint.model.stmt.Try;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds a {@link ControlFlowGraph}; statement nesting is bounded by the frontends' depth cap. */
final class CfgBuilder {
    /** A dangling edge: control leaves {@code node} along {@code kind} to wherever comes next. */
    record Pred(CfgNode node, Edge.Kind kind, boolean uncheckedOnly) {
        Pred(CfgNode node, Edge.Kind kind) {
            this(node, kind, false);
        }

        Pred unchecked() {
            return new Pred(node, kind, true);
        }
    }

    private final FunctionDecl function;
    private final ControlFlowGraph g;

    CfgBuilder(FunctionDecl function) {
        this.function = function;
        this.g = new ControlFlowGraph(function);
    }

    ControlFlowGraph build() {
        g.entry = g.newNode(CfgNode.Kind.ENTRY, null, false);
        g.exit = g.newNode(CfgNode.Kind.EXIT, null, false);
        g.throwExit = g.newNode(CfgNode.Kind.THROW_EXIT, null, false);
        Ctx top = new FunctionCtx();
        List<Pred> ends = function.body() == null ? List.of(new Pred(g.entry, Edge.Kind.NORMAL))
                : stmt(function.body(), List.of(new Pred(g.entry, Edge.Kind.NORMAL)), top);
        connectAll(ends, g.exit);
        return g;
    }

    private static void connectAll(List<Pred> preds, CfgNode to) {
        for (Pred p : preds) ControlFlowGraph.connect(p.node(), to, p.kind(), p.uncheckedOnly());
    }

    private CfgNode simple(CfgNode.Kind kind, Node element, List<Pred> preds, Ctx ctx) {
        boolean mayThrow = element != null && containsThrowing(element);
        CfgNode n = g.newNode(kind, element, mayThrow);
        connectAll(preds, n);
        if (mayThrow) ctx.throwFrom(new Pred(n, Edge.Kind.EXCEPTION));
        return n;
    }

    /** {@code while (true)}, {@code while (1)}: the loop ends only by break, return or throw. */
    private static boolean isConstantTrue(Expr e) {
        if (e == null) return false;
        return e.unwrap() instanceof Literal lit
                && (("true".equals(lit.value()) && lit.kind() == Literal.Kind.BOOLEAN)
                    || ("1".equals(lit.value()) && lit.kind() == Literal.Kind.NUMBER));
    }

    /** Calls, constructions and awaits can throw; code in nested functions runs elsewhere. */
    static boolean containsThrowing(Node element) {
        boolean[] found = {false};
        element.walk(n -> {
            if (n instanceof Call || n instanceof New || n instanceof Await) found[0] = true;
        }, true);
        return found[0];
    }

    private List<Pred> stmts(List<? extends Stmt> list, List<Pred> preds, Ctx ctx) {
        List<Pred> cur = preds;
        for (Stmt s : list) cur = stmt(s, cur, ctx);
        return cur;
    }

    private List<Pred> stmt(Stmt s, List<Pred> preds, Ctx ctx) {
        if (s instanceof Block b) return stmts(b.statements(), preds, ctx);
        if (s instanceof If i) {
            CfgNode c = simple(CfgNode.Kind.CONDITION, i.condition(), preds, ctx);
            List<Pred> out = new ArrayList<>(stmt(i.then(), List.of(new Pred(c, Edge.Kind.TRUE)), ctx));
            if (i.otherwise() != null) out.addAll(stmt(i.otherwise(), List.of(new Pred(c, Edge.Kind.FALSE)), ctx));
            else out.add(new Pred(c, Edge.Kind.FALSE));
            return out;
        }
        if (s instanceof Loop l) return loop(l, null, preds, ctx);
        if (s instanceof Labeled l) {
            if (l.body() instanceof Loop loop) return loop(loop, l.label(), preds, ctx);
            BreakCtx bc = new BreakCtx(ctx, l.label(), false);
            List<Pred> out = new ArrayList<>(stmt(l.body(), preds, bc));
            out.addAll(bc.breaks);
            return out;
        }
        if (s instanceof Switch sw) return switchStmt(sw, preds, ctx);
        if (s instanceof Try t) return tryStmt(t, preds, ctx);
        if (s instanceof Return r) {
            CfgNode n = simple(CfgNode.Kind.STATEMENT, r, preds, ctx);
            ctx.returnFrom(new Pred(n, Edge.Kind.NORMAL));
            return List.of();
        }
        if (s instanceof Throw t) {
            CfgNode n = g.newNode(CfgNode.Kind.STATEMENT, t, true);
            connectAll(preds, n);
            ctx.throwFrom(new Pred(n, Edge.Kind.EXCEPTION));
            return List.of();
        }
        if (s instanceof Jump j) {
            CfgNode n = simple(CfgNode.Kind.STATEMENT, j, preds, ctx);
            if (j.kind() == Jump.Kind.BREAK) ctx.breakFrom(new Pred(n, Edge.Kind.NORMAL), j.label());
            else ctx.continueFrom(new Pred(n, Edge.Kind.NORMAL), j.label());
            return List.of();
        }
        if (s instanceof Synchronized sy) {
            CfgNode n = simple(CfgNode.Kind.STATEMENT, sy.lock(), preds, ctx);
            return stmt(sy.body(), List.of(new Pred(n, Edge.Kind.NORMAL)), ctx);
        }
        if (s instanceof Declaration) return preds;
        CfgNode n = simple(CfgNode.Kind.STATEMENT, s, preds, ctx);
        return List.of(new Pred(n, Edge.Kind.NORMAL));
    }

    private List<Pred> loop(Loop l, String label, List<Pred> preds, Ctx ctx) {
        List<Pred> cur = stmts(l.init(), preds, ctx);
        LoopCtx lc = new LoopCtx(ctx, label);
        List<Pred> exits = new ArrayList<>();
        switch (l.kind()) {
            case WHILE, FOR -> {
                Expr condition = isConstantTrue(l.condition()) ? null : l.condition();
                CfgNode head = condition != null
                        ? simple(CfgNode.Kind.CONDITION, condition, cur, ctx)
                        : simple(CfgNode.Kind.JOIN, null, cur, ctx);
                lc.continueTarget = head;
                List<Pred> bodyEnds = stmt(l.body(), List.of(new Pred(head, condition != null ? Edge.Kind.TRUE : Edge.Kind.NORMAL)), lc);
                List<Pred> back = new ArrayList<>(bodyEnds);
                back.addAll(lc.continues);
                for (Node update : l.update()) {
                    CfgNode upd = simple(CfgNode.Kind.STATEMENT, update, back, ctx);
                    back = List.of(new Pred(upd, Edge.Kind.NORMAL));
                }
                connectAll(back, head);
                if (condition != null) exits.add(new Pred(head, Edge.Kind.FALSE));
            }
            case DO_WHILE -> {
                CfgNode start = simple(CfgNode.Kind.JOIN, null, cur, ctx);
                CfgNode cond = g.newNode(CfgNode.Kind.CONDITION, l.condition(), containsThrowing(l.condition()));
                lc.continueTarget = cond;
                List<Pred> bodyEnds = stmt(l.body(), List.of(new Pred(start, Edge.Kind.NORMAL)), lc);
                connectAll(bodyEnds, cond);
                connectAll(lc.continues, cond);
                if (cond.mayThrow()) ctx.throwFrom(new Pred(cond, Edge.Kind.EXCEPTION));
                ControlFlowGraph.connect(cond, start, Edge.Kind.TRUE);
                exits.add(new Pred(cond, Edge.Kind.FALSE));
            }
            case FOR_OF, FOR_IN -> {
                CfgNode head = simple(CfgNode.Kind.CONDITION, l.iterable(), cur, ctx);
                lc.continueTarget = head;
                List<Pred> bodyStart = List.of(new Pred(head, Edge.Kind.TRUE));
                if (l.variable() != null) {
                    CfgNode var = g.newNode(CfgNode.Kind.STATEMENT, l.variable(), false);
                    connectAll(bodyStart, var);
                    bodyStart = List.of(new Pred(var, Edge.Kind.NORMAL));
                }
                List<Pred> bodyEnds = stmt(l.body(), bodyStart, lc);
                connectAll(bodyEnds, head);
                connectAll(lc.continues, head);
                exits.add(new Pred(head, Edge.Kind.FALSE));
            }
        }
        exits.addAll(lc.breaks);
        return exits;
    }

    private List<Pred> switchStmt(Switch sw, List<Pred> preds, Ctx ctx) {
        CfgNode subject = simple(CfgNode.Kind.CONDITION, sw.subject(), preds, ctx);
        BreakCtx bc = new BreakCtx(ctx, null, true);
        List<Pred> out = new ArrayList<>();
        List<Pred> fallthrough = List.of();
        boolean hasDefault = false;
        for (SwitchCase c : sw.cases()) {
            hasDefault |= c.isDefault();
            List<Pred> in = new ArrayList<>(fallthrough);
            in.add(new Pred(subject, Edge.Kind.TRUE));
            List<Pred> ends = stmts(c.body(), in, bc);
            if (c.isArrow()) {
                out.addAll(ends);
                fallthrough = List.of();
            } else {
                fallthrough = ends;
            }
        }
        out.addAll(fallthrough);
        if (!hasDefault) out.add(new Pred(subject, Edge.Kind.FALSE));
        out.addAll(bc.breaks);
        return out;
    }

    private List<Pred> tryStmt(Try t, List<Pred> preds, Ctx ctx) {
        Ctx outer = t.finalizer() != null ? new FinallyCtx(ctx, t.finalizer()) : ctx;
        List<CfgNode> catchEntries = new ArrayList<>();
        for (Catch c : t.catches()) catchEntries.add(g.newNode(CfgNode.Kind.CATCH, c, false));
        Ctx inner = t.catches().isEmpty() ? outer : new CatchCtx(outer, t.catches(), catchEntries);
        List<Pred> ends = new ArrayList<>(stmts(t.resources(), preds, inner));
        ends = new ArrayList<>(stmt(t.body(), ends, inner));
        for (int i = 0; i < t.catches().size(); i++) {
            ends.addAll(stmt(t.catches().get(i).body(), List.of(new Pred(catchEntries.get(i), Edge.Kind.NORMAL)), outer));
        }
        if (t.finalizer() == null) return ends;
        if (ends.isEmpty()) return ends;
        CfgNode fin = g.newNode(CfgNode.Kind.FINALLY, t.finalizer(), false);
        connectAll(ends, fin);
        return stmt(t.finalizer(), List.of(new Pred(fin, Edge.Kind.NORMAL)), ctx);
    }

    // ---- where abrupt completions go ----

    private abstract static class Ctx {
        final Ctx parent;

        Ctx(Ctx parent) {
            this.parent = parent;
        }

        void throwFrom(Pred p) {
            parent.throwFrom(p);
        }

        void returnFrom(Pred p) {
            parent.returnFrom(p);
        }

        void breakFrom(Pred p, String label) {
            parent.breakFrom(p, label);
        }

        void continueFrom(Pred p, String label) {
            parent.continueFrom(p, label);
        }
    }

    private final class FunctionCtx extends Ctx {
        FunctionCtx() {
            super(null);
        }

        @Override
        void throwFrom(Pred p) {
            ControlFlowGraph.connect(p.node(), g.throwExit, p.kind(), p.uncheckedOnly());
        }

        @Override
        void returnFrom(Pred p) {
            ControlFlowGraph.connect(p.node(), g.exit, p.kind());
        }

        @Override
        void breakFrom(Pred p, String label) {
            ControlFlowGraph.connect(p.node(), g.exit, p.kind());
        }

        @Override
        void continueFrom(Pred p, String label) {
            ControlFlowGraph.connect(p.node(), g.exit, p.kind());
        }
    }

    private static class BreakCtx extends Ctx {
        final String label;
        final boolean unlabeled;
        final List<Pred> breaks = new ArrayList<>();

        BreakCtx(Ctx parent, String label, boolean unlabeled) {
            super(parent);
            this.label = label;
            this.unlabeled = unlabeled;
        }

        @Override
        void breakFrom(Pred p, String l) {
            if ((l == null && unlabeled) || (l != null && l.equals(label))) breaks.add(p);
            else parent.breakFrom(p, l);
        }
    }

    private static final class LoopCtx extends BreakCtx {
        CfgNode continueTarget;
        final List<Pred> continues = new ArrayList<>();

        LoopCtx(Ctx parent, String label) {
            super(parent, label, true);
        }

        @Override
        void continueFrom(Pred p, String l) {
            if (l == null || l.equals(label)) continues.add(p);
            else parent.continueFrom(p, l);
        }
    }

    private static final class CatchCtx extends Ctx {
        private final List<Catch> catches;
        private final List<CfgNode> entries;

        CatchCtx(Ctx parent, List<Catch> catches, List<CfgNode> entries) {
            super(parent);
            this.catches = catches;
            this.entries = entries;
        }

        @Override
        void throwFrom(Pred p) {
            boolean caughtAll = false;
            for (int i = 0; i < catches.size(); i++) {
                ControlFlowGraph.connect(p.node(), entries.get(i), p.kind(), p.uncheckedOnly());
                caughtAll |= catches.get(i).catchesAll();
            }
            // A typed Java catch does not stop unchecked exceptions.
            if (!caughtAll) parent.throwFrom(p.unchecked());
        }
    }

    /** Inside try-with-finally: every way out runs a copy of the finally block first. */
    private final class FinallyCtx extends Ctx {
        private final Block finalizer;
        private final Map<String, CfgNode> copies = new HashMap<>();

        FinallyCtx(Ctx parent, Block finalizer) {
            super(parent);
            this.finalizer = finalizer;
        }

        private CfgNode copy(String key, java.util.function.Consumer<Pred> then) {
            CfgNode existing = copies.get(key);
            if (existing != null) return existing;
            CfgNode fin = g.newNode(CfgNode.Kind.FINALLY, finalizer, false);
            copies.put(key, fin);
            for (Pred end : stmt(finalizer, List.of(new Pred(fin, Edge.Kind.NORMAL)), parent)) then.accept(end);
            return fin;
        }

        @Override
        void throwFrom(Pred p) {
            ControlFlowGraph.connect(p.node(), copy("throw", parent::throwFrom), p.kind(), p.uncheckedOnly());
        }

        @Override
        void returnFrom(Pred p) {
            ControlFlowGraph.connect(p.node(), copy("return", parent::returnFrom), p.kind());
        }

        @Override
        void breakFrom(Pred p, String label) {
            ControlFlowGraph.connect(p.node(), copy("break:" + label, e -> parent.breakFrom(e, label)), p.kind());
        }

        @Override
        void continueFrom(Pred p, String label) {
            ControlFlowGraph.connect(p.node(), copy("continue:" + label, e -> parent.continueFrom(e, label)), p.kind());
        }
    }
}
