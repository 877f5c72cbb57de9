package dev.prodlint.analysis.lifecycle;

import dev.prodlint.model.ClassDecl;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Lambda;
import dev.prodlint.model.expr.Literal;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.This;
import dev.prodlint.model.expr.Template;
import java.util.List;

/** The function an argument passes, when this file shows it: a lambda, a named function, {@code this.m.bind(this)}. */
public final class Callbacks {
    private Callbacks() {
    }

    public static FunctionDecl functionOf(Expr e) {
        if (e == null) return null;
        Expr u = e.unwrap();
        if (u instanceof Lambda l) return l.function();
        if (u instanceof Name n && n.symbol() != null) {
            Symbol s = n.symbol();
            if (s.declaration() instanceof FunctionDecl f) return f;
            if (s.kind() == Symbol.Kind.LOCAL && s.initializer() != null && s.initializer().unwrap() instanceof Lambda l) {
                return l.function();
            }
            return null;
        }
        if (u instanceof Call c && "bind".equals(c.methodName())) return functionOf(c.receiver());
        if (u instanceof Member m && m.object() instanceof This && m.property() != null) {
            ClassDecl owner = m.ancestor(ClassDecl.class);
            if (owner == null) return null;
            List<FunctionDecl> methods = owner.methods(m.property());
            if (methods.size() == 1 && methods.get(0).body() != null) return methods.get(0);
            // A class property holding an arrow: handle = (ws) => { ... }
            return owner.field(m.property()).map(fd -> fd.initializer() != null && fd.initializer().unwrap() instanceof Lambda l
                    ? l.function() : null).orElse(null);
        }
        return null;
    }

    /** The string value of a literal or a template without substitutions, else null. */
    public static String stringOf(Expr e) {
        if (e == null) return null;
        Expr u = e.unwrap();
        if (u instanceof Literal l && l.isString()) return l.value();
        if (u instanceof Template t && t.tag() == null && t.exprs().isEmpty() && t.quasis().size() == 1) return t.quasis().get(0);
        return null;
    }
}
