package dev.prodlint.analysis;

import dev.prodlint.model.ClassDecl;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Lambda;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.This;

/** Which function of the same file a call reaches, when the file alone tells. */
public final class LocalFunctions {
    private LocalFunctions() {
    }

    /**
     * True when {@code n} sits in a function declared within {@code f}: code that does not run
     * when f runs. Callbacks (lambdas, function expressions passed on) do count as running.
     */
    public static boolean inNestedDeclaration(dev.prodlint.model.Node n, FunctionDecl f) {
        for (dev.prodlint.model.Node p = n.parent(); p != null && p != f; p = p.parent()) {
            if (p instanceof FunctionDecl && !(p.parent() instanceof Lambda)) return true;
        }
        return false;
    }

    /** The calls in a region of {@code f} that run with it: callbacks included, nested declarations not. */
    public static java.util.List<Call> callsIn(dev.prodlint.model.Node region, FunctionDecl f) {
        java.util.List<Call> out = new java.util.ArrayList<>();
        if (region == null) return out;
        region.walk(n -> {
            if (n instanceof Call c && !inNestedDeclaration(c, f)) out.add(c);
        });
        return out;
    }

    /**
     * A function or const-bound arrow of this file called by name, {@code this.method(...)}, or (in
     * Java) an unqualified method of the enclosing class with as many parameters; null otherwise.
     */
    public static FunctionDecl callee(Call c) {
        Expr callee = c.callee().unwrap();
        if (c.methodName() == null) return null;
        if (callee instanceof Name n && n.symbol() != null) {
            Symbol s = n.symbol();
            if (s.declaration() instanceof FunctionDecl f) return f;
            if (s.kind() == Symbol.Kind.LOCAL && s.isConstant() && s.initializer() instanceof Lambda l) return l.function();
            return null;
        }
        boolean onThis = callee instanceof Member m && m.object() instanceof This t && !t.isSuper();
        boolean implicit = callee instanceof Name && c.receiver() == null;
        if (!onThis && !implicit) return null;
        for (ClassDecl owner = c.ancestor(ClassDecl.class); owner != null; owner = owner.ancestor(ClassDecl.class)) {
            for (FunctionDecl f : owner.methods(c.methodName())) {
                if (f.params().size() == c.args().size() && f.body() != null) return f;
            }
            if (onThis) break;
        }
        return null;
    }
}
