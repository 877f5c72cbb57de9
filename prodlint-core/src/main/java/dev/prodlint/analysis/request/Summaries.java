package dev.prodlint.analysis.request;

import dev.prodlint.analysis.LocalFunctions;
import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.model.ClassDecl;
import dev.prodlint.model.FieldDecl;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.TypeRef;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.New;
import dev.prodlint.model.expr.This;
import dev.prodlint.model.stmt.Return;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-function summaries of the same file's helpers: which parameters reach a database write or
 * filter (and as what), and which flow into the return value. A handler that calls
 * {@code orderService.getOrders(req.query.userId)} is judged by the query inside getOrders.
 */
public final class Summaries {
    private static final int MAX_NESTING = 3;

    /**
     * @param sinks    database slots a parameter reaches, with the taint it arrives as
     * @param returned the parameters whose values the helper returns
     */
    public record Summary(FunctionDecl function, List<ParamSink> sinks, Set<Integer> returned, List<Mutation> mutations) {
    }

    /** The helper stores parameter {@code source} (as {@code as}) into parameter {@code target}: applyForm(entity, form). */
    public record Mutation(int target, int source, Taint as) {
    }

    /** Parameter {@code param} reaches {@code slot}; {@code as} says whether whole or as which field. */
    public record ParamSink(int param, DataSinks.Slot slot, Taint as) {
    }

    private final ModuleContext ctx;
    private final DataSinks sinks;
    private final Map<FunctionDecl, Summary> done = new IdentityHashMap<>();
    private final Map<FunctionDecl, Boolean> running = new IdentityHashMap<>();
    private final Map<Call, Summary> byCall = new IdentityHashMap<>();

    public Summaries(ModuleContext ctx, DataSinks sinks) {
        this.ctx = ctx;
        this.sinks = sinks;
    }

    public DataSinks sinks() {
        return sinks;
    }

    /** The summary of the function a call reaches (in this file, else in the project index), or null. */
    public Summary of(Call c) {
        // asked for every call on each pass of every flow: resolve each call once
        if (byCall.containsKey(c)) return byCall.get(c);
        FunctionDecl f = callee(c);
        Summary s = f == null || f.body() == null ? external(c) : of(f);
        // a same-file helper not summarised yet (recursion, nesting limit) may give more later: not kept
        if (s != null || f == null) byCall.put(c, s);
        return s;
    }

    /** The summary of a function of this file. */
    public Summary of(FunctionDecl f) {
        if (f.body() == null) return null;
        Summary s = done.get(f);
        if (s != null) return s;
        if (running.containsKey(f) || running.size() >= MAX_NESTING) return null;
        running.put(f, Boolean.TRUE);
        try {
            s = compute(f);
        } finally {
            running.remove(f);
        }
        done.put(f, s);
        return s;
    }

    private Summary compute(FunctionDecl f) {
        RequestFlow flow = RequestFlow.ofHelper(ctx, f, this);
        List<ParamSink> out = new ArrayList<>();
        for (DataSinks.Slot slot : sinks.in(f)) {
            for (Taint t : flow.of(slot.value())) {
                if (t.origin() == Taint.Origin.PARAM) out.add(new ParamSink(t.param(), slot, t));
            }
        }
        for (Call c : LocalFunctions.callsIn(f.body(), f)) {
            Summary inner = of(c);
            if (inner != null && inner.function() != f) {
                for (ParamSink ps : inner.sinks()) {
                    if (ps.param() >= c.args().size()) continue;
                    for (Taint t : arriving(flow.of(c.arg(ps.param())), ps.as())) {
                        if (t.origin() == Taint.Origin.PARAM) out.add(new ParamSink(t.param(), ps.slot(), t));
                    }
                }
            }
        }
        Set<Integer> returned = new LinkedHashSet<>();
        f.body().walk(n -> {
            if (n instanceof Return r && r.value() != null && r.enclosingFunction() == f) {
                // a checked parameter returned (the root id after an equals test) is the helper's own value
                for (Taint t : flow.of(r.value())) if (t.origin() == Taint.Origin.PARAM && t.whole() && !t.validated()) returned.add(t.param());
            }
        }, true);
        List<Mutation> mutations = new ArrayList<>();
        for (int j = 0; j < f.params().size(); j++) {
            for (Taint t : flow.taintsOf(f.params().get(j))) {
                if (t.origin() == Taint.Origin.PARAM && t.param() != j) mutations.add(new Mutation(j, t.param(), t));
            }
        }
        return new Summary(f, out, returned, mutations);
    }

    /** A function of another file, through the project index. */
    private Summary external(Call c) {
        ProjectSummaries index = ctx.facts().summaries();
        if (index.isEmpty()) return null;
        ProjectSummaries.External e = null;
        for (String key : ExternalCallees.keys(ctx, c)) {
            e = index.lookup(key);
            if (e != null) break;
        }
        if (e == null) return null;
        List<ParamSink> out = new ArrayList<>();
        for (ProjectSummaries.Sink s : e.sinks()) {
            if (s.param() >= c.args().size()) continue;
            DataSinks.Slot slot = new DataSinks.Slot(c, s.kind(), s.column(), c.arg(s.param()), s.slotWhole(), s.what(),
                    new DataSinks.Elsewhere(s.path(), s.range(), s.write()));
            out.add(new ParamSink(s.param(), slot, new Taint(Taint.Origin.PARAM, s.field(), s.whole(), s.validated(), c.arg(s.param()), s.param(), s.copied())));
        }
        return new Summary(null, out, e.returned(), List.of());
    }

    /** What a caller's values become at a helper's sink, a field the server set overriding the client's. */
    static Set<Taint> arriving(Set<Taint> values, Taint as) {
        if (!as.whole()) {
            Set<Taint> out = new LinkedHashSet<>();
            for (Taint t : RequestFlow.fieldOf(values, as.field())) out.add(as.validated() ? t.asValidated() : t);
            return out;
        }
        Set<Taint> out = new LinkedHashSet<>();
        for (Taint t : values) out.add(arriving(t, as));
        return out;
    }

    /** What a caller's value becomes at a helper's sink: itself, a copy of it, or one of its fields. */
    static Taint arriving(Taint value, Taint as) {
        Taint t = !as.whole() ? value.field(as.field()) : as.copied() && value.whole() ? value.asCopy() : value;
        // the helper validates its parameter before the write
        return as.validated() ? t.asValidated() : t;
    }

    /**
     * A helper of this file: a function or this.method (LocalFunctions), or a method of a class this
     * file declares, called on a variable or field holding it ({@code orderService.getOrders(id)}).
     */
    FunctionDecl callee(Call c) {
        FunctionDecl f = LocalFunctions.callee(c);
        if (f != null) return f;
        Expr recv = c.receiver();
        if (recv == null || c.methodName() == null) return null;
        String cls = classOf(recv.unwrap());
        if (cls == null) return null;
        for (ClassDecl k : ctx.module().allClasses()) {
            if (!cls.equals(k.name())) continue;
            for (FunctionDecl m : k.methods(c.methodName())) {
                if (m.body() != null && m.params().size() == c.args().size()) return m;
            }
        }
        return null;
    }

    private String classOf(Expr e) {
        if (e instanceof Name n) {
            Symbol s = n.symbol();
            if (s == null) return null;
            if (s.kind() == Symbol.Kind.CLASS) return s.name();
            if (s.declaredType() != null) return simple(s.declaredType());
            if (s.initializer() != null && s.initializer().unwrap() instanceof New nw) return newClass(nw);
            return null;
        }
        if (e instanceof Member m && m.object() instanceof This && m.property() != null) {
            FieldDecl fd = dev.prodlint.analysis.TypeOracle.enclosingField(m, m.property());
            if (fd == null) return null;
            if (fd.type() != null) return simple(fd.type());
            if (fd.initializer() != null && fd.initializer().unwrap() instanceof New nw) return newClass(nw);
        }
        return null;
    }

    private static String newClass(New nw) {
        if (nw.type() != null) return simple(nw.type());
        return nw.callee() != null && nw.callee().unwrap() instanceof Name n ? n.id() : null;
    }

    private static String simple(TypeRef t) {
        return t.simpleName();
    }
}
