package dev.prodlint.analysis.request;

import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.model.FieldDecl;
import dev.prodlint.model.Import;
import dev.prodlint.model.Language;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.This;
import java.util.ArrayList;
import java.util.List;

/**
 * The project-index keys a call may reach: an imported function ({@code import { getOrders } from
 * './order.service'}), a method of an imported namespace or instance, or a method of a typed field
 * or variable ({@code this.ordersService.find}, Java {@code orderService.list(id)}).
 */
final class ExternalCallees {
    private ExternalCallees() {
    }

    static List<String> keys(ModuleContext ctx, Call c) {
        List<String> out = new ArrayList<>();
        String method = c.methodName();
        if (method == null) return out;
        Expr callee = c.callee().unwrap();
        String from = ctx.module().path();
        if (c.receiver() == null && callee instanceof Name n && n.symbol() != null && n.symbol().importedFrom() != null) {
            Import im = n.symbol().importedFrom();
            String mod = resolve(from, im.module());
            if (mod != null) out.add(ProjectSummaries.functionKey(mod, im.imported()));
            return out;
        }
        Expr recv = c.receiver() == null ? null : c.receiver().unwrap();
        if (recv instanceof Name rn && rn.symbol() != null) {
            Symbol s = rn.symbol();
            if (s.importedFrom() != null && ctx.module().language() != Language.JAVA) {
                Import im = s.importedFrom();
                String mod = resolve(from, im.module());
                if (mod != null) {
                    if (im.imported().equals("*")) out.add(ProjectSummaries.functionKey(mod, method));
                    String cls = ctx.facts().summaries().instanceClass(ProjectSummaries.functionKey(mod, im.imported()));
                    if (cls != null) out.add(ProjectSummaries.methodKey(cls, method, c.args().size()));
                }
            } else if (s.declaredType() != null) {
                out.add(ProjectSummaries.methodKey(s.declaredType().simpleName(), method, c.args().size()));
            }
        } else if (recv instanceof Member m && m.object() instanceof This && m.property() != null) {
            FieldDecl f = dev.prodlint.analysis.TypeOracle.enclosingField(m, m.property());
            if (f != null && f.type() != null) out.add(ProjectSummaries.methodKey(f.type().simpleName(), method, c.args().size()));
        }
        return out;
    }

    /** './services/order.service' from 'src/routes/orders.ts' → 'src/services/order.service'; packages → null. */
    static String resolve(String fromPath, String spec) {
        if (spec == null) return null;
        if (!spec.startsWith(".")) {
            // Path aliases: '@/lib/orders', '~/server/db', 'src/services/x' name project files too
            if (spec.startsWith("@/") || spec.startsWith("~/")) return "*/" + spec.substring(2);
            return null;
        }
        int slash = fromPath.lastIndexOf('/');
        String dir = slash < 0 ? "" : fromPath.substring(0, slash);
        List<String> parts = new ArrayList<>(dir.isEmpty() ? List.of() : List.of(dir.split("/")));
        for (String p : spec.split("/")) {
            if (p.equals(".") || p.isEmpty()) continue;
            if (p.equals("..")) {
                if (parts.isEmpty()) return null;
                parts.remove(parts.size() - 1);
            } else {
                parts.add(p);
            }
        }
        return ProjectSummaries.stripExtension(String.join("/", parts));
    }
}
