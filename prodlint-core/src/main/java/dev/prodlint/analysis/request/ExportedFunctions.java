package dev.prodlint.analysis.request;

import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Lambda;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.ObjectLit;
import dev.prodlint.model.expr.Property;
import dev.prodlint.model.stmt.VarDecl;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A module's top-level functions under the names other files reach them by: {@code createUser}
 * (a function, a const arrow, or {@code const createUser = catchAsync(async (req, res) => ...)}),
 * and the methods of a top-level object ({@code articles.post}, {@code articles.favorite.post}).
 */
final class ExportedFunctions {
    private ExportedFunctions() {
    }

    static Map<String, FunctionDecl> of(SourceModule m) {
        Map<String, FunctionDecl> out = new LinkedHashMap<>();
        FunctionDecl top = m.body();
        for (FunctionDecl f : m.allFunctions()) {
            if (f.enclosingFunction() == top && f.name() != null && !(f.parent() instanceof Property)) out.putIfAbsent(f.name(), f);
        }
        top.walk(n -> {
            if (!(n instanceof VarDecl v) || v.enclosingFunction() != top || !(v.target() instanceof Name name) || v.init() == null) return;
            Expr init = v.init().unwrap();
            if (init instanceof Call c) {
                // const createUser = catchAsync(async (req, res) => { ... })
                for (Expr a : c.args()) {
                    if (a.unwrap() instanceof Lambda l) out.putIfAbsent(name.id(), l.function());
                }
            } else if (init instanceof ObjectLit o) {
                objectMethods(name.id(), o, out, 0);
            }
        }, true);
        return out;
    }

    private static void objectMethods(String prefix, ObjectLit o, Map<String, FunctionDecl> out, int depth) {
        if (depth > 4) return;
        for (Property p : o.properties()) {
            if (p.key() == null || p.value() == null) continue;
            Expr v = p.value().unwrap();
            if (v instanceof Lambda l) out.putIfAbsent(prefix + "." + p.key(), l.function());
            else if (v instanceof ObjectLit inner) objectMethods(prefix + "." + p.key(), inner, out, depth + 1);
        }
    }
}
