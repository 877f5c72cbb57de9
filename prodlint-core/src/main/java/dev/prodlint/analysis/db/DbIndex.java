package dev.prodlint.analysis.db;

import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.analysis.sql.SentSql;
import dev.prodlint.model.Annotation;
import dev.prodlint.model.ClassDecl;
import dev.prodlint.model.FieldDecl;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.TypeRef;
import dev.prodlint.model.expr.Expr;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What repositories and entities declared anywhere in a Java project say about concurrency: a
 * finder's {@code @Query} text and {@code @Lock}, an entity's {@code @Version}, a repository's
 * entity. Filled in the first pass by many threads, then read.
 */
public final class DbIndex {
    /** A repository method's own statement and lock. */
    public record RepoMethod(String sql, boolean lock) {
    }

    private final Map<String, RepoMethod> methods = new ConcurrentHashMap<>();
    private final Set<String> versioned = ConcurrentHashMap.newKeySet();
    private final Map<String, String> entities = new ConcurrentHashMap<>();
    private final UniqueKeys unique = new UniqueKeys();
    private final DeclarativeTransactions declarative = new DeclarativeTransactions();

    public DeclarativeTransactions declarative() {
        return declarative;
    }
    /** Interface (or superclass) methods carrying @Transactional, as Type.method/arity; a type alone when the type carries it. */
    private final Set<String> transactionalDeclared = ConcurrentHashMap.newKeySet();

    public UniqueKeys unique() {
        return unique;
    }

    /** The method, or its type, is declared @Transactional in a project interface or superclass the class implements. */
    public boolean transactionalIn(String type, String method, int arity) {
        return type != null && (transactionalDeclared.contains(type) || transactionalDeclared.contains(type + "." + method + "/" + arity));
    }

    public RepoMethod method(String repository, String method) {
        return repository == null ? null : methods.get(repository + "." + method);
    }

    /** The entity has a {@code @Version} field: JPA checks it on every update. */
    public boolean isVersioned(String entity) {
        return entity != null && versioned.contains(entity);
    }

    public Set<String> versionedEntities() {
        return versioned;
    }

    /** The entity a repository interface stores ({@code AccountRepository extends JpaRepository<Account, Long>}), or null. */
    public String entityOf(String repository) {
        return repository == null ? null : entities.get(repository);
    }

    public void index(ModuleContext ctx) {
        if (ctx.module().language() != Language.JAVA) {
            ScriptSchemas.index(ctx, unique);
            return;
        }
        for (ClassDecl c : ctx.module().allClasses()) {
            if (c.name() == null) continue;
            String table = entityTable(ctx, c);
            unique.alias(c.name(), table);
            for (FieldDecl f : c.fields()) {
                if (f.annotations().stream().anyMatch(a -> a.simpleName().equals("Version"))) versioned.add(c.name());
                uniqueField(ctx, table, f);
            }
            for (Annotation a : c.annotations()) {
                if (a.simpleName().equals("Table")) uniqueConstraints(ctx, table, a);
                if (TRANSACTIONAL.contains(a.simpleName()) && isAbstractType(c)) transactionalDeclared.add(c.name());
            }
            for (TypeRef t : c.interfaces()) entity(c.name(), t);
            if (c.superclass() != null) entity(c.name(), c.superclass());
            for (FunctionDecl m : c.methods()) {
                String sql = null;
                boolean lock = false;
                for (Annotation a : m.annotations()) {
                    String n = a.simpleName();
                    if (n.equals("Query") || n.equals("Update") || n.equals("Insert") || n.equals("Delete") || n.equals("Select")) {
                        Expr v = a.arguments().getOrDefault("value", a.arguments().get("0"));
                        if (v != null) sql = SentSql.textOf(v);
                    } else if (n.equals("Lock")) {
                        Expr v = a.arguments().getOrDefault("value", a.arguments().get("0"));
                        String mode = v == null ? "" : String.valueOf(ctx.module().text().slice(v.range()));
                        lock = mode.contains("PESSIMISTIC");
                    }
                }
                if (sql != null || lock) methods.put(c.name() + "." + m.name(), new RepoMethod(sql, lock));
                if (m.annotations().stream().anyMatch(a -> TRANSACTIONAL.contains(a.simpleName()))) {
                    transactionalDeclared.add(c.name() + "." + m.name() + "/" + m.params().size());
                }
            }
        }
    }

    /** Spring's, Jakarta's and the dynamic-datasource / Seata variants. */
    public static final Set<String> TRANSACTIONAL = Set.of("Transactional", "DSTransactional", "GlobalTransactional");

    private static boolean isAbstractType(ClassDecl c) {
        return c.methods().stream().noneMatch(m -> m.body() != null);
    }

    /** @Table(name = "users") or the class name. */
    private static String entityTable(ModuleContext ctx, ClassDecl c) {
        for (Annotation a : c.annotations()) {
            if ((a.simpleName().equals("Table") || a.simpleName().equals("TableName")) && a.arguments().containsKey(a.simpleName().equals("Table") ? "name" : "value")) {
                String n = SentSql.textOf(a.arguments().get(a.simpleName().equals("Table") ? "name" : "value"));
                if (n != null) return n;
            }
        }
        return c.name();
    }

    /** @Id, @TableId, @Column(unique = true, name = "email"). */
    private void uniqueField(ModuleContext ctx, String table, FieldDecl f) {
        for (Annotation a : f.annotations()) {
            String n = a.simpleName();
            if (n.equals("Id") || n.equals("TableId") || n.equals("EmbeddedId")) {
                unique.add(table, List.of(f.name()));
            } else if ((n.equals("Column") || n.equals("JoinColumn")) && a.arguments().containsKey("unique")
                    && ctx.module().text().slice(a.arguments().get("unique").range()).strip().equals("true")) {
                Expr name = a.arguments().get("name");
                String col = name == null ? null : SentSql.textOf(name);
                unique.add(table, List.of(col != null ? col : f.name()));
                if (col != null) unique.add(table, List.of(f.name()));
            }
        }
    }

    /** @Table(uniqueConstraints = @UniqueConstraint(columnNames = {"user_id", "post_id"}), indexes = @Index(columnList = "a, b", unique = true)). */
    private void uniqueConstraints(ModuleContext ctx, String table, Annotation a) {
        Expr uc = a.arguments().get("uniqueConstraints");
        if (uc != null) {
            String text = ctx.module().text().slice(uc.range());
            for (String one : text.split("UniqueConstraint")) {
                List<String> cols = new java.util.ArrayList<>();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]+)\"").matcher(one.replaceAll("name\\s*=\\s*\"[^\"]*\"", ""));
                while (m.find()) cols.add(m.group(1));
                if (!cols.isEmpty()) unique.add(table, cols);
            }
        }
        Expr ix = a.arguments().get("indexes");
        if (ix != null) {
            String text = ctx.module().text().slice(ix.range());
            for (String one : text.split("@Index")) {
                if (!one.replace(" ", "").contains("unique=true")) continue;
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("columnList\\s*=\\s*\"([^\"]+)\"").matcher(one);
                if (m.find()) unique.add(table, List.of(m.group(1).split(",")));
            }
        }
    }

    private void entity(String repository, TypeRef t) {
        String s = t.simpleName();
        if (t.arguments().isEmpty()) return;
        if (s.endsWith("Repository") || s.equals("BaseMapper") || s.equals("IService") || s.equals("Mapper")) {
            entities.put(repository, t.arguments().get(0).simpleName());
        } else if (s.equals("ServiceImpl") && t.arguments().size() == 2) {
            entities.put(repository, t.arguments().get(1).simpleName());
        }
    }
}
