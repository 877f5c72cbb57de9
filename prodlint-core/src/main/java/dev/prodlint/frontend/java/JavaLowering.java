package dev.prodlint.frontend.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralStringValueExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.AssertStmt;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnionType;
import dev.prodlint.model.Annotation;
import dev.prodlint.model.ClassDecl;
import dev.prodlint.model.Comment;
import dev.prodlint.model.FieldDecl;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Import;
import dev.prodlint.model.Language;
import dev.prodlint.model.Param;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.SourceRange;
import dev.prodlint.model.SourceText;
import dev.prodlint.model.TypeRef;
import dev.prodlint.model.expr.ArrayLit;
import dev.prodlint.model.expr.Assign;
import dev.prodlint.model.expr.Binary;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Cast;
import dev.prodlint.model.expr.Conditional;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Lambda;
import dev.prodlint.model.expr.Literal;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.New;
import dev.prodlint.model.expr.OtherExpr;
import dev.prodlint.model.expr.This;
import dev.prodlint.model.expr.Unary;
import dev.prodlint.model.stmt.Block;
import dev.prodlint.model.stmt.Catch;
import dev.prodlint.model.stmt.Declaration;
import dev.prodlint.model.stmt.ExprStmt;
import dev.prodlint.model.stmt.If;
import dev.prodlint.model.stmt.Jump;
import dev.prodlint.model.stmt.Labeled;
import dev.prodlint.model.stmt.Loop;
import dev.prodlint.model.stmt.OtherStmt;
import dev.prodlint.model.stmt.Return;
import dev.prodlint.model.stmt.Stmt;
import dev.prodlint.model.stmt.Switch;
import dev.prodlint.model.stmt.SwitchCase;
import dev.prodlint.model.stmt.Synchronized;
import dev.prodlint.model.stmt.Throw;
import dev.prodlint.model.stmt.Try;
import dev.prodlint.model.stmt.VarDecl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Lowers one JavaParser compilation unit into the program model. One instance per file. */
final class JavaLowering {
    private final String path;
    private final SourceText text;

    JavaLowering(String path, SourceText text) {
        this.path = path;
        this.text = text;
    }

    SourceModule lower(CompilationUnit cu) {
        List<Import> imports = new ArrayList<>();
        for (ImportDeclaration d : cu.getImports()) imports.add(lowerImport(d));
        List<ClassDecl> classes = new ArrayList<>();
        for (TypeDeclaration<?> t : cu.getTypes()) classes.add(lowerType(t));
        List<Comment> comments = new ArrayList<>();
        for (com.github.javaparser.ast.comments.Comment c : cu.getAllComments()) {
            comments.add(new Comment(range(c), c.getContent()));
        }
        FunctionDecl body = new FunctionDecl(text.fullRange(), FunctionDecl.Kind.MODULE_BODY, "<module>",
                List.of(), new Block(text.fullRange(), List.of()), false, List.of(), Set.of(), null);
        SourceModule module = new SourceModule(path, Language.JAVA, text, imports, classes, body, comments);
        module.linkParents();
        return module;
    }

    private SourceRange range(com.github.javaparser.ast.Node n) {
        return n.getRange()
                .map(r -> text.rangeOfInclusive(r.begin.line, r.begin.column, r.end.line, r.end.column))
                .orElse(SourceRange.NONE);
    }

    /** From the start of one node to the end of another. */
    private SourceRange span(com.github.javaparser.ast.Node first, com.github.javaparser.ast.Node last) {
        SourceRange a = range(first);
        SourceRange b = range(last);
        return new SourceRange(a.startLine(), a.startColumn(), b.endLine(), b.endColumn(), a.startOffset(), b.endOffset());
    }

    private Import lowerImport(ImportDeclaration d) {
        String name = d.getNameAsString();
        if (d.isAsterisk()) {
            return new Import(range(d), d.isStatic() ? Import.Kind.JAVA_STATIC : Import.Kind.JAVA, name, "*", "*");
        }
        int dot = name.lastIndexOf('.');
        String qualifier = dot < 0 ? "" : name.substring(0, dot);
        String simple = name.substring(dot + 1);
        return d.isStatic()
                ? new Import(range(d), Import.Kind.JAVA_STATIC, qualifier, simple, simple)
                : new Import(range(d), Import.Kind.JAVA, qualifier, name, simple);
    }

    // ---- declarations ----

    private ClassDecl lowerType(TypeDeclaration<?> t) {
        List<FieldDecl> fields = new ArrayList<>();
        List<FunctionDecl> methods = new ArrayList<>();
        List<ClassDecl> nested = new ArrayList<>();
        TypeRef superclass = null;
        List<TypeRef> interfaces = new ArrayList<>();
        if (t instanceof ClassOrInterfaceDeclaration c) {
            if (c.isInterface()) {
                for (ClassOrInterfaceType x : c.getExtendedTypes()) interfaces.add(type(x));
            } else if (!c.getExtendedTypes().isEmpty()) {
                superclass = type(c.getExtendedTypes().get(0));
            }
            for (ClassOrInterfaceType x : c.getImplementedTypes()) interfaces.add(type(x));
        } else if (t instanceof EnumDeclaration e) {
            for (ClassOrInterfaceType x : e.getImplementedTypes()) interfaces.add(type(x));
            for (EnumConstantDeclaration ec : e.getEntries()) {
                if (!ec.getClassBody().isEmpty()) {
                    nested.add(lowerBody(ec.getNameAsString(), range(ec), null, List.of(), List.of(), ec.getClassBody()));
                }
            }
        } else if (t instanceof RecordDeclaration r) {
            for (ClassOrInterfaceType x : r.getImplementedTypes()) interfaces.add(type(x));
            for (Parameter p : r.getParameters()) {
                fields.add(new FieldDecl(range(p), p.getNameAsString(), type(p.getType()), null,
                        annotations(p.getAnnotations()), Set.of("private", "final")));
            }
        }
        ClassDecl body = lowerBody(t.getNameAsString(), range(t), superclass, interfaces,
                annotations(t.getAnnotations()), t.getMembers());
        if (fields.isEmpty() && nested.isEmpty()) return body;
        fields.addAll(body.fields());
        methods.addAll(body.methods());
        nested.addAll(body.nestedClasses());
        return new ClassDecl(body.range(), body.name(), superclass, interfaces, body.annotations(), fields, methods, nested);
    }

    private ClassDecl lowerBody(String name, SourceRange range, TypeRef superclass, List<TypeRef> interfaces,
                                List<Annotation> annotations, NodeList<BodyDeclaration<?>> members) {
        List<FieldDecl> fields = new ArrayList<>();
        List<FunctionDecl> methods = new ArrayList<>();
        List<ClassDecl> nested = new ArrayList<>();
        for (BodyDeclaration<?> m : members) {
            if (m instanceof FieldDeclaration f) {
                Set<String> mods = modifiers(f.getModifiers());
                for (VariableDeclarator v : f.getVariables()) {
                    fields.add(new FieldDecl(range(v), v.getNameAsString(), type(v.getType()),
                            v.getInitializer().map(this::expr).orElse(null), annotations(f.getAnnotations()), mods));
                }
            } else if (m instanceof CallableDeclaration<?> c) {
                methods.add(lowerCallable(c));
            } else if (m instanceof InitializerDeclaration init) {
                methods.add(new FunctionDecl(range(init), FunctionDecl.Kind.METHOD,
                        init.isStatic() ? "<clinit>" : "<init>", List.of(), block(init.getBody()), false,
                        List.of(), init.isStatic() ? Set.of("static") : Set.of(), null));
            } else if (m instanceof TypeDeclaration<?> t) {
                nested.add(lowerType(t));
            }
        }
        return new ClassDecl(range, name, superclass, interfaces, annotations, fields, methods, nested);
    }

    private FunctionDecl lowerCallable(CallableDeclaration<?> c) {
        List<Param> params = new ArrayList<>();
        for (Parameter p : c.getParameters()) params.add(param(p));
        Block body;
        TypeRef returnType = null;
        FunctionDecl.Kind kind;
        if (c instanceof MethodDeclaration m) {
            body = m.getBody().map(this::block).orElse(null);
            returnType = type(m.getType());
            kind = FunctionDecl.Kind.METHOD;
        } else {
            body = block(((ConstructorDeclaration) c).getBody());
            kind = FunctionDecl.Kind.CONSTRUCTOR;
        }
        return new FunctionDecl(range(c), kind, c.getNameAsString(), params, body, false,
                annotations(c.getAnnotations()), modifiers(c.getModifiers()), returnType);
    }

    private Param param(Parameter p) {
        TypeRef t = type(p.getType());
        if (p.isVarArgs()) t = new TypeRef(t.name() + "[]", t.arguments());
        return new Param(range(p), new Name(range(p.getName()), p.getNameAsString()), t, null,
                annotations(p.getAnnotations()), p.isVarArgs());
    }

    private Set<String> modifiers(NodeList<Modifier> mods) {
        Set<String> out = new LinkedHashSet<>();
        for (Modifier m : mods) out.add(m.getKeyword().asString());
        return out;
    }

    private List<Annotation> annotations(NodeList<AnnotationExpr> list) {
        List<Annotation> out = new ArrayList<>();
        for (AnnotationExpr a : list) out.add(annotation(a));
        return out;
    }

    private Annotation annotation(AnnotationExpr a) {
        Map<String, Expr> args = new LinkedHashMap<>();
        if (a instanceof SingleMemberAnnotationExpr s) {
            args.put("value", expr(s.getMemberValue()));
        } else if (a instanceof NormalAnnotationExpr n) {
            for (MemberValuePair p : n.getPairs()) args.put(p.getNameAsString(), expr(p.getValue()));
        }
        return new Annotation(range(a), a.getNameAsString(), args);
    }

    TypeRef type(Type t) {
        if (t == null || t.isVarType()) return null;
        if (t instanceof ClassOrInterfaceType c) {
            // Without the language level's post-processors, `var` arrives as a class type.
            if (c.getScope().isEmpty() && c.getTypeArguments().isEmpty() && c.getNameAsString().equals("var")) return null;
            List<TypeRef> args = new ArrayList<>();
            c.getTypeArguments().ifPresent(list -> list.forEach(a -> {
                TypeRef r = type(a);
                if (r != null) args.add(r);
            }));
            String name = c.getScope().map(s -> s.getNameWithScope() + ".").orElse("") + c.getNameAsString();
            return new TypeRef(name, args);
        }
        if (t instanceof UnionType u && !u.getElements().isEmpty()) return type(u.getElements().get(0));
        return TypeRef.of(t.asString());
    }

    // ---- statements ----

    private Block block(BlockStmt b) {
        List<Stmt> out = new ArrayList<>();
        for (com.github.javaparser.ast.stmt.Statement s : b.getStatements()) addStmt(out, s);
        return new Block(range(b), out);
    }

    private Stmt stmt(com.github.javaparser.ast.stmt.Statement s) {
        List<Stmt> out = new ArrayList<>(1);
        addStmt(out, s);
        return out.size() == 1 ? out.get(0) : new Block(range(s), out);
    }

    private void addStmt(List<Stmt> out, com.github.javaparser.ast.stmt.Statement s) {
        SourceRange r = range(s);
        if (s instanceof BlockStmt b) {
            out.add(block(b));
        } else if (s instanceof ExpressionStmt e) {
            if (e.getExpression() instanceof VariableDeclarationExpr v) {
                addVars(out, v);
            } else {
                out.add(new ExprStmt(r, expr(e.getExpression())));
            }
        } else if (s instanceof IfStmt i) {
            out.add(new If(r, expr(i.getCondition()), stmt(i.getThenStmt()), i.getElseStmt().map(this::stmt).orElse(null)));
        } else if (s instanceof ReturnStmt ret) {
            out.add(new Return(r, ret.getExpression().map(this::expr).orElse(null)));
        } else if (s instanceof ThrowStmt t) {
            out.add(new Throw(r, expr(t.getExpression())));
        } else if (s instanceof TryStmt t) {
            out.add(tryStmt(t));
        } else if (s instanceof ForStmt f) {
            List<Stmt> init = new ArrayList<>();
            for (com.github.javaparser.ast.expr.Expression e : f.getInitialization()) {
                if (e instanceof VariableDeclarationExpr v) addVars(init, v);
                else init.add(new ExprStmt(range(e), expr(e)));
            }
            List<Expr> update = new ArrayList<>();
            for (com.github.javaparser.ast.expr.Expression e : f.getUpdate()) update.add(expr(e));
            out.add(new Loop(r, Loop.Kind.FOR, init, f.getCompare().map(this::expr).orElse(null), update, null, null,
                    stmt(f.getBody()), false));
        } else if (s instanceof ForEachStmt f) {
            List<Stmt> var = new ArrayList<>();
            addVars(var, f.getVariable());
            out.add(new Loop(r, Loop.Kind.FOR_OF, List.of(), null, List.of(), var.get(0), expr(f.getIterable()),
                    stmt(f.getBody()), false));
        } else if (s instanceof WhileStmt w) {
            out.add(new Loop(r, Loop.Kind.WHILE, List.of(), expr(w.getCondition()), List.of(), null, null,
                    stmt(w.getBody()), false));
        } else if (s instanceof DoStmt d) {
            out.add(new Loop(r, Loop.Kind.DO_WHILE, List.of(), expr(d.getCondition()), List.of(), null, null,
                    stmt(d.getBody()), false));
        } else if (s instanceof SwitchStmt sw) {
            out.add(new Switch(r, expr(sw.getSelector()), cases(sw.getEntries())));
        } else if (s instanceof BreakStmt b) {
            out.add(new Jump(r, Jump.Kind.BREAK, b.getLabel().map(l -> l.asString()).orElse(null)));
        } else if (s instanceof ContinueStmt c) {
            out.add(new Jump(r, Jump.Kind.CONTINUE, c.getLabel().map(l -> l.asString()).orElse(null)));
        } else if (s instanceof LabeledStmt l) {
            out.add(new Labeled(r, l.getLabel().asString(), stmt(l.getStatement())));
        } else if (s instanceof SynchronizedStmt sy) {
            out.add(new Synchronized(r, expr(sy.getExpression()), block(sy.getBody())));
        } else if (s instanceof LocalClassDeclarationStmt lc) {
            out.add(new Declaration(r, null, lowerType(lc.getClassDeclaration())));
        } else if (s instanceof LocalRecordDeclarationStmt lr) {
            out.add(new Declaration(r, null, lowerType(lr.getRecordDeclaration())));
        } else if (s instanceof ExplicitConstructorInvocationStmt ec) {
            List<Expr> args = exprs(ec.getArguments());
            out.add(new ExprStmt(r, new Call(r, new This(r, !ec.isThis()), args, false)));
        } else if (s instanceof YieldStmt y) {
            out.add(new Return(r, expr(y.getExpression())));
        } else if (s instanceof AssertStmt a) {
            List<Expr> parts = new ArrayList<>();
            parts.add(expr(a.getCheck()));
            a.getMessage().ifPresent(m -> parts.add(expr(m)));
            out.add(new OtherStmt(r, "assert", parts));
        } else {
            out.add(new OtherStmt(r, s.getClass().getSimpleName(), List.of()));
        }
    }

    private void addVars(List<Stmt> out, VariableDeclarationExpr v) {
        boolean fin = v.getModifiers().stream().anyMatch(m -> m.getKeyword() == Modifier.Keyword.FINAL);
        for (VariableDeclarator d : v.getVariables()) {
            out.add(new VarDecl(range(d), fin ? VarDecl.Kind.JAVA_FINAL : VarDecl.Kind.JAVA,
                    new Name(range(d.getName()), d.getNameAsString()), type(d.getType()),
                    d.getInitializer().map(this::expr).orElse(null)));
        }
    }

    private Try tryStmt(TryStmt t) {
        List<Stmt> resources = new ArrayList<>();
        for (com.github.javaparser.ast.expr.Expression e : t.getResources()) {
            if (e instanceof VariableDeclarationExpr v) addVars(resources, v);
            else resources.add(new ExprStmt(range(e), expr(e)));
        }
        List<Catch> catches = new ArrayList<>();
        for (CatchClause c : t.getCatchClauses()) {
            List<TypeRef> types = new ArrayList<>();
            Type pt = c.getParameter().getType();
            if (pt instanceof UnionType u) u.getElements().forEach(x -> types.add(type(x)));
            else types.add(type(pt));
            catches.add(new Catch(range(c), new Name(range(c.getParameter().getName()), c.getParameter().getNameAsString()),
                    types, block(c.getBody())));
        }
        return new Try(range(t), resources, block(t.getTryBlock()), catches, t.getFinallyBlock().map(this::block).orElse(null));
    }

    private List<SwitchCase> cases(NodeList<SwitchEntry> entries) {
        List<SwitchCase> out = new ArrayList<>();
        for (SwitchEntry e : entries) {
            List<Stmt> body = new ArrayList<>();
            for (com.github.javaparser.ast.stmt.Statement s : e.getStatements()) addStmt(body, s);
            boolean arrow = e.getType() != SwitchEntry.Type.STATEMENT_GROUP;
            if (arrow && e.getType() == SwitchEntry.Type.EXPRESSION && body.size() == 1 && body.get(0) instanceof ExprStmt es) {
                body = List.of(new Return(es.range(), es.expr()));
            }
            out.add(new SwitchCase(range(e), exprs(e.getLabels()), body, arrow));
        }
        return out;
    }

    // ---- expressions ----

    private List<Expr> exprs(NodeList<? extends com.github.javaparser.ast.expr.Expression> list) {
        List<Expr> out = new ArrayList<>(list.size());
        for (com.github.javaparser.ast.expr.Expression e : list) out.add(expr(e));
        return out;
    }

    Expr expr(com.github.javaparser.ast.expr.Expression e) {
        SourceRange r = range(e);
        if (e instanceof NameExpr n) return new Name(r, n.getNameAsString());
        if (e instanceof MethodCallExpr m) {
            Expr callee = m.getScope()
                    .<Expr>map(s -> new Member(span(s, m.getName()), expr(s), m.getNameAsString(), null, false))
                    .orElseGet(() -> new Name(range(m.getName()), m.getNameAsString()));
            return new Call(r, callee, exprs(m.getArguments()), false);
        }
        if (e instanceof FieldAccessExpr f) return new Member(r, expr(f.getScope()), f.getNameAsString(), null, false);
        if (e instanceof StringLiteralExpr s) return new Literal(r, Literal.Kind.STRING, unescape(s));
        if (e instanceof TextBlockLiteralExpr tb) return new Literal(r, Literal.Kind.STRING, tb.stripIndent());
        if (e instanceof CharLiteralExpr c) return new Literal(r, Literal.Kind.CHAR, c.getValue());
        if (e instanceof BooleanLiteralExpr b) return new Literal(r, Literal.Kind.BOOLEAN, String.valueOf(b.getValue()));
        if (e instanceof NullLiteralExpr) return new Literal(r, Literal.Kind.NULL, "null");
        if (e instanceof LiteralStringValueExpr l) return new Literal(r, Literal.Kind.NUMBER, l.getValue());
        if (e instanceof ThisExpr) return new This(r, false);
        if (e instanceof SuperExpr) return new This(r, true);
        if (e instanceof EnclosedExpr en) return new Cast(r, null, expr(en.getInner()));
        if (e instanceof CastExpr c) return new Cast(r, type(c.getType()), expr(c.getExpression()));
        if (e instanceof AssignExpr a) {
            return new Assign(r, a.getOperator().asString(), expr(a.getTarget()), expr(a.getValue()));
        }
        if (e instanceof BinaryExpr b) return new Binary(r, b.getOperator().asString(), expr(b.getLeft()), expr(b.getRight()));
        if (e instanceof UnaryExpr u) {
            return new Unary(r, u.getOperator().asString(), expr(u.getExpression()), u.isPrefix());
        }
        if (e instanceof ConditionalExpr c) {
            return new Conditional(r, expr(c.getCondition()), expr(c.getThenExpr()), expr(c.getElseExpr()));
        }
        if (e instanceof ObjectCreationExpr o) {
            TypeRef t = type(o.getType());
            ClassDecl body = o.getAnonymousClassBody()
                    .map(b -> lowerBody(o.getType().getNameAsString(), r, t, List.of(), List.of(), b)).orElse(null);
            List<Expr> args = exprs(o.getArguments());
            Expr callee = new Name(range(o.getType()), o.getType().getNameWithScope());
            return new New(r, callee, t, args, body);
        }
        if (e instanceof LambdaExpr l) return lambda(l);
        if (e instanceof InstanceOfExpr i) {
            return new Binary(r, "instanceof", expr(i.getExpression()), new Name(range(i.getType()), i.getType().asString()));
        }
        if (e instanceof ArrayAccessExpr a) return new Member(r, expr(a.getName()), null, expr(a.getIndex()), false);
        if (e instanceof ArrayInitializerExpr a) return new ArrayLit(r, exprs(a.getValues()), false);
        if (e instanceof ArrayCreationExpr a) {
            List<Expr> parts = new ArrayList<>();
            a.getInitializer().ifPresent(i -> parts.add(expr(i)));
            a.getLevels().forEach(l -> l.getDimension().ifPresent(d -> parts.add(expr(d))));
            return new OtherExpr(r, "array-creation", parts);
        }
        if (e instanceof MethodReferenceExpr m) {
            return new OtherExpr(r, "method-reference::" + m.getIdentifier(), List.of(expr(m.getScope())));
        }
        if (e instanceof SwitchExpr s) {
            List<SwitchCase> cases = cases(s.getEntries());
            FunctionDecl fn = new FunctionDecl(r, FunctionDecl.Kind.LAMBDA, null, List.of(),
                    new Block(r, List.of(new Switch(r, expr(s.getSelector()), cases))), false, List.of(), Set.of(), null);
            return new OtherExpr(r, "switch", List.of(new Lambda(r, fn)));
        }
        if (e instanceof VariableDeclarationExpr v) {
            List<dev.prodlint.model.Node> parts = new ArrayList<>();
            v.getVariables().forEach(d -> d.getInitializer().ifPresent(i -> parts.add(expr(i))));
            return new OtherExpr(r, "declaration", parts);
        }
        if (e instanceof com.github.javaparser.ast.expr.TypeExpr t) return new Name(r, t.getType().asString());
        if (e instanceof com.github.javaparser.ast.expr.ClassExpr c) {
            return new OtherExpr(r, "class-literal:" + c.getType().asString(), List.of());
        }
        if (e instanceof AnnotationExpr a) return new OtherExpr(r, "annotation", List.of(annotation(a)));
        List<dev.prodlint.model.Node> parts = new ArrayList<>();
        for (com.github.javaparser.ast.Node c : e.getChildNodes()) {
            if (c instanceof com.github.javaparser.ast.expr.Expression ce) parts.add(expr(ce));
        }
        return new OtherExpr(r, e.getClass().getSimpleName(), parts);
    }

    private Lambda lambda(LambdaExpr l) {
        SourceRange r = range(l);
        List<Param> params = new ArrayList<>();
        for (Parameter p : l.getParameters()) params.add(param(p));
        Block body;
        if (l.getBody() instanceof BlockStmt b) {
            body = block(b);
        } else if (l.getBody() instanceof ExpressionStmt es) {
            body = new Block(range(es), List.of(new Return(range(es), expr(es.getExpression()))));
        } else {
            body = new Block(r, List.of(stmt(l.getBody())));
        }
        return new Lambda(r, new FunctionDecl(r, FunctionDecl.Kind.LAMBDA, null, params, body, false,
                List.of(), Set.of(), null));
    }

    private static String unescape(StringLiteralExpr s) {
        try {
            return s.asString();
        } catch (RuntimeException e) {
            return s.getValue();
        }
    }

}
