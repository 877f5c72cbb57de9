package dev.prodlint.frontend.ts;

import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstClass;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstClassMethod;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstClassProp;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstComputedPropName;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstConstructor;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstDecorator;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstFunction;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstGetterProp;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstKeyValueProp;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstMethodProp;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstParam;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstPrivateMethod;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstPrivateName;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstPrivateProp;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstSetterProp;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstStaticBlock;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstAssignProp;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstArrowExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstAssignExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstAwaitExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstBinExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstCallExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstClassExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstCondExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstExprOrSpread;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstFnExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdent;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdentName;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstMemberExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstNewExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstOptChainExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstParenExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstSeqExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstSpreadElement;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstSuperPropExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstTaggedTpl;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstThisExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstTpl;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstTsAsExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstTsConstAssertion;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstTsInstantiation;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstTsNonNullExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstTsSatisfiesExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstTsTypeAssertion;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstUnaryExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstUpdateExpr;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstArrayLit;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstBigInt;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstBool;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstNull;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstNumber;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstObjectLit;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstRegex;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstStr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAst;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstClassMember;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstExpr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstModuleItem;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstParamOrTsParamProp;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstPat;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstProgram;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstPropOrSpread;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstStmt;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstTsEntityName;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstTsType;
import com.caoccao.javet.swc4j.ast.miscs.Swc4jAstCatchClause;
import com.caoccao.javet.swc4j.ast.miscs.Swc4jAstOptCall;
import com.caoccao.javet.swc4j.ast.miscs.Swc4jAstSwitchCase;
import com.caoccao.javet.swc4j.ast.miscs.Swc4jAstTplElement;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDefaultDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDefaultExpr;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportDefaultSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportNamedSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportStarAsSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstTsExternalModuleRef;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstTsImportEqualsDecl;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstArrayPat;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstAssignPat;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstAssignPatProp;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstBindingIdent;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstKeyValuePatProp;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstObjectPat;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstRestPat;
import com.caoccao.javet.swc4j.ast.program.Swc4jAstModule;
import com.caoccao.javet.swc4j.ast.program.Swc4jAstScript;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstBlockStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstBreakStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstClassDecl;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstContinueStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstDoWhileStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstExprStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstFnDecl;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstForInStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstForOfStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstForStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstIfStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstLabeledStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstReturnStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstSwitchStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstThrowStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstTryStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstUsingDecl;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstVarDecl;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstVarDeclarator;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstWhileStmt;
import com.caoccao.javet.swc4j.ast.ts.Swc4jAstTsArrayType;
import com.caoccao.javet.swc4j.ast.ts.Swc4jAstTsExprWithTypeArgs;
import com.caoccao.javet.swc4j.ast.ts.Swc4jAstTsKeywordType;
import com.caoccao.javet.swc4j.ast.ts.Swc4jAstTsParamProp;
import com.caoccao.javet.swc4j.ast.ts.Swc4jAstTsParenthesizedType;
import com.caoccao.javet.swc4j.ast.ts.Swc4jAstTsQualifiedName;
import com.caoccao.javet.swc4j.ast.ts.Swc4jAstTsTypeAnn;
import com.caoccao.javet.swc4j.ast.ts.Swc4jAstTsTypeRef;
import com.caoccao.javet.swc4j.ast.ts.Swc4jAstTsUnionType;
import com.caoccao.javet.swc4j.span.Swc4jSpan;
import dev.prodlint.model.Annotation;
import dev.prodlint.model.ClassDecl;
import dev.prodlint.model.FieldDecl;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Import;
import dev.prodlint.model.Language;
import dev.prodlint.model.Node;
import dev.prodlint.model.Param;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.SourceRange;
import dev.prodlint.model.SourceText;
import dev.prodlint.model.TypeRef;
import dev.prodlint.model.expr.ArrayLit;
import dev.prodlint.model.expr.Assign;
import dev.prodlint.model.expr.Await;
import dev.prodlint.model.expr.Binary;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Cast;
import dev.prodlint.model.expr.Conditional;
import dev.prodlint.model.expr.DefaultValue;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Lambda;
import dev.prodlint.model.expr.Literal;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.New;
import dev.prodlint.model.expr.ObjectLit;
import dev.prodlint.model.expr.OtherExpr;
import dev.prodlint.model.expr.Property;
import dev.prodlint.model.expr.Spread;
import dev.prodlint.model.expr.Template;
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
import dev.prodlint.model.stmt.Throw;
import dev.prodlint.model.stmt.Try;
import dev.prodlint.model.stmt.VarDecl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Lowers one swc4j program into the program model. One instance per file. */
final class SwcLowering {
    /** Deeper expressions are cut off, so that everything downstream sees bounded nesting. */
    private static final int MAX_DEPTH = 1500;

    private final String path;
    private final Language language;
    private final SourceText text;
    private final OffsetMap offsets;
    private final List<Import> imports = new ArrayList<>();
    private int depth;

    SwcLowering(String path, Language language, SourceText text, OffsetMap offsets) {
        this.path = path;
        this.language = language;
        this.text = text;
        this.offsets = offsets;
    }

    SourceModule lower(ISwc4jAstProgram<?> program) {
        List<Stmt> body = new ArrayList<>();
        if (program instanceof Swc4jAstModule m) {
            for (ISwc4jAstModuleItem item : m.getBody()) moduleItem(item, body);
        } else if (program instanceof Swc4jAstScript s) {
            for (ISwc4jAstStmt st : s.getBody()) topLevelStmt(st, body);
        }
        SourceRange all = text.fullRange();
        FunctionDecl moduleBody = new FunctionDecl(all, FunctionDecl.Kind.MODULE_BODY, "<module>", List.of(),
                new Block(all, body), false, List.of(), Set.of(), null);
        SourceModule module = new SourceModule(path, language, text, imports, List.of(), moduleBody);
        module.linkParents();
        return module;
    }

    private SourceRange range(ISwc4jAst n) {
        Swc4jSpan s = n.getSpan();
        if (s == null) return SourceRange.NONE;
        int start = offsets.toUtf16(s.getStart());
        int end = offsets.toUtf16(s.getEnd());
        int len = text.content().length();
        start = Math.max(0, Math.min(start, len));
        end = Math.max(start, Math.min(end, len));
        return text.range(start, end);
    }

    // ---- module level ----

    private void moduleItem(ISwc4jAstModuleItem item, List<Stmt> out) {
        if (item instanceof Swc4jAstImportDecl d) {
            if (d.isTypeOnly()) return;
            String module = d.getSrc().getValue();
            for (var spec : d.getSpecifiers()) {
                if (spec instanceof Swc4jAstImportNamedSpecifier n) {
                    if (n.isTypeOnly()) continue;
                    String imported = n.getImported().map(SwcLowering::exportName).orElse(n.getLocal().getSym());
                    imports.add(new Import(range(n), Import.Kind.ESM, module, imported, n.getLocal().getSym()));
                } else if (spec instanceof Swc4jAstImportDefaultSpecifier ds) {
                    imports.add(new Import(range(ds), Import.Kind.ESM, module, "default", ds.getLocal().getSym()));
                } else if (spec instanceof Swc4jAstImportStarAsSpecifier ss) {
                    imports.add(new Import(range(ss), Import.Kind.ESM, module, "*", ss.getLocal().getSym()));
                }
            }
        } else if (item instanceof Swc4jAstTsImportEqualsDecl ie) {
            if (ie.getModuleRef() instanceof Swc4jAstTsExternalModuleRef ref) {
                imports.add(new Import(range(ie), Import.Kind.REQUIRE, ref.getExpr().getValue(), "*", ie.getId().getSym()));
            }
        } else if (item instanceof Swc4jAstExportDecl e) {
            topLevelStmt(e.getDecl(), out);
        } else if (item instanceof Swc4jAstExportDefaultDecl e) {
            ISwc4jAst d = e.getDecl();
            if (d instanceof Swc4jAstFnExpr fe) {
                out.add(new Declaration(range(e), function(fe.getFunction(), FunctionDecl.Kind.FUNCTION,
                        fe.getIdent().map(Swc4jAstIdent::getSym).orElse("default"), List.of()), null));
            } else if (d instanceof Swc4jAstClassExpr ce) {
                out.add(new Declaration(range(e), null, classDecl(ce.getClazz(),
                        ce.getIdent().map(Swc4jAstIdent::getSym).orElse("default"), range(ce))));
            }
        } else if (item instanceof Swc4jAstExportDefaultExpr e) {
            out.add(new ExprStmt(range(e), expr(e.getExpr())));
        } else if (item instanceof ISwc4jAstStmt s) {
            topLevelStmt(s, out);
        }
    }

    private static String exportName(ISwc4jAst n) {
        if (n instanceof Swc4jAstIdent i) return i.getSym();
        if (n instanceof Swc4jAstStr s) return s.getValue();
        return String.valueOf(n);
    }

    /** Top-level {@code const x = require('m')} and {@code const {a} = require('m')} become imports. */
    private void topLevelStmt(ISwc4jAstStmt s, List<Stmt> out) {
        if (s instanceof Swc4jAstVarDecl v && v.getDecls().size() == 1) {
            Swc4jAstVarDeclarator d = v.getDecls().get(0);
            Optional<String[]> req = d.getInit().flatMap(this::requireOf);
            if (req.isPresent()) {
                String module = req.get()[0];
                String member = req.get()[1];
                if (d.getName() instanceof Swc4jAstBindingIdent b) {
                    imports.add(new Import(range(d), Import.Kind.REQUIRE, module, member == null ? "*" : member, b.getId().getSym()));
                    return;
                }
                if (d.getName() instanceof Swc4jAstObjectPat p && member == null && simpleDestructure(p)) {
                    for (var prop : p.getProps()) {
                        if (prop instanceof Swc4jAstAssignPatProp ap) {
                            String n = ap.getKey().getId().getSym();
                            imports.add(new Import(range(ap), Import.Kind.REQUIRE, module, n, n));
                        } else if (prop instanceof Swc4jAstKeyValuePatProp kv && kv.getValue() instanceof Swc4jAstBindingIdent b) {
                            imports.add(new Import(range(kv), Import.Kind.REQUIRE, module, propName(kv.getKey()),
                                    b.getId().getSym()));
                        }
                    }
                    return;
                }
            }
        }
        addStmt(s, out);
    }

    private static boolean simpleDestructure(Swc4jAstObjectPat p) {
        for (var prop : p.getProps()) {
            if (prop instanceof Swc4jAstAssignPatProp ap && ap.getValue().isEmpty()) continue;
            if (prop instanceof Swc4jAstKeyValuePatProp kv && kv.getValue() instanceof Swc4jAstBindingIdent) continue;
            return false;
        }
        return true;
    }

    /** {@code require('m')} gives [m, null]; {@code require('m').x} gives [m, x]. */
    private Optional<String[]> requireOf(ISwc4jAstExpr e) {
        ISwc4jAstExpr x = e;
        String member = null;
        if (x instanceof Swc4jAstMemberExpr m && m.getProp() instanceof Swc4jAstIdentName p) {
            member = p.getSym();
            x = m.getObj();
        }
        if (x instanceof Swc4jAstCallExpr c && c.getCallee() instanceof Swc4jAstIdent id && id.getSym().equals("require")
                && c.getArgs().size() == 1 && c.getArgs().get(0).getExpr() instanceof Swc4jAstStr s) {
            return Optional.of(new String[] {s.getValue(), member});
        }
        return Optional.empty();
    }

    // ---- statements ----

    private Block block(Swc4jAstBlockStmt b) {
        List<Stmt> out = new ArrayList<>();
        for (ISwc4jAstStmt s : b.getStmts()) addStmt(s, out);
        return new Block(range(b), out);
    }

    private Stmt stmt(ISwc4jAstStmt s) {
        List<Stmt> out = new ArrayList<>(1);
        addStmt(s, out);
        return out.size() == 1 ? out.get(0) : new Block(range(s), out);
    }

    private void addStmt(ISwc4jAstStmt s, List<Stmt> out) {
        if (++depth > MAX_DEPTH) {
            depth--;
            out.add(new OtherStmt(range(s), "too-deep", List.of()));
            return;
        }
        try {
            lowerStmt(s, out);
        } finally {
            depth--;
        }
    }

    private void lowerStmt(ISwc4jAstStmt s, List<Stmt> out) {
        SourceRange r = range(s);
        if (s instanceof Swc4jAstBlockStmt b) {
            out.add(block(b));
        } else if (s instanceof Swc4jAstExprStmt e) {
            out.add(new ExprStmt(r, expr(e.getExpr())));
        } else if (s instanceof Swc4jAstVarDecl v) {
            if (v.isDeclare()) return;
            VarDecl.Kind kind = switch (v.getKind().getName()) {
                case "const" -> VarDecl.Kind.CONST;
                case "let" -> VarDecl.Kind.LET;
                default -> VarDecl.Kind.VAR;
            };
            for (Swc4jAstVarDeclarator d : v.getDecls()) out.add(varDecl(d, kind));
        } else if (s instanceof Swc4jAstUsingDecl u) {
            for (Swc4jAstVarDeclarator d : u.getDecls()) out.add(varDecl(d, VarDecl.Kind.USING));
        } else if (s instanceof Swc4jAstFnDecl f) {
            if (f.isDeclare()) return;
            out.add(new Declaration(r, function(f.getFunction(), FunctionDecl.Kind.FUNCTION, f.getIdent().getSym(), List.of()), null));
        } else if (s instanceof Swc4jAstClassDecl c) {
            if (c.isDeclare()) return;
            out.add(new Declaration(r, null, classDecl(c.getClazz(), c.getIdent().getSym(), r)));
        } else if (s instanceof Swc4jAstIfStmt i) {
            out.add(new If(r, expr(i.getTest()), stmt(i.getCons()), i.getAlt().map(this::stmt).orElse(null)));
        } else if (s instanceof Swc4jAstReturnStmt ret) {
            out.add(new Return(r, ret.getArg().map(this::expr).orElse(null)));
        } else if (s instanceof Swc4jAstThrowStmt t) {
            out.add(new Throw(r, expr(t.getArg())));
        } else if (s instanceof Swc4jAstTryStmt t) {
            List<Catch> catches = new ArrayList<>();
            if (t.getHandler().isPresent()) {
                Swc4jAstCatchClause c = t.getHandler().get();
                catches.add(new Catch(range(c), c.getParam().map(this::pattern).orElse(null), List.of(), block(c.getBody())));
            }
            out.add(new Try(r, List.of(), block(t.getBlock()), catches, t.getFinalizer().map(this::block).orElse(null)));
        } else if (s instanceof Swc4jAstForStmt f) {
            List<Stmt> init = new ArrayList<>();
            f.getInit().ifPresent(i -> {
                if (i instanceof ISwc4jAstStmt st) addStmt(st, init);
                else if (i instanceof ISwc4jAstExpr e) init.add(new ExprStmt(range(e), expr(e)));
            });
            List<Expr> update = new ArrayList<>();
            f.getUpdate().ifPresent(u -> update.add(expr(u)));
            out.add(new Loop(r, Loop.Kind.FOR, init, f.getTest().map(this::expr).orElse(null), update, null, null,
                    stmt(f.getBody()), false));
        } else if (s instanceof Swc4jAstForOfStmt f) {
            out.add(new Loop(r, Loop.Kind.FOR_OF, List.of(), null, List.of(), forHead(f.getLeft()), expr(f.getRight()),
                    stmt(f.getBody()), f.isAwait()));
        } else if (s instanceof Swc4jAstForInStmt f) {
            out.add(new Loop(r, Loop.Kind.FOR_IN, List.of(), null, List.of(), forHead(f.getLeft()), expr(f.getRight()),
                    stmt(f.getBody()), false));
        } else if (s instanceof Swc4jAstWhileStmt w) {
            out.add(new Loop(r, Loop.Kind.WHILE, List.of(), expr(w.getTest()), List.of(), null, null, stmt(w.getBody()), false));
        } else if (s instanceof Swc4jAstDoWhileStmt d) {
            out.add(new Loop(r, Loop.Kind.DO_WHILE, List.of(), expr(d.getTest()), List.of(), null, null, stmt(d.getBody()), false));
        } else if (s instanceof Swc4jAstSwitchStmt sw) {
            List<SwitchCase> cases = new ArrayList<>();
            for (Swc4jAstSwitchCase c : sw.getCases()) {
                List<Stmt> body = new ArrayList<>();
                for (ISwc4jAstStmt st : c.getCons()) addStmt(st, body);
                cases.add(new SwitchCase(range(c), c.getTest().map(t -> List.of(expr(t))).orElse(List.of()), body, false));
            }
            out.add(new Switch(r, expr(sw.getDiscriminant()), cases));
        } else if (s instanceof Swc4jAstBreakStmt b) {
            out.add(new Jump(r, Jump.Kind.BREAK, b.getLabel().map(Swc4jAstIdent::getSym).orElse(null)));
        } else if (s instanceof Swc4jAstContinueStmt c) {
            out.add(new Jump(r, Jump.Kind.CONTINUE, c.getLabel().map(Swc4jAstIdent::getSym).orElse(null)));
        } else if (s instanceof Swc4jAstLabeledStmt l) {
            out.add(new Labeled(r, l.getLabel().getSym(), stmt(l.getBody())));
        } else {
            // Type declarations, namespaces, empty statements: keep the code inside them visible.
            out.add(new OtherStmt(r, s.getClass().getSimpleName().replace("Swc4jAst", ""), nested(s)));
        }
    }

    private Stmt forHead(ISwc4jAst left) {
        if (left instanceof Swc4jAstVarDecl v && !v.getDecls().isEmpty()) {
            VarDecl.Kind kind = v.getKind().getName().equals("const") ? VarDecl.Kind.CONST
                    : v.getKind().getName().equals("let") ? VarDecl.Kind.LET : VarDecl.Kind.VAR;
            return varDecl(v.getDecls().get(0), kind);
        }
        if (left instanceof Swc4jAstUsingDecl u && !u.getDecls().isEmpty()) return varDecl(u.getDecls().get(0), VarDecl.Kind.USING);
        if (left instanceof ISwc4jAstPat p) return new ExprStmt(range(left), pattern(p));
        return new OtherStmt(range(left), "for-head", List.of());
    }

    private VarDecl varDecl(Swc4jAstVarDeclarator d, VarDecl.Kind kind) {
        TypeRef type = d.getName() instanceof Swc4jAstBindingIdent b ? b.getTypeAnn().map(this::type).orElse(null) : null;
        String nameHint = d.getName() instanceof Swc4jAstBindingIdent b ? b.getId().getSym() : null;
        Expr init = d.getInit().map(e -> exprNamed(e, nameHint)).orElse(null);
        return new VarDecl(range(d), kind, pattern(d.getName()), type, init);
    }

    // ---- functions and classes ----

    private FunctionDecl function(Swc4jAstFunction f, FunctionDecl.Kind kind, String name, List<Param> extraParams) {
        List<Param> params = new ArrayList<>(extraParams);
        for (Swc4jAstParam p : f.getParams()) params.add(param(p.getPat(), decorators(p.getDecorators()), range(p)));
        Block body = f.getBody().map(this::block).orElse(null);
        return new FunctionDecl(range(f), kind, name, params, body, f.isAsync(), decorators(f.getDecorators()), Set.of(),
                f.getReturnType().map(this::type).orElse(null));
    }

    private Param param(ISwc4jAstPat pat, List<Annotation> annotations, SourceRange r) {
        ISwc4jAstPat target = pat;
        Expr defaultValue = null;
        if (pat instanceof Swc4jAstAssignPat ap) {
            target = ap.getLeft();
            defaultValue = expr(ap.getRight());
        }
        boolean rest = target instanceof Swc4jAstRestPat;
        if (target instanceof Swc4jAstRestPat rp) target = rp.getArg();
        TypeRef type = null;
        if (target instanceof Swc4jAstBindingIdent b) type = b.getTypeAnn().map(this::type).orElse(null);
        else if (target instanceof Swc4jAstObjectPat op) type = op.getTypeAnn().map(this::type).orElse(null);
        return new Param(r, pattern(target), type, defaultValue, annotations, rest);
    }

    private Lambda arrow(Swc4jAstArrowExpr a, String name) {
        SourceRange r = range(a);
        List<Param> params = new ArrayList<>();
        for (ISwc4jAstPat p : a.getParams()) params.add(param(p, List.of(), range(p)));
        Block body;
        if (a.getBody() instanceof Swc4jAstBlockStmt b) {
            body = block(b);
        } else {
            ISwc4jAstExpr e = (ISwc4jAstExpr) a.getBody();
            SourceRange er = range(e);
            body = new Block(er, List.of(new Return(er, expr(e))));
        }
        return new Lambda(r, new FunctionDecl(r, FunctionDecl.Kind.ARROW, name, params, body, a.isAsync(), List.of(),
                Set.of(), a.getReturnType().map(this::type).orElse(null)));
    }

    private ClassDecl classDecl(Swc4jAstClass c, String name, SourceRange r) {
        List<FieldDecl> fields = new ArrayList<>();
        List<FunctionDecl> methods = new ArrayList<>();
        for (ISwc4jAstClassMember m : c.getBody()) {
            if (m instanceof Swc4jAstClassProp p) {
                Set<String> mods = modifiers(p.isStatic(), p.isReadonly(), p.getAccessibility().map(x -> x.getName()).orElse(null));
                fields.add(new FieldDecl(range(p), memberName(p.getKey()), p.getTypeAnn().map(this::type).orElse(null),
                        p.getValue().map(v -> exprNamed(v, propName(p.getKey()))).orElse(null), decorators(p.getDecorators()), mods));
            } else if (m instanceof Swc4jAstPrivateProp p) {
                Set<String> mods = modifiers(p.isStatic(), p.isReadonly(), "private");
                fields.add(new FieldDecl(range(p), "#" + p.getKey().getName(), p.getTypeAnn().map(this::type).orElse(null),
                        p.getValue().map(this::expr).orElse(null), decorators(p.getDecorators()), mods));
            } else if (m instanceof Swc4jAstClassMethod cm) {
                FunctionDecl f = function(cm.getFunction(), FunctionDecl.Kind.METHOD, memberName(cm.getKey()), List.of());
                methods.add(withModifiers(f, modifiers(cm.isStatic(), false, cm.getAccessibility().map(x -> x.getName()).orElse(null))));
            } else if (m instanceof Swc4jAstPrivateMethod pm) {
                methods.add(function(pm.getFunction(), FunctionDecl.Kind.METHOD, "#" + pm.getKey().getName(), List.of()));
            } else if (m instanceof Swc4jAstConstructor ctor) {
                methods.add(constructor(ctor, fields));
            } else if (m instanceof Swc4jAstStaticBlock sb) {
                methods.add(new FunctionDecl(range(sb), FunctionDecl.Kind.METHOD, "<clinit>", List.of(), block(sb.getBody()),
                        false, List.of(), Set.of("static"), null));
            }
        }
        TypeRef superclass = c.getSuperClass().map(e -> TypeRef.of(text.slice(range(e)))).orElse(null);
        List<TypeRef> interfaces = new ArrayList<>();
        for (Swc4jAstTsExprWithTypeArgs i : c.getImplements()) interfaces.add(TypeRef.of(text.slice(range(i.getExpr()))));
        return new ClassDecl(r, name, superclass, interfaces, decorators(c.getDecorators()), fields, methods, List.of());
    }

    /** Constructor parameter properties ({@code constructor(private readonly pool: Pool)}) are fields too. */
    private FunctionDecl constructor(Swc4jAstConstructor ctor, List<FieldDecl> fields) {
        List<Param> params = new ArrayList<>();
        for (ISwc4jAstParamOrTsParamProp p : ctor.getParams()) {
            if (p instanceof Swc4jAstParam sp) {
                params.add(param(sp.getPat(), decorators(sp.getDecorators()), range(sp)));
            } else if (p instanceof Swc4jAstTsParamProp pp) {
                Param param = param((ISwc4jAstPat) pp.getParam(), decorators(pp.getDecorators()), range(pp));
                params.add(param);
                if (param.name() != null) {
                    Set<String> mods = modifiers(false, pp.isReadonly(), pp.getAccessibility().map(x -> x.getName()).orElse("public"));
                    fields.add(new FieldDecl(range(pp), param.name(), param.type(), null, List.of(), mods));
                }
            }
        }
        Block body = ctor.getBody().map(this::block).orElse(null);
        return new FunctionDecl(range(ctor), FunctionDecl.Kind.CONSTRUCTOR, "constructor", params, body, false, List.of(),
                Set.of(), null);
    }

    private static FunctionDecl withModifiers(FunctionDecl f, Set<String> mods) {
        if (mods.isEmpty()) return f;
        return new FunctionDecl(f.range(), f.kind(), f.name(), f.params(), f.body(), f.isAsync(), f.annotations(), mods,
                f.returnType());
    }

    private static Set<String> modifiers(boolean isStatic, boolean readonly, String access) {
        Set<String> out = new LinkedHashSet<>();
        if (isStatic) out.add("static");
        if (readonly) out.add("readonly");
        if (access != null) out.add(access);
        return out;
    }

    private List<Annotation> decorators(List<Swc4jAstDecorator> list) {
        List<Annotation> out = new ArrayList<>();
        for (Swc4jAstDecorator d : list) {
            ISwc4jAstExpr e = d.getExpr();
            Map<String, Expr> args = new LinkedHashMap<>();
            String name;
            if (e instanceof Swc4jAstCallExpr c) {
                name = text.slice(range(c.getCallee()));
                List<Swc4jAstExprOrSpread> as = c.getArgs();
                for (int i = 0; i < as.size(); i++) args.put(i == 0 ? "value" : String.valueOf(i), expr(as.get(i).getExpr()));
            } else {
                name = text.slice(range(e));
            }
            out.add(new Annotation(range(d), name, args));
        }
        return out;
    }

    /** A class member's name; a computed one is named by its source text. */
    private String memberName(ISwc4jAst key) {
        String n = propName(key);
        return n != null ? n : text.slice(range(key));
    }

    /** A key's name; computed keys ({@code [expr]}) have none and give null. */
    private String propName(ISwc4jAst key) {
        if (key instanceof Swc4jAstIdentName i) return i.getSym();
        if (key instanceof Swc4jAstIdent i) return i.getSym();
        if (key instanceof Swc4jAstStr s) return s.getValue();
        if (key instanceof Swc4jAstNumber n) return n.getRaw().orElse(String.valueOf(n.getValue()));
        if (key instanceof Swc4jAstPrivateName p) return "#" + p.getName();
        if (key instanceof Swc4jAstComputedPropName c && c.getExpr() instanceof Swc4jAstStr s) return s.getValue();
        return null;
    }

    // ---- types ----

    private TypeRef type(Swc4jAstTsTypeAnn ann) {
        return type(ann.getTypeAnn());
    }

    private TypeRef type(ISwc4jAstTsType t) {
        if (t instanceof Swc4jAstTsTypeRef ref) {
            List<TypeRef> args = new ArrayList<>();
            ref.getTypeParams().ifPresent(tp -> {
                for (ISwc4jAstTsType a : tp.getParams()) {
                    TypeRef x = type(a);
                    if (x != null) args.add(x);
                }
            });
            return new TypeRef(entityName(ref.getTypeName()), args);
        }
        if (t instanceof Swc4jAstTsUnionType u) {
            for (ISwc4jAstTsType m : u.getTypes()) {
                if (m instanceof Swc4jAstTsKeywordType k && isNullishKeyword(k)) continue;
                return type(m);
            }
            return null;
        }
        if (t instanceof Swc4jAstTsParenthesizedType p) return type(p.getTypeAnn());
        if (t instanceof Swc4jAstTsArrayType a) {
            TypeRef e = type(a.getElemType());
            return e == null ? null : new TypeRef(e.name() + "[]", List.of(e));
        }
        if (t instanceof Swc4jAstTsKeywordType k) return TypeRef.of(k.getKind().getName());
        return null;
    }

    private static boolean isNullishKeyword(Swc4jAstTsKeywordType k) {
        String n = k.getKind().getName();
        return n.equals("null") || n.equals("undefined") || n.equals("void");
    }

    private static String entityName(ISwc4jAstTsEntityName n) {
        if (n instanceof Swc4jAstIdent i) return i.getSym();
        if (n instanceof Swc4jAstTsQualifiedName q) return entityName(q.getLeft()) + "." + q.getRight().getSym();
        return "?";
    }

    // ---- patterns ----

    private Expr pattern(ISwc4jAstPat p) {
        SourceRange r = range(p);
        if (p instanceof Swc4jAstBindingIdent b) return new Name(range(b.getId()), b.getId().getSym());
        if (p instanceof Swc4jAstObjectPat o) {
            List<Property> props = new ArrayList<>();
            for (var prop : o.getProps()) {
                if (prop instanceof Swc4jAstKeyValuePatProp kv) {
                    String key = propName(kv.getKey());
                    Expr computed = kv.getKey() instanceof Swc4jAstComputedPropName c ? expr(c.getExpr()) : null;
                    props.add(new Property(range(kv), Property.Kind.INIT, key, computed, pattern(kv.getValue()), null));
                } else if (prop instanceof Swc4jAstAssignPatProp ap) {
                    Swc4jAstIdent id = ap.getKey().getId();
                    props.add(new Property(range(ap), Property.Kind.SHORTHAND, id.getSym(), null,
                            new Name(range(id), id.getSym()), ap.getValue().map(this::expr).orElse(null)));
                } else if (prop instanceof Swc4jAstRestPat rp) {
                    props.add(new Property(range(rp), Property.Kind.SPREAD, null, null, pattern(rp.getArg()), null));
                }
            }
            return new ObjectLit(r, props, true);
        }
        if (p instanceof Swc4jAstArrayPat a) {
            List<Expr> elems = new ArrayList<>();
            for (Optional<ISwc4jAstPat> e : a.getElems()) e.ifPresent(x -> elems.add(pattern(x)));
            return new ArrayLit(r, elems, true);
        }
        if (p instanceof Swc4jAstRestPat rp) return new Spread(r, pattern(rp.getArg()));
        if (p instanceof Swc4jAstAssignPat ap) return new DefaultValue(r, pattern(ap.getLeft()), expr(ap.getRight()));
        if (p instanceof ISwc4jAstExpr e) return expr(e);
        return new OtherExpr(r, "pattern", List.of());
    }

    // ---- expressions ----

    /** Lowers an expression that is the value of a named binding, so anonymous functions get that name. */
    private Expr exprNamed(ISwc4jAstExpr e, String name) {
        if (name != null && e instanceof Swc4jAstArrowExpr a) return arrow(a, name);
        if (name != null && e instanceof Swc4jAstFnExpr f) {
            return new Lambda(range(f), function(f.getFunction(), FunctionDecl.Kind.FUNCTION,
                    f.getIdent().map(Swc4jAstIdent::getSym).orElse(name), List.of()));
        }
        return expr(e);
    }

    private List<Expr> args(List<Swc4jAstExprOrSpread> list) {
        List<Expr> out = new ArrayList<>(list.size());
        for (Swc4jAstExprOrSpread a : list) {
            Expr e = expr(a.getExpr());
            out.add(a.getSpread().isPresent() ? new Spread(range(a), e) : e);
        }
        return out;
    }

    Expr expr(ISwc4jAst e) {
        if (++depth > MAX_DEPTH) {
            depth--;
            return new OtherExpr(range(e), "too-deep", List.of());
        }
        try {
            return lowerExpr(e);
        } finally {
            depth--;
        }
    }

    private Expr lowerExpr(ISwc4jAst e) {
        SourceRange r = range(e);
        if (e instanceof Swc4jAstIdent i) {
            if (i.getSym().equals("undefined")) return new Literal(r, Literal.Kind.UNDEFINED, "undefined");
            return new Name(r, i.getSym());
        }
        if (e instanceof Swc4jAstBindingIdent b) return new Name(range(b.getId()), b.getId().getSym());
        if (e instanceof Swc4jAstCallExpr c) {
            ISwc4jAst callee = c.getCallee();
            Expr ce;
            if (callee instanceof com.caoccao.javet.swc4j.ast.clazz.Swc4jAstSuper) ce = new This(range(callee), true);
            else if (callee instanceof com.caoccao.javet.swc4j.ast.module.Swc4jAstImport) ce = new Name(range(callee), "import");
            else ce = expr(callee);
            return new Call(r, ce, args(c.getArgs()), false);
        }
        if (e instanceof Swc4jAstMemberExpr m) return member(m, false);
        if (e instanceof Swc4jAstOptChainExpr o) {
            ISwc4jAst base = o.getBase();
            if (base instanceof Swc4jAstMemberExpr m) return member(m, o.isOptional());
            if (base instanceof Swc4jAstOptCall oc) return new Call(r, expr(oc.getCallee()), args(oc.getArgs()), o.isOptional());
            return expr(base);
        }
        if (e instanceof Swc4jAstAwaitExpr a) return new Await(r, expr(a.getArg()));
        if (e instanceof Swc4jAstStr s) return new Literal(r, Literal.Kind.STRING, s.getValue());
        if (e instanceof Swc4jAstNumber n) return new Literal(r, Literal.Kind.NUMBER, n.getRaw().orElse(String.valueOf(n.getValue())));
        if (e instanceof Swc4jAstBool b) return new Literal(r, Literal.Kind.BOOLEAN, String.valueOf(b.isValue()));
        if (e instanceof Swc4jAstNull) return new Literal(r, Literal.Kind.NULL, "null");
        if (e instanceof Swc4jAstRegex re) return new Literal(r, Literal.Kind.REGEX, re.getExp());
        if (e instanceof Swc4jAstBigInt bi) return new Literal(r, Literal.Kind.NUMBER, bi.getRaw().orElse(String.valueOf(bi.getValue())));
        if (e instanceof Swc4jAstTpl t) return template(t, null, r);
        if (e instanceof Swc4jAstTaggedTpl t) return template(t.getTpl(), expr(t.getTag()), r);
        if (e instanceof Swc4jAstThisExpr) return new This(r, false);
        if (e instanceof Swc4jAstArrowExpr a) return arrow(a, null);
        if (e instanceof Swc4jAstFnExpr f) {
            return new Lambda(r, function(f.getFunction(), FunctionDecl.Kind.FUNCTION,
                    f.getIdent().map(Swc4jAstIdent::getSym).orElse(null), List.of()));
        }
        if (e instanceof Swc4jAstNewExpr n) {
            Expr callee = expr(n.getCallee());
            TypeRef t = TypeRef.of(text.slice(range(n.getCallee())));
            return new New(r, callee, t, n.getArgs().map(this::args).orElse(List.of()), null);
        }
        if (e instanceof Swc4jAstObjectLit o) return objectLit(o, r);
        if (e instanceof Swc4jAstArrayLit a) {
            List<Expr> elems = new ArrayList<>();
            for (Optional<Swc4jAstExprOrSpread> x : a.getElems()) {
                x.ifPresent(es -> {
                    Expr v = expr(es.getExpr());
                    elems.add(es.getSpread().isPresent() ? new Spread(range(es), v) : v);
                });
            }
            return new ArrayLit(r, elems, false);
        }
        if (e instanceof Swc4jAstAssignExpr a) {
            ISwc4jAst left = a.getLeft();
            Expr target = left instanceof Swc4jAstObjectPat || left instanceof Swc4jAstArrayPat
                    ? pattern((ISwc4jAstPat) left) : expr(left);
            String name = target instanceof Name n ? n.id() : target instanceof Member m ? m.property() : null;
            return new Assign(r, a.getOp().getName(), target, exprNamed(a.getRight(), name));
        }
        if (e instanceof Swc4jAstBinExpr b) return new Binary(r, b.getOp().getName(), expr(b.getLeft()), expr(b.getRight()));
        if (e instanceof Swc4jAstUnaryExpr u) return new Unary(r, u.getOp().getName(), expr(u.getArg()), true);
        if (e instanceof Swc4jAstUpdateExpr u) return new Unary(r, u.getOp().getName(), expr(u.getArg()), u.isPrefix());
        if (e instanceof Swc4jAstCondExpr c) return new Conditional(r, expr(c.getTest()), expr(c.getCons()), expr(c.getAlt()));
        if (e instanceof Swc4jAstParenExpr p) return new Cast(r, null, expr(p.getExpr()));
        if (e instanceof Swc4jAstTsAsExpr a) return new Cast(r, type(a.getTypeAnn()), expr(a.getExpr()));
        if (e instanceof Swc4jAstTsTypeAssertion a) return new Cast(r, type(a.getTypeAnn()), expr(a.getExpr()));
        if (e instanceof Swc4jAstTsNonNullExpr n) return new Cast(r, null, expr(n.getExpr()));
        if (e instanceof Swc4jAstTsSatisfiesExpr s) return new Cast(r, null, expr(s.getExpr()));
        if (e instanceof Swc4jAstTsConstAssertion c) return new Cast(r, null, expr(c.getExpr()));
        if (e instanceof Swc4jAstTsInstantiation i) return expr(i.getExpr());
        if (e instanceof Swc4jAstSeqExpr s) {
            List<Expr> parts = new ArrayList<>();
            for (ISwc4jAstExpr x : s.getExprs()) parts.add(expr(x));
            return new OtherExpr(r, "sequence", parts);
        }
        if (e instanceof Swc4jAstSpreadElement s) return new Spread(r, expr(s.getExpr()));
        if (e instanceof Swc4jAstClassExpr c) {
            return new OtherExpr(r, "class", List.of(classDecl(c.getClazz(), c.getIdent().map(Swc4jAstIdent::getSym).orElse(null), r)));
        }
        if (e instanceof Swc4jAstSuperPropExpr sp) {
            String prop = sp.getProp() instanceof Swc4jAstIdentName n ? n.getSym() : null;
            return new Member(r, new This(range(sp.getObj()), true), prop, null, false);
        }
        return new OtherExpr(r, e.getClass().getSimpleName().replace("Swc4jAst", ""), nested(e));
    }

    private Expr member(Swc4jAstMemberExpr m, boolean optional) {
        SourceRange r = range(m);
        Expr obj = expr(m.getObj());
        ISwc4jAst prop = m.getProp();
        if (prop instanceof Swc4jAstIdentName n) return new Member(r, obj, n.getSym(), null, optional);
        if (prop instanceof Swc4jAstPrivateName p) return new Member(r, obj, "#" + p.getName(), null, optional);
        if (prop instanceof Swc4jAstComputedPropName c) {
            Expr index = expr(c.getExpr());
            String name = index instanceof Literal l && l.isString() ? l.value() : null;
            return new Member(r, obj, name, index, optional);
        }
        return new Member(r, obj, null, new OtherExpr(range(prop), "prop", List.of()), optional);
    }

    private Template template(com.caoccao.javet.swc4j.ast.expr.Swc4jAstTpl t, Expr tag, SourceRange r) {
        List<String> quasis = new ArrayList<>();
        for (Swc4jAstTplElement q : t.getQuasis()) quasis.add(q.getCooked().orElse(q.getRaw()));
        List<Expr> exprs = new ArrayList<>();
        for (ISwc4jAstExpr x : t.getExprs()) exprs.add(expr(x));
        while (quasis.size() < exprs.size() + 1) quasis.add("");
        return new Template(r, tag, quasis, exprs);
    }

    private ObjectLit objectLit(Swc4jAstObjectLit o, SourceRange r) {
        List<Property> props = new ArrayList<>();
        for (ISwc4jAstPropOrSpread p : o.getProps()) {
            SourceRange pr = range(p);
            if (p instanceof Swc4jAstSpreadElement s) {
                props.add(new Property(pr, Property.Kind.SPREAD, null, null, expr(s.getExpr()), null));
            } else if (p instanceof Swc4jAstIdent i) {
                props.add(new Property(pr, Property.Kind.SHORTHAND, i.getSym(), null, new Name(pr, i.getSym()), null));
            } else if (p instanceof Swc4jAstKeyValueProp kv) {
                String key = propName(kv.getKey());
                Expr computed = kv.getKey() instanceof Swc4jAstComputedPropName c ? expr(c.getExpr()) : null;
                props.add(new Property(pr, Property.Kind.INIT, key, computed, exprNamed(kv.getValue(), key), null));
            } else if (p instanceof Swc4jAstAssignProp ap) {
                props.add(new Property(pr, Property.Kind.INIT, ap.getKey().getSym(), null, expr(ap.getValue()), null));
            } else if (p instanceof Swc4jAstMethodProp mp) {
                String key = propName(mp.getKey());
                FunctionDecl f = function(mp.getFunction(), FunctionDecl.Kind.METHOD, key, List.of());
                props.add(new Property(pr, Property.Kind.METHOD, key, null, new Lambda(pr, f), null));
            } else if (p instanceof Swc4jAstGetterProp gp) {
                String key = propName(gp.getKey());
                FunctionDecl f = new FunctionDecl(pr, FunctionDecl.Kind.METHOD, key, List.of(),
                        gp.getBody().map(this::block).orElse(null), false, List.of(), Set.of(), null);
                props.add(new Property(pr, Property.Kind.GETTER, key, null, new Lambda(pr, f), null));
            } else if (p instanceof Swc4jAstSetterProp sp) {
                String key = propName(sp.getKey());
                FunctionDecl f = new FunctionDecl(pr, FunctionDecl.Kind.METHOD, key,
                        List.of(param(sp.getParam(), List.of(), range(sp.getParam()))),
                        sp.getBody().map(this::block).orElse(null), false, List.of(), Set.of(), null);
                props.add(new Property(pr, Property.Kind.SETTER, key, null, new Lambda(pr, f), null));
            }
        }
        return new ObjectLit(r, props, false);
    }

    /**
     * The expressions and statements inside a node the model has no dedicated form for (JSX, type
     * declarations, namespaces), found by an explicit-stack search so that calls there stay visible.
     */
    private List<Node> nested(ISwc4jAst n) {
        List<Node> out = new ArrayList<>();
        java.util.ArrayDeque<ISwc4jAst> stack = new java.util.ArrayDeque<>();
        List<ISwc4jAst> kids = n.getChildNodes();
        for (int i = kids.size() - 1; i >= 0; i--) if (kids.get(i) != null) stack.push(kids.get(i));
        while (!stack.isEmpty()) {
            ISwc4jAst k = stack.pop();
            if (k instanceof ISwc4jAstExpr x && !(k instanceof Swc4jAstIdent) && !(k instanceof Swc4jAstStr)) {
                out.add(expr(x));
            } else if (k instanceof ISwc4jAstStmt s && !(k instanceof com.caoccao.javet.swc4j.ast.stmt.Swc4jAstTsInterfaceDecl)
                    && !(k instanceof com.caoccao.javet.swc4j.ast.stmt.Swc4jAstTsTypeAliasDecl)) {
                addStmtTo(s, out);
            } else if (!(k instanceof ISwc4jAstTsType)) {
                List<ISwc4jAst> cs = k.getChildNodes();
                for (int i = cs.size() - 1; i >= 0; i--) if (cs.get(i) != null) stack.push(cs.get(i));
            }
        }
        return out;
    }

    private void addStmtTo(ISwc4jAstStmt s, List<Node> out) {
        List<Stmt> tmp = new ArrayList<>(1);
        addStmt(s, tmp);
        out.addAll(tmp);
    }
}
