package dev.prodlint.analysis.request;

import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.model.ClassDecl;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.TypeRef;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.New;
import dev.prodlint.model.stmt.VarDecl;
import java.util.ArrayList;
import java.util.List;

/**
 * The first pass: puts into the project index what each function and method of one file does with
 * its parameters at the database, under the keys other files call it by.
 */
public final class SummaryIndexer {
    private SummaryIndexer() {
    }

    public static void index(ModuleContext ctx, ProjectSummaries out) {
        DataSinks sinks = new DataSinks(ctx);
        Summaries sums = new Summaries(ctx, sinks);
        String path = ctx.module().path();
        for (FunctionDecl f : ctx.module().allFunctions()) {
            if (f.body() == null || f.name() == null) continue;
            List<String> keys = new ArrayList<>();
            ClassDecl owner = f.owner();
            if (owner != null && owner.name() != null) {
                if (f.modifiers().contains("private")) continue;
                keys.add(ProjectSummaries.methodKey(owner.name(), f.name(), f.params().size()));
                for (TypeRef t : owner.interfaces()) keys.add(ProjectSummaries.methodKey(t.simpleName(), f.name(), f.params().size()));
            } else if (f.enclosingFunction() != null && f.enclosingFunction().kind() == FunctionDecl.Kind.MODULE_BODY) {
                keys.add(ProjectSummaries.functionKey(path, f.name()));
            } else {
                continue;
            }
            Summaries.Summary s = sums.of(f);
            if (s == null || s.sinks().isEmpty() && s.returned().isEmpty()) continue;
            List<ProjectSummaries.Sink> list = new ArrayList<>();
            for (Summaries.ParamSink ps : s.sinks()) {
                DataSinks.Slot slot = ps.slot();
                dev.prodlint.model.expr.Expr anchor = sinks.anchor(slot);
                boolean write = sinks.isWrite(slot, anchor);
                list.add(new ProjectSummaries.Sink(ps.param(), slot.kind(), slot.column(), ps.as().whole(), ps.as().copied(), ps.as().field(), slot.what(), write,
                        slot.elsewhere() != null ? slot.elsewhere().path() : path,
                        slot.elsewhere() != null ? slot.elsewhere().range() : anchor.range()));
            }
            ProjectSummaries.External e = new ProjectSummaries.External(f.name(), List.copyOf(list), s.returned());
            for (String k : keys) out.add(k, e);
        }
        // export const orderService = new OrderService()
        ctx.module().body().walk(n -> {
            if (n instanceof VarDecl v && v.enclosingFunction() == ctx.module().body() && v.target() instanceof Name name
                    && v.init() != null && v.init().unwrap() instanceof New nw) {
                String cls = nw.callee() != null && nw.callee().unwrap() instanceof Name cn ? cn.id() : nw.type() != null ? nw.type().simpleName() : null;
                if (cls != null) out.addInstance(ProjectSummaries.functionKey(path, name.id()), cls);
            }
        }, true);
    }
}
