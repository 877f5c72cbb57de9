package dev.prodlint.analysis;

import dev.prodlint.apimodel.ApiModels;
import dev.prodlint.apimodel.FunctionModel;
import dev.prodlint.model.ClassDecl;
import dev.prodlint.model.FieldDecl;
import dev.prodlint.model.Import;
import dev.prodlint.model.Language;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.TypeRef;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Cast;
import dev.prodlint.model.expr.Conditional;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Literal;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.New;
import dev.prodlint.model.expr.This;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What type an expression has, as far as the source and the API models tell: declared types of
 * locals, parameters and fields; constructors; known factories and methods' return types; imports.
 * Type ids are {@code module#Export} for JavaScript and fully qualified names for Java. An empty
 * set means "unknown", never "no type".
 */
public final class TypeOracle {
    private static final int MAX_DEPTH = 8;

    private final SourceModule module;
    private final ApiModels models;
    private final Map<Expr, Set<String>> cache = new IdentityHashMap<>();
    private CallClassifier calls;

    TypeOracle(SourceModule module, ApiModels models) {
        this.module = module;
        this.models = models;
    }

    void setCalls(CallClassifier calls) {
        this.calls = calls;
    }

    boolean isJava() {
        return module.language() == Language.JAVA;
    }

    public Set<String> typesOf(Expr e) {
        return typesOf(e, 0);
    }

    Set<String> typesOf(Expr e, int depth) {
        if (e == null || depth > MAX_DEPTH) return Set.of();
        Set<String> cached = cache.get(e);
        if (cached != null) return cached;
        Set<String> out = compute(e, depth);
        cache.put(e, out);
        return out;
    }

    private Set<String> compute(Expr e, int depth) {
        if (e instanceof Cast c) {
            if (c.type() != null) return new LinkedHashSet<>(qualify(c.type()));
            return typesOf(c.operand(), depth + 1);
        }
        Expr u = e.unwrap();
        if (u != e) return typesOf(u, depth + 1);
        if (e instanceof Name n) return ofName(n, depth);
        if (e instanceof Member m) {
            if (m.object() instanceof This && m.property() != null) {
                FieldDecl f = enclosingField(m, m.property());
                if (f != null) return ofField(f, depth);
            }
            String ref = valueRef(m);
            if (ref != null && (models.type(ref).isPresent() || models.function(ref).isPresent())) return Set.of(ref);
            // prisma.user on `import prisma from './db'`: the project's module says nothing, the owner's name may
            Set<String> viaOwner = m.property() == null ? Set.of() : memberOf(m, depth);
            if (!viaOwner.isEmpty()) return viaOwner;
            return ref != null ? Set.of(ref) : Set.of();
        }
        if (e instanceof New n) {
            Set<String> out = new LinkedHashSet<>();
            if (module.language() == Language.JAVA) {
                if (n.type() != null) out.addAll(qualify(n.type()));
            } else {
                String ref = valueRef(n.callee());
                if (ref != null) out.add(ref);
            }
            return out;
        }
        if (e instanceof Call c) {
            Optional<CallClassifier.CallMatch> match = calls.classify(c, depth + 1);
            if (match.isPresent() && match.get().method().returns() != null) return Set.of(match.get().method().returns());
            String ref = valueRef(c.callee());
            if (ref != null) {
                Optional<FunctionModel> f = models.function(ref);
                if (f.isPresent() && f.get().method().returns() != null) return Set.of(f.get().method().returns());
            }
            // knex('orders'), trx('users'): calling a database handle starts a query builder chain
            String handle = c.callee().unwrap() instanceof Name hn && (hn.symbol() == null || hn.symbol().kind() != Symbol.Kind.FUNCTION) ? hn.id()
                    : c.callee().unwrap() instanceof Member hm && hm.property() != null ? hm.property() : null;
            if (module.language() != Language.JAVA && handle != null && models.hintedTypes(handle, false).contains("hinted#Database")
                    && models.type("sql-builder#Chain").isPresent()) {
                return Set.of("sql-builder#Chain");
            }
            // A function of this file with a declared return type: getLock(key): Mutex.
            dev.prodlint.model.FunctionDecl local = LocalFunctions.callee(c);
            if (local != null && local.returnType() != null) return new LinkedHashSet<>(qualify(local.returnType()));
            return Set.of();
        }
        if (e instanceof Conditional c) {
            Set<String> out = new LinkedHashSet<>(typesOf(c.then(), depth + 1));
            out.addAll(typesOf(c.otherwise(), depth + 1));
            return out;
        }
        return Set.of();
    }

    /**
     * A property whose type the owner's model gives ({@code prisma.user} on a PrismaClient); when
     * the owner's type is unknown, its name may suggest one, and the result is a guess like any hint.
     */
    private Set<String> memberOf(Member m, int depth) {
        Set<String> owners = typesOf(m.object(), depth + 1);
        for (String t : owners) {
            String member = models.type(t).map(x -> x.memberType(m.property())).orElse(null);
            if (member != null) return Set.of(member);
        }
        if (owners.stream().anyMatch(t -> models.type(t).isPresent())) return Set.of();
        String hint = CallClassifier.receiverName(m.object());
        if (hint == null) return Set.of();
        for (String t : models.hintedTypes(hint, module.language() == Language.JAVA)) {
            String member = models.type(t).map(x -> x.memberType(m.property())).orElse(null);
            if (member != null) return Set.of(member);
        }
        return Set.of();
    }

    private Set<String> ofName(Name n, int depth) {
        Symbol s = n.symbol();
        if (s == null) {
            // Java: an unbound capitalised name is a type used as a static receiver.
            if (module.language() == Language.JAVA && !n.id().isEmpty() && Character.isUpperCase(n.id().charAt(0))) {
                return new LinkedHashSet<>(qualify(TypeRef.of(n.id())));
            }
            return Set.of();
        }
        switch (s.kind()) {
            case IMPORT:
                if (module.language() == Language.JAVA) return new LinkedHashSet<>(qualify(TypeRef.of(n.id())));
                String ref = valueRef(n);
                return ref == null ? Set.of() : Set.of(ref);
            case CLASS:
                return Set.of(s.name());
            default:
                Set<String> out = new LinkedHashSet<>();
                if (s.declaredType() != null) out.addAll(qualify(s.declaredType()));
                if (out.isEmpty() && s.initializer() != null) out.addAll(typesOf(s.initializer(), depth + 1));
                if (out.isEmpty() && s.declaration() instanceof FieldDecl f && f.initializer() != null) {
                    out.addAll(typesOf(f.initializer(), depth + 1));
                }
                if (out.isEmpty() && s.kind() == Symbol.Kind.PARAMETER) out.addAll(transactionClient(s, depth));
                return out;
        }
    }

    /**
     * The first parameter of a transaction callback is a client of the same kind as the one that
     * opened it: prisma.$transaction(async (tx) => tx.user.update(...)), knex.transaction(trx => ...).
     */
    private Set<String> transactionClient(Symbol s, int depth) {
        if (calls == null || !(s.declaration() instanceof dev.prodlint.model.Param p) || !(p.parent() instanceof dev.prodlint.model.FunctionDecl f)
                || f.params().isEmpty() || f.params().get(0) != p || !(f.parent() instanceof dev.prodlint.model.expr.Lambda l)
                || !(l.parent() instanceof Call c) || c.receiver() == null) return Set.of();
        var match = calls.classify(c);
        if (match.isEmpty() || match.get().method().role() != dev.prodlint.apimodel.Role.TRANSACTION) return Set.of();
        return Set.of(match.get().typeId());
    }

    private Set<String> ofField(FieldDecl f, int depth) {
        Set<String> out = new LinkedHashSet<>();
        if (f.type() != null) out.addAll(qualify(f.type()));
        if (out.isEmpty() && f.initializer() != null) out.addAll(typesOf(f.initializer(), depth + 1));
        return out;
    }

    /** The field {@code name} of the class enclosing {@code at}, or null. */
    public static FieldDecl enclosingField(dev.prodlint.model.Node at, String name) {
        for (ClassDecl c = at.ancestor(ClassDecl.class); c != null; c = c.ancestor(ClassDecl.class)) {
            Optional<FieldDecl> f = c.field(name);
            if (f.isPresent()) return f.get();
        }
        return null;
    }

    /**
     * The qualified name of a JavaScript value reached through imports: {@code Pool} imported from
     * 'pg' is {@code pg#Pool}; {@code pg.Pool} with {@code import pg from 'pg'} is too; the module
     * value itself ({@code pg}) is {@code pg}. Null when the value does not come from a module.
     */
    public String valueRef(Expr e) {
        if (e == null) return null;
        Expr u = e.unwrap();
        if (u instanceof Name n) {
            Symbol s = n.symbol();
            if (s != null && s.kind() == Symbol.Kind.IMPORT) {
                Import i = s.importedFrom();
                if (i.imported().equals("*") || i.imported().equals("default")) return i.module();
                return i.module() + "#" + i.imported();
            }
            if (s != null && s.kind() == Symbol.Kind.LOCAL && s.isConstant() && s.initializer() != null
                    && s.initializer().unwrap() instanceof Call c && isRequire(c)) {
                return requiredModule(c);
            }
            if (s == null) return "global#" + n.id();
            return null;
        }
        if (u instanceof Member m && m.property() != null) {
            String base = valueRef(m.object());
            if (base == null || base.contains("#")) {
                return base != null && base.startsWith("global#") ? base + "." + m.property() : null;
            }
            return base + "#" + m.property();
        }
        if (u instanceof Call c && isRequire(c)) return requiredModule(c);
        return null;
    }

    private static boolean isRequire(Call c) {
        return c.callee() instanceof Name n && n.id().equals("require") && n.symbol() == null
                && c.args().size() == 1 && c.arg(0) instanceof Literal l && l.isString();
    }

    private static String requiredModule(Call c) {
        return ((Literal) c.arg(0)).value();
    }

    /** Candidate qualified ids for a written type, most likely first. */
    public List<String> qualify(TypeRef t) {
        List<String> out = new ArrayList<>();
        if (t == null) return out;
        if (t.resolved() != null) {
            out.add(t.resolved());
            return out;
        }
        String name = t.name();
        if (module.language() == Language.JAVA) {
            if (name.contains(".") && Character.isLowerCase(name.charAt(0))) {
                out.add(name);
                return out;
            }
            String first = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
            String rest = name.contains(".") ? name.substring(name.indexOf('.')) : "";
            for (Import i : module.imports()) {
                if (i.kind() == Import.Kind.JAVA && first.equals(i.local())) {
                    out.add(i.imported() + rest);
                    return out;
                }
            }
            for (Import i : module.imports()) {
                if (i.kind() == Import.Kind.JAVA && i.isWildcard()) out.add(i.module() + "." + name);
            }
            out.add("java.lang." + name);
            out.add(name);
            return out;
        }
        String first = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        for (Import i : module.imports()) {
            if (first.equals(i.local())) {
                if (name.contains(".")) out.add(i.module() + "#" + name.substring(name.indexOf('.') + 1));
                else if (i.imported().equals("*") || i.imported().equals("default")) out.add(i.module() + "#default");
                else out.add(i.module() + "#" + i.imported());
                return out;
            }
        }
        out.add(name);
        return out;
    }
}
