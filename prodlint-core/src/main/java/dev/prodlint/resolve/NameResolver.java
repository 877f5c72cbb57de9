package dev.prodlint.resolve;

import dev.prodlint.model.ClassDecl;
import dev.prodlint.model.FieldDecl;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Import;
import dev.prodlint.model.Language;
import dev.prodlint.model.Node;
import dev.prodlint.model.Param;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.TypeRef;
import dev.prodlint.model.expr.ArrayLit;
import dev.prodlint.model.expr.DefaultValue;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Lambda;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.ObjectLit;
import dev.prodlint.model.expr.Property;
import dev.prodlint.model.expr.Spread;
import dev.prodlint.model.stmt.Block;
import dev.prodlint.model.stmt.Catch;
import dev.prodlint.model.stmt.Declaration;
import dev.prodlint.model.stmt.Loop;
import dev.prodlint.model.stmt.Stmt;
import dev.prodlint.model.stmt.SwitchCase;
import dev.prodlint.model.stmt.Try;
import dev.prodlint.model.stmt.VarDecl;

/**
 * Binds every {@link Name} to the declaration it refers to: locals and parameters (with
 * destructuring), imports, top-level functions and classes, and (in Java) fields referenced
 * without {@code this}. Written once for all languages, over the program model.
 */
public final class NameResolver {
    private final SourceModule module;
    private final boolean java;

    private NameResolver(SourceModule module) {
        this.module = module;
        this.java = module.language() == Language.JAVA;
    }

    public static void resolve(SourceModule module) {
        new NameResolver(module).run();
    }

    private void run() {
        Scope top = new Scope(null);
        for (Import i : module.imports()) {
            if (!i.isWildcard()) top.declare(new Symbol(i.local(), Symbol.Kind.IMPORT, i, null, null, i, true));
        }
        for (ClassDecl c : module.classes()) top.declare(classSymbol(c));
        for (ClassDecl c : module.classes()) visitClass(c, top);
        visitFunction(module.body(), top);
    }

    private static Symbol classSymbol(ClassDecl c) {
        return new Symbol(c.name(), Symbol.Kind.CLASS, c, TypeRef.of(c.name()), null, null, true);
    }

    private void visitClass(ClassDecl c, Scope outer) {
        Scope scope = new Scope(outer);
        for (ClassDecl n : c.nestedClasses()) scope.declare(classSymbol(n));
        if (java) {
            for (FieldDecl f : c.fields()) {
                scope.declare(new Symbol(f.name(), Symbol.Kind.FIELD, f, f.type(), f.initializer(), null,
                        f.modifiers().contains("final") || f.modifiers().contains("readonly")));
            }
        }
        for (Node child : c.children()) {
            if (child instanceof FunctionDecl f) visitFunction(f, scope);
            else if (child instanceof ClassDecl n) visitClass(n, scope);
            else visit(child, scope);
        }
    }

    private void visitFunction(FunctionDecl f, Scope outer) {
        Scope scope = new Scope(outer);
        for (Node a : f.annotations()) visit(a, outer);
        for (Param p : f.params()) {
            if (p.defaultValue() != null) visit(p.defaultValue(), scope);
            declarePattern(p.target(), Symbol.Kind.PARAMETER, p, p.type(), null, false, scope);
            for (Node a : p.annotations()) visit(a, outer);
        }
        if (f.body() != null) visitBlock(f.body().statements(), scope);
    }

    private void visitBlock(java.util.List<? extends Node> statements, Scope outer) {
        Scope scope = new Scope(outer);
        // Function declarations are hoisted to the top of their block.
        for (Node s : statements) {
            if (s instanceof Declaration d && d.function() != null && d.function().name() != null) {
                scope.declare(new Symbol(d.function().name(), Symbol.Kind.FUNCTION, d.function(), null, null, null, true));
            } else if (s instanceof Declaration d && d.classDecl() != null) {
                scope.declare(classSymbol(d.classDecl()));
            }
        }
        for (Node s : statements) visit(s, scope);
    }

    private void visit(Node n, Scope scope) {
        if (n instanceof Name name) {
            if (name.symbol() == null) name.bind(scope.lookup(name.id()));
        } else if (n instanceof VarDecl v) {
            if (v.init() != null) visit(v.init(), scope);
            declarePattern(v.target(), Symbol.Kind.LOCAL, v, v.type(), v.init(), v.isConstant(), scope);
        } else if (n instanceof Block b) {
            visitBlock(b.statements(), scope);
        } else if (n instanceof SwitchCase c) {
            for (Node child : c.labels()) visit(child, scope);
            visitBlock(c.body(), scope);
        } else if (n instanceof Lambda l) {
            visitFunction(l.function(), scope);
        } else if (n instanceof FunctionDecl f) {
            visitFunction(f, scope);
        } else if (n instanceof Declaration d) {
            if (d.function() != null) visitFunction(d.function(), scope);
            else visitClass(d.classDecl(), scope);
        } else if (n instanceof ClassDecl c) {
            visitClass(c, scope);
        } else if (n instanceof Loop l) {
            Scope inner = new Scope(scope);
            for (Stmt s : l.init()) visit(s, inner);
            if (l.iterable() != null) visit(l.iterable(), inner);
            if (l.variable() != null) visit(l.variable(), inner);
            if (l.condition() != null) visit(l.condition(), inner);
            for (Node u : l.update()) visit(u, inner);
            visit(l.body(), inner);
        } else if (n instanceof Try t) {
            Scope inner = new Scope(scope);
            for (Stmt r : t.resources()) visit(r, inner);
            visit(t.body(), inner);
            for (Catch c : t.catches()) visit(c, scope);
            if (t.finalizer() != null) visit(t.finalizer(), scope);
        } else if (n instanceof Catch c) {
            Scope inner = new Scope(scope);
            if (c.param() != null) {
                TypeRef t = c.types().size() == 1 ? c.types().get(0) : null;
                declarePattern(c.param(), Symbol.Kind.LOCAL, c, t, null, false, inner);
            }
            visit(c.body(), inner);
        } else {
            for (Node child : n.children()) visit(child, scope);
        }
    }

    private void declarePattern(Expr target, Symbol.Kind kind, Node decl, TypeRef type, Expr init,
                                boolean constant, Scope scope) {
        if (target instanceof Name n) {
            Symbol s = new Symbol(n.id(), kind, decl, type, init, null, constant);
            scope.declare(s);
            n.bind(s);
        } else if (target instanceof ObjectLit o) {
            for (Property p : o.properties()) {
                if (p.computedKey() != null) visit(p.computedKey(), scope);
                if (p.defaultValue() != null) visit(p.defaultValue(), scope);
                if (p.value() != null) declarePattern(p.value(), kind, decl, null, null, constant, scope);
            }
        } else if (target instanceof ArrayLit a) {
            for (Expr e : a.elements()) declarePattern(e, kind, decl, null, null, constant, scope);
        } else if (target instanceof DefaultValue d) {
            visit(d.value(), scope);
            declarePattern(d.target(), kind, decl, type, null, constant, scope);
        } else if (target instanceof Spread s) {
            declarePattern(s.operand(), kind, decl, null, null, constant, scope);
        } else if (target != null) {
            visit(target, scope);
        }
    }
}
