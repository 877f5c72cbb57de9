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
        if (ctx.module().language() != Language.JAVA) return;
        for (ClassDecl c : ctx.module().allClasses()) {
            if (c.name() == null) continue;
            for (FieldDecl f : c.fields()) {
                if (f.annotations().stream().anyMatch(a -> a.simpleName().equals("Version"))) versioned.add(c.name());
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
