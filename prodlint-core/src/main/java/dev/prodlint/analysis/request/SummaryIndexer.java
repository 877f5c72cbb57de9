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

    /** userController.createUser, createUser, articles.favorite.post, asyncHandler(ctrl.create): the exported function's key. */
    static String importedKey(ModuleContext ctx, dev.prodlint.model.expr.Expr handler) {
        dev.prodlint.model.expr.Expr h = handler.unwrap();
        if (h instanceof dev.prodlint.model.expr.Call c && c.args().size() == 1) h = c.arg(0).unwrap();
        List<String> props = new ArrayList<>();
        while (h instanceof dev.prodlint.model.expr.Member m && m.property() != null) {
            props.add(0, m.property());
            h = m.object().unwrap();
        }
        if (!(h instanceof Name root) || root.symbol() == null || root.symbol().importedFrom() == null) return null;
        dev.prodlint.model.Import im = root.symbol().importedFrom();
        String mod = ExternalCallees.resolve(ctx.module().path(), im.module());
        if (mod == null || mod.startsWith("*")) return null;
        boolean whole = im.imported().equals("*") || im.imported().equals("default");
        if (whole && props.isEmpty()) return null;
        String name = whole ? String.join(".", props) : im.imported() + (props.isEmpty() ? "" : "." + String.join(".", props));
        return ProjectSummaries.functionKey(mod, name);
    }

    public static void index(ModuleContext ctx, ProjectSummaries out) {
        out.db().index(ctx);
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
                list.add(new ProjectSummaries.Sink(ps.param(), slot.kind(), slot.column(), slot.whole(), ps.as().whole(), ps.as().copied(), ps.as().validated(), ps.as().field(), slot.what(), write,
                        slot.elsewhere() != null ? slot.elsewhere().path() : path,
                        slot.elsewhere() != null ? slot.elsewhere().range() : anchor.range()));
            }
            ProjectSummaries.External e = new ProjectSummaries.External(f.name(), List.copyOf(list), s.returned());
            for (String k : keys) out.add(k, e);
        }
        if (ctx.module().language() == dev.prodlint.model.Language.JAVA) {
            for (ClassDecl c : ctx.module().allClasses()) {
                // a concrete class (methods with bodies) implementing a project interface
                // (an interface's default methods have bodies too: not an implementation)
                if (c.methods().stream().anyMatch(f -> f.body() != null) && c.methods().stream().noneMatch(f -> f.modifiers().contains("default"))) {
                    for (TypeRef t : c.interfaces()) out.addImplementation(t.simpleName());
                    if (c.name() != null) out.addImplementation(c.name());
                }
            }
        }
        if (ctx.module().language() != dev.prodlint.model.Language.JAVA) {
            for (Handlers.Route r : Handlers.routes(ctx)) {
                String key = importedKey(ctx, r.handler());
                if (key == null) continue;
                out.addRoute(key, new ProjectSummaries.RouteInfo(r.route(), r.auth() == null ? null : dev.prodlint.rules.Snippets.compact(ctx.module(), r.auth()),
                        r.role() == null ? null : dev.prodlint.rules.Snippets.compact(ctx.module(), r.role()), r.validated()));
            }
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
