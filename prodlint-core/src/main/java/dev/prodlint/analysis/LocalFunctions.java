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
