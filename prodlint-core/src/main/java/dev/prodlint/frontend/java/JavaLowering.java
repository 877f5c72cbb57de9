package dev.prodlint.frontend.java;

import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.AssertTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.IntersectionTypeTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.WildcardTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.SourcePositions;
import dev.prodlint.model.Annotation;
import dev.prodlint.model.ClassDecl;
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
import javax.lang.model.element.Modifier;

/**
 * Lowers one javac compilation unit (parsed only) into the program model. One instance per file.
 * Ranges are javac's character offsets, except where the model has its own convention: a variable's
 * range runs from its name to the end of its initializer.
 */
final class JavaLowering {
    private final String path;
    private final SourceText text;
    private final String src;
    private final CompilationUnitTree unit;
    private final SourcePositions positions;

    JavaLowering(String path, SourceText text, CompilationUnitTree unit, SourcePositions positions) {
        this.path = path;
        this.text = text;
        this.src = text.content();
        this.unit = unit;
        this.positions = positions;
    }

    SourceModule lower() {
        List<Import> imports = new ArrayList<>();
        for (ImportTree d : unit.getImports()) imports.add(lowerImport(d));
        List<ClassDecl> classes = new ArrayList<>();
        for (Tree t : unit.getTypeDecls()) {
            if (t instanceof ClassTree c) classes.add(lowerType(c));
        }
        FunctionDecl body = new FunctionDecl(text.fullRange(), FunctionDecl.Kind.MODULE_BODY, "<module>",
                List.of(), new Block(text.fullRange(), List.of()), false, List.of(), Set.of(), null);
        // Rules read comments from the source text where they need them (see swallowederror.Reasons).
        SourceModule module = new SourceModule(path, Language.JAVA, text, imports, classes, body);
        module.linkParents();
        return module;
    }

    // ---- positions ----

    private int start(Tree t) {
        return (int) positions.getStartPosition(unit, t);
    }

    private int end(Tree t) {
        long e = positions.getEndPosition(unit, t);
        return e < 0 ? start(t) : (int) e;
    }

    private SourceRange range(Tree t) {
        return range(start(t), end(t));
    }

    private SourceRange range(int start, int end) {
        int s = Math.max(0, Math.min(start, src.length()));
        return text.range(s, Math.max(s, Math.min(end, src.length())));
    }

    /** Where a variable's name starts: the first occurrence after its modifiers and type (or `var`). */
    private int nameStart(VariableTree v) {
        String name = v.getName().toString();
        int limit = v.getInitializer() != null ? start(v.getInitializer()) : Math.max(end(v), start(v) + 1);
        if (v.getType() != null && end(v.getType()) > start(v)) {
            int after = find(name, end(v.getType()), limit);
            // a C-style array (`byte d[]`): javac's type ends after the brackets, past the name
            return after >= 0 ? after : Math.max(start(v), find(name, start(v.getType()), limit));
        }
        int from = start(v);
        ModifiersTree mods = v.getModifiers();
        if (!mods.getFlags().isEmpty() || !mods.getAnnotations().isEmpty()) from = Math.max(from, end(mods));
        while (from < src.length() && Character.isWhitespace(src.charAt(from))) from++;
        if (src.startsWith("var", from) && from + 3 < src.length() && Character.isWhitespace(src.charAt(from + 3))) from += 3;
        return Math.max(start(v), find(name, from, limit));
    }

    /** The first whole-word occurrence of an identifier in [from, limit), or -1. */
    private int find(String name, int from, int limit) {
        for (int i = src.indexOf(name, Math.max(0, from)); i >= 0 && i < limit; i = src.indexOf(name, i + 1)) {
            int after = i + name.length();
            if ((i == 0 || !Character.isJavaIdentifierPart(src.charAt(i - 1)))
                    && (after >= src.length() || !Character.isJavaIdentifierPart(src.charAt(after)))) {
                return i;
            }
        }
        return -1;
    }

    /** A variable declarator's range: its name to the end of its initializer (or of the name). */
    private SourceRange declaratorRange(VariableTree v) {
        int s = nameStart(v);
        int e = v.getInitializer() != null ? end(v.getInitializer()) : s + v.getName().length();
        return range(s, e);
    }

    private Name nameOf(VariableTree v) {
        int s = nameStart(v);
        return new Name(range(s, s + v.getName().length()), v.getName().toString());
    }

    private Import lowerImport(ImportTree d) {
        String name = d.getQualifiedIdentifier().toString();
        if (name.endsWith(".*")) {
            String owner = name.substring(0, name.length() - 2);
            return new Import(range(d), d.isStatic() ? Import.Kind.JAVA_STATIC : Import.Kind.JAVA, owner, "*", "*");
        }
        int dot = name.lastIndexOf('.');
        String qualifier = dot < 0 ? "" : name.substring(0, dot);
        String simple = name.substring(dot + 1);
        return d.isStatic()
                ? new Import(range(d), Import.Kind.JAVA_STATIC, qualifier, simple, simple)
                : new Import(range(d), Import.Kind.JAVA, qualifier, name, simple);
    }

    // ---- declarations ----

    private ClassDecl lowerType(ClassTree t) {
        List<ClassDecl> nested = new ArrayList<>();
        TypeRef superclass = null;
        List<TypeRef> interfaces = new ArrayList<>();
        // javac keeps an interface's `extends` list as its implements clause
        if (t.getExtendsClause() != null) superclass = type(t.getExtendsClause());
        for (Tree x : t.getImplementsClause()) interfaces.add(type(x));
        List<Tree> members = new ArrayList<>();
        for (Tree m : t.getMembers()) {
            if (t.getKind() == Tree.Kind.ENUM && m instanceof VariableTree v && isEnumConstant(t, v)) {
                if (v.getInitializer() instanceof NewClassTree nc && nc.getClassBody() != null) {
                    nested.add(lowerBody(v.getName().toString(), range(v), null, List.of(), List.of(),
                            nc.getClassBody().getMembers(), false, false));
                }
                continue;
            }
            members.add(m);
        }
        ClassDecl body = lowerBody(t.getSimpleName().toString(), range(t), superclass, interfaces,
                annotations(t.getModifiers()), members, t.getKind() == Tree.Kind.ANNOTATION_TYPE, t.getKind() == Tree.Kind.RECORD);
        if (nested.isEmpty()) return body;
        nested.addAll(body.nestedClasses());
        return new ClassDecl(body.range(), body.name(), superclass, interfaces, body.annotations(), body.fields(),
                body.methods(), nested);
    }

    /** javac gives an enum's constants as fields typed by the enum, without a written type. */
    private boolean isEnumConstant(ClassTree e, VariableTree v) {
        return v.getType() instanceof IdentifierTree id && id.getName().contentEquals(e.getSimpleName())
                && positions.getEndPosition(unit, v.getType()) < 0;
    }

    private ClassDecl lowerBody(String name, SourceRange range, TypeRef superclass, List<TypeRef> interfaces,
                                List<Annotation> annotations, List<? extends Tree> members, boolean annotationType,
                                boolean record) {
        List<FieldDecl> fields = new ArrayList<>();
        List<FunctionDecl> methods = new ArrayList<>();
        List<ClassDecl> nested = new ArrayList<>();
        for (Tree m : members) {
            if (m instanceof VariableTree v) {
                // a record's components are its only instance fields; their range is the whole component
                boolean component = record && !v.getModifiers().getFlags().contains(Modifier.STATIC);
                fields.add(new FieldDecl(component ? range(v) : declaratorRange(v), v.getName().toString(), type(v.getType()),
                        v.getInitializer() == null ? null : expr(v.getInitializer()), annotations(v.getModifiers()),
                        modifiers(v.getModifiers())));
            } else if (m instanceof MethodTree mt) {
                if (!annotationType) methods.add(lowerMethod(mt, name));
            } else if (m instanceof BlockTree init) {
                // javac's initializer block starts at `static`; its body starts at the brace
                Block code = block(init);
                int brace = src.indexOf('{', start(init));
                if (brace > start(init) && brace < end(init)) code = new Block(range(brace, end(init)), code.statements());
                methods.add(new FunctionDecl(range(init), FunctionDecl.Kind.METHOD,
                        init.isStatic() ? "<clinit>" : "<init>", List.of(), code, false,
                        List.of(), init.isStatic() ? Set.of("static") : Set.of(), null));
            } else if (m instanceof ClassTree c) {
                nested.add(lowerType(c));
            }
        }
        return new ClassDecl(range, name, superclass, interfaces, annotations, fields, methods, nested);
    }

    private FunctionDecl lowerMethod(MethodTree m, String className) {
        List<Param> params = new ArrayList<>();
        for (VariableTree p : m.getParameters()) params.add(param(p));
        boolean constructor = m.getName().contentEquals("<init>");
        Block body = m.getBody() == null ? null : block(m.getBody());
        return new FunctionDecl(range(m), constructor ? FunctionDecl.Kind.CONSTRUCTOR : FunctionDecl.Kind.METHOD,
                constructor ? className : m.getName().toString(), params, body, false,
                annotations(m.getModifiers()), modifiers(m.getModifiers()), constructor ? null : type(m.getReturnType()));
    }

    private Param param(VariableTree p) {
        boolean varargs = isVarargs(p);
        TypeRef t;
        if (varargs && p.getType() instanceof ArrayTypeTree a) {
            TypeRef element = type(a.getType());
            t = new TypeRef(element.name() + "[]", element.arguments());
        } else {
            t = p.getType() == null ? TypeRef.of("") : type(p.getType());
        }
        return new Param(range(p), nameOf(p), t, null, annotations(p.getModifiers()), varargs);
    }

    private boolean isVarargs(VariableTree p) {
        if (!(p.getType() instanceof ArrayTypeTree)) return false;
        int from = start(p.getType());
        int to = nameStart(p);
        return from >= 0 && to > from && src.substring(from, to).contains("...");
    }

    private static Set<String> modifiers(ModifiersTree mods) {
        Set<String> out = new LinkedHashSet<>();
        for (Modifier m : mods.getFlags()) out.add(m.toString());
        return out;
    }

    private List<Annotation> annotations(ModifiersTree mods) {
        List<Annotation> out = new ArrayList<>();
        for (AnnotationTree a : mods.getAnnotations()) out.add(annotation(a));
        return out;
    }

    private Annotation annotation(AnnotationTree a) {
        Map<String, Expr> args = new LinkedHashMap<>();
        for (ExpressionTree arg : a.getArguments()) {
            if (arg instanceof AssignmentTree as && as.getVariable() instanceof IdentifierTree id) {
                args.put(id.getName().toString(), expr(as.getExpression()));
            } else {
                args.put("value", expr(arg));
            }
        }
        return new Annotation(range(a), a.getAnnotationType().toString(), args);
    }

    TypeRef type(Tree t) {
        if (t == null) return null;
        if (t instanceof AnnotatedTypeTree at) return type(at.getUnderlyingType());
        if (t instanceof IdentifierTree id) {
            return id.getName().contentEquals("var") ? null : new TypeRef(id.getName().toString(), List.of());
        }
        if (t instanceof MemberSelectTree ms) return new TypeRef(qualifiedName(ms), List.of());
        if (t instanceof ParameterizedTypeTree p) {
            List<TypeRef> args = new ArrayList<>();
            for (Tree a : p.getTypeArguments()) {
                TypeRef r = type(a);
                if (r != null) args.add(r);
            }
            return new TypeRef(baseName(p.getType()), args);
        }
        if (t instanceof UnionTypeTree u && !u.getTypeAlternatives().isEmpty()) return type(u.getTypeAlternatives().get(0));
        return TypeRef.of(typeString(t));
    }

    /** A class type's name with its qualifier, without type arguments: {@code Map.Entry}. */
    private static String baseName(Tree t) {
        if (t instanceof AnnotatedTypeTree at) return baseName(at.getUnderlyingType());
        if (t instanceof ParameterizedTypeTree p) return baseName(p.getType());
        if (t instanceof MemberSelectTree ms) return qualifiedName(ms);
        if (t instanceof IdentifierTree id) return id.getName().toString();
        return typeString(t);
    }

    private static String qualifiedName(MemberSelectTree ms) {
        return baseName(ms.getExpression()) + "." + ms.getIdentifier();
    }

    /** A type as written, normalised the way JavaParser printed it: {@code List<String>[]}, {@code ? extends T}. */
    private static String typeString(Tree t) {
        if (t instanceof AnnotatedTypeTree at) return typeString(at.getUnderlyingType());
        if (t instanceof IdentifierTree id) return id.getName().toString();
        if (t instanceof MemberSelectTree ms) return typeString(ms.getExpression()) + "." + ms.getIdentifier();
        if (t instanceof ParameterizedTypeTree p) {
            List<String> args = new ArrayList<>();
            for (Tree a : p.getTypeArguments()) args.add(typeString(a));
            return typeString(p.getType()) + "<" + String.join(", ", args) + ">";
        }
        if (t instanceof ArrayTypeTree a) return typeString(a.getType()) + "[]";
        if (t instanceof PrimitiveTypeTree p) return p.getPrimitiveTypeKind().name().toLowerCase(java.util.Locale.ROOT);
        if (t instanceof WildcardTree w) {
            if (w.getBound() == null) return "?";
            return (w.getKind() == Tree.Kind.SUPER_WILDCARD ? "? super " : "? extends ") + typeString(w.getBound());
        }
        if (t instanceof IntersectionTypeTree i) {
            List<String> parts = new ArrayList<>();
            for (Tree b : i.getBounds()) parts.add(typeString(b));
            return String.join(" & ", parts);
        }
        if (t instanceof UnionTypeTree u) {
            List<String> parts = new ArrayList<>();
            for (Tree b : u.getTypeAlternatives()) parts.add(typeString(b));
            return String.join(" | ", parts);
        }
        return t.toString();
    }

    // ---- statements ----

    private Block block(BlockTree b) {
        List<Stmt> out = new ArrayList<>();
        for (StatementTree s : b.getStatements()) addStmt(out, s);
        return new Block(range(b), out);
    }

    private Stmt stmt(StatementTree s) {
        List<Stmt> out = new ArrayList<>(1);
        addStmt(out, s);
        return out.size() == 1 ? out.get(0) : new Block(range(s), out);
    }

    private static ExpressionTree unparen(ExpressionTree e) {
        return e instanceof ParenthesizedTree p ? p.getExpression() : e;
    }

    private void addStmt(List<Stmt> out, StatementTree s) {
        SourceRange r = range(s);
        if (s instanceof BlockTree b) {
            out.add(block(b));
        } else if (s instanceof VariableTree v) {
            out.add(varDecl(v));
        } else if (s instanceof ExpressionStatementTree e) {
            out.add(new ExprStmt(r, expr(e.getExpression())));
        } else if (s instanceof IfTree i) {
            out.add(new If(r, expr(unparen(i.getCondition())), stmt(i.getThenStatement()),
                    i.getElseStatement() == null ? null : stmt(i.getElseStatement())));
        } else if (s instanceof ReturnTree ret) {
            out.add(new Return(r, ret.getExpression() == null ? null : expr(ret.getExpression())));
        } else if (s instanceof ThrowTree t) {
            out.add(new Throw(r, expr(t.getExpression())));
        } else if (s instanceof TryTree t) {
            out.add(tryStmt(t));
        } else if (s instanceof ForLoopTree f) {
            List<Stmt> init = new ArrayList<>();
            for (StatementTree i : f.getInitializer()) {
                if (i instanceof VariableTree v) init.add(varDecl(v));
                else if (i instanceof ExpressionStatementTree es) init.add(new ExprStmt(range(es.getExpression()), expr(es.getExpression())));
            }
            List<Expr> update = new ArrayList<>();
            for (ExpressionStatementTree u : f.getUpdate()) update.add(expr(u.getExpression()));
            out.add(new Loop(r, Loop.Kind.FOR, init, f.getCondition() == null ? null : expr(f.getCondition()), update,
                    null, null, stmt(f.getStatement()), false));
        } else if (s instanceof EnhancedForLoopTree f) {
            out.add(new Loop(r, Loop.Kind.FOR_OF, List.of(), null, List.of(), varDecl(f.getVariable()), expr(f.getExpression()),
                    stmt(f.getStatement()), false));
        } else if (s instanceof WhileLoopTree w) {
            out.add(new Loop(r, Loop.Kind.WHILE, List.of(), expr(unparen(w.getCondition())), List.of(), null, null,
                    stmt(w.getStatement()), false));
        } else if (s instanceof DoWhileLoopTree d) {
            out.add(new Loop(r, Loop.Kind.DO_WHILE, List.of(), expr(unparen(d.getCondition())), List.of(), null, null,
                    stmt(d.getStatement()), false));
        } else if (s instanceof SwitchTree sw) {
            out.add(new Switch(r, expr(unparen(sw.getExpression())), cases(sw.getCases())));
        } else if (s instanceof BreakTree b) {
            out.add(new Jump(r, Jump.Kind.BREAK, b.getLabel() == null ? null : b.getLabel().toString()));
        } else if (s instanceof ContinueTree c) {
            out.add(new Jump(r, Jump.Kind.CONTINUE, c.getLabel() == null ? null : c.getLabel().toString()));
        } else if (s instanceof LabeledStatementTree l) {
            out.add(new Labeled(r, l.getLabel().toString(), stmt(l.getStatement())));
        } else if (s instanceof SynchronizedTree sy) {
            out.add(new Synchronized(r, expr(unparen(sy.getExpression())), block(sy.getBlock())));
        } else if (s instanceof ClassTree c) {
            out.add(new Declaration(r, null, lowerType(c)));
        } else if (s instanceof YieldTree y) {
            out.add(new Return(r, expr(y.getValue())));
        } else if (s instanceof AssertTree a) {
            List<Expr> parts = new ArrayList<>();
            parts.add(expr(a.getCondition()));
            if (a.getDetail() != null) parts.add(expr(a.getDetail()));
            out.add(new OtherStmt(r, "assert", parts));
        } else if (s.getKind() == Tree.Kind.EMPTY_STATEMENT) {
            out.add(new OtherStmt(r, "EmptyStmt", List.of()));
        } else {
            out.add(new OtherStmt(r, s.getKind().name(), List.of()));
        }
    }

    private VarDecl varDecl(VariableTree v) {
        // javac marks try-with-resources variables final; the model says what the code wrote
        ModifiersTree mods = v.getModifiers();
        boolean fin = mods.getFlags().contains(Modifier.FINAL) && end(mods) > start(mods)
                && find("final", start(mods), end(mods)) >= 0;
        return new VarDecl(declaratorRange(v), fin ? VarDecl.Kind.JAVA_FINAL : VarDecl.Kind.JAVA, nameOf(v), type(v.getType()),
                v.getInitializer() == null ? null : expr(v.getInitializer()));
    }

    private Try tryStmt(TryTree t) {
        List<Stmt> resources = new ArrayList<>();
        for (Tree res : t.getResources()) {
            if (res instanceof VariableTree v) resources.add(varDecl(v));
            else if (res instanceof ExpressionTree e) resources.add(new ExprStmt(range(e), expr(e)));
        }
        List<Catch> catches = new ArrayList<>();
        for (CatchTree c : t.getCatches()) {
            List<TypeRef> types = new ArrayList<>();
            Tree pt = c.getParameter().getType();
            if (pt instanceof UnionTypeTree u) u.getTypeAlternatives().forEach(x -> types.add(type(x)));
            else types.add(type(pt));
            catches.add(new Catch(range(c), nameOf(c.getParameter()), types, block(c.getBlock())));
        }
        return new Try(range(t), resources, block(t.getBlock()), catches,
                t.getFinallyBlock() == null ? null : block(t.getFinallyBlock()));
    }

    private List<SwitchCase> cases(List<? extends CaseTree> entries) {
        List<SwitchCase> out = new ArrayList<>();
        for (CaseTree c : entries) {
            List<Stmt> body = new ArrayList<>();
            boolean arrow = c.getCaseKind() == CaseTree.CaseKind.RULE;
            if (!arrow) {
                for (StatementTree s : c.getStatements()) addStmt(body, s);
            } else if (c.getBody() instanceof ExpressionTree e) {
                body.add(new Return(range(e), expr(e)));   // `case A -> value;` gives its value
            } else if (c.getBody() instanceof StatementTree s) {
                addStmt(body, s);
            }
            out.add(new SwitchCase(range(c), exprs(c.getExpressions()), body, arrow));
        }
        return out;
    }

    // ---- expressions ----

    private List<Expr> exprs(List<? extends ExpressionTree> list) {
        List<Expr> out = new ArrayList<>(list.size());
        for (ExpressionTree e : list) out.add(expr(e));
        return out;
    }

    Expr expr(ExpressionTree e) {
        SourceRange r = range(e);
        if (e instanceof IdentifierTree n) {
            if (n.getName().contentEquals("this")) return new This(r, false);
            if (n.getName().contentEquals("super")) return new This(r, true);
            return new Name(r, n.getName().toString());
        }
        if (e instanceof MethodInvocationTree m) return call(m, r);
        if (e instanceof MemberSelectTree f) {
            String id = f.getIdentifier().toString();
            if (id.equals("this")) return new This(r, false);        // Outer.this
            if (id.equals("super")) return new This(r, true);
            if (id.equals("class")) return new OtherExpr(r, "class-literal:" + typeString(f.getExpression()), List.of());
            return new Member(r, expr(f.getExpression()), id, null, false);
        }
        if (e instanceof LiteralTree l) return literal(l, r);
        if (e instanceof ParenthesizedTree p) return new Cast(r, null, expr(p.getExpression()));
        if (e instanceof TypeCastTree c) return new Cast(r, type(c.getType()), expr(c.getExpression()));
        if (e instanceof AssignmentTree a) return new Assign(r, "=", expr(a.getVariable()), expr(a.getExpression()));
        if (e instanceof CompoundAssignmentTree a) {
            return new Assign(r, Operators.of(a.getKind()) + "=", expr(a.getVariable()), expr(a.getExpression()));
        }
        if (e instanceof BinaryTree b) return new Binary(r, Operators.of(b.getKind()), expr(b.getLeftOperand()), expr(b.getRightOperand()));
        if (e instanceof UnaryTree u) {
            return new Unary(r, Operators.of(u.getKind()), expr(u.getExpression()), Operators.isPrefix(u.getKind()));
        }
        if (e instanceof ConditionalExpressionTree c) {
            return new Conditional(r, expr(c.getCondition()), expr(c.getTrueExpression()), expr(c.getFalseExpression()));
        }
        if (e instanceof NewClassTree o) {
            TypeRef t = type(o.getIdentifier());
            String typeName = baseName(o.getIdentifier());
            ClassDecl body = o.getClassBody() == null ? null : lowerBody(simpleName(typeName), r, t, List.of(), List.of(),
                    o.getClassBody().getMembers(), false, false);
            return new New(r, new Name(range(o.getIdentifier()), typeName), t, exprs(o.getArguments()), body);
        }
        if (e instanceof LambdaExpressionTree l) return lambda(l, r);
        if (e instanceof InstanceOfTree i) {
            Tree type = i.getType();
            return new Binary(r, "instanceof", expr(i.getExpression()),
                    type == null ? new Name(r, "?") : new Name(range(type), typeString(type)));
        }
        if (e instanceof ArrayAccessTree a) return new Member(r, expr(a.getExpression()), null, expr(a.getIndex()), false);
        if (e instanceof NewArrayTree a) return newArray(a, r);
        if (e instanceof MemberReferenceTree m) {
            String name = m.getName().contentEquals("<init>") ? "new" : m.getName().toString();
            ExpressionTree q = m.getQualifierExpression();
            Expr qualifier = q instanceof MemberSelectTree ms && Character.isUpperCase(ms.getIdentifier().toString().codePointAt(0))
                    ? new Name(range(q), typeString(q)) : expr(q);   // Map.Entry::getKey names a type
            return new OtherExpr(r, "method-reference::" + name, List.of(qualifier));
        }
        if (e instanceof SwitchExpressionTree s) {
            List<SwitchCase> cases = cases(s.getCases());
            FunctionDecl fn = new FunctionDecl(r, FunctionDecl.Kind.LAMBDA, null, List.of(),
                    new Block(r, List.of(new Switch(r, expr(unparen(s.getExpression())), cases))), false, List.of(), Set.of(), null);
            return new OtherExpr(r, "switch", List.of(new Lambda(r, fn)));
        }
        if (e instanceof AnnotationTree a) return new OtherExpr(r, "annotation", List.of(annotation(a)));
        if (e instanceof ParameterizedTypeTree || e instanceof ArrayTypeTree || e instanceof PrimitiveTypeTree
                || e instanceof AnnotatedTypeTree) {
            return new Name(r, typeString(e));   // a type where an expression stands: List<String>::size
        }
        return new OtherExpr(r, e.getKind().name(), List.of());
    }

    private Call call(MethodInvocationTree m, SourceRange r) {
        ExpressionTree select = m.getMethodSelect();
        Expr callee;
        if (select instanceof IdentifierTree id && (id.getName().contentEquals("this") || id.getName().contentEquals("super"))) {
            callee = new This(range(select), id.getName().contentEquals("super"));   // this(...) or super(...) in a constructor
        } else if (select instanceof MemberSelectTree ms) {
            callee = new Member(range(ms), expr(ms.getExpression()), ms.getIdentifier().toString(), null, false);
        } else {
            callee = expr(select);
        }
        return new Call(r, callee, exprs(m.getArguments()), false);
    }

    private Expr literal(LiteralTree l, SourceRange r) {
        switch (l.getKind()) {
            case STRING_LITERAL:
                return new Literal(r, Literal.Kind.STRING, String.valueOf(l.getValue()));
            case CHAR_LITERAL: {
                String raw = text.slice(r);
                return new Literal(r, Literal.Kind.CHAR, raw.length() >= 2 ? raw.substring(1, raw.length() - 1) : raw);
            }
            case BOOLEAN_LITERAL:
                return new Literal(r, Literal.Kind.BOOLEAN, String.valueOf(l.getValue()));
            case NULL_LITERAL:
                return new Literal(r, Literal.Kind.NULL, "null");
            default: {
                // javac folds a minus into a decimal literal (-1); the model keeps the operator
                String raw = text.slice(r);
                if (raw.startsWith("-")) {
                    int digits = r.startOffset() + 1;
                    while (digits < r.endOffset() && Character.isWhitespace(src.charAt(digits))) digits++;
                    SourceRange dr = range(digits, r.endOffset());
                    return new Unary(r, "-", new Literal(dr, Literal.Kind.NUMBER, text.slice(dr)), true);
                }
                return new Literal(r, Literal.Kind.NUMBER, raw);
            }
        }
    }

    private Expr newArray(NewArrayTree a, SourceRange r) {
        if (a.getType() == null) return new ArrayLit(r, exprs(a.getInitializers()), false);   // {1, 2}
        List<Expr> parts = new ArrayList<>();
        if (a.getInitializers() != null) {
            int brace = src.indexOf('{', end(a.getType()));
            parts.add(new ArrayLit(brace < 0 || brace > r.endOffset() ? r : range(brace, r.endOffset()),
                    exprs(a.getInitializers()), false));
        }
        parts.addAll(exprs(a.getDimensions()));
        return new OtherExpr(r, "array-creation", parts);
    }

    private Lambda lambda(LambdaExpressionTree l, SourceRange r) {
        List<Param> params = new ArrayList<>();
        for (VariableTree p : l.getParameters()) params.add(param(p));
        Block body;
        if (l.getBody() instanceof BlockTree b) {
            body = block(b);
        } else {
            ExpressionTree e = (ExpressionTree) l.getBody();
            body = new Block(range(e), List.of(new Return(range(e), expr(e))));
        }
        return new Lambda(r, new FunctionDecl(r, FunctionDecl.Kind.LAMBDA, null, params, body, false,
                List.of(), Set.of(), null));
    }

    private static String simpleName(String qualified) {
        int dot = qualified.lastIndexOf('.');
        return dot < 0 ? qualified : qualified.substring(dot + 1);
    }
}
