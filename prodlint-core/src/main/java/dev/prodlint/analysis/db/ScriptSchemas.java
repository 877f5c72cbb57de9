package dev.prodlint.analysis.db;

import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.analysis.lifecycle.Callbacks;
import dev.prodlint.analysis.request.DataSinks;
import dev.prodlint.model.Annotation;
import dev.prodlint.model.ClassDecl;
import dev.prodlint.model.FieldDecl;
import dev.prodlint.model.expr.ArrayLit;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Literal;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.ObjectLit;
import dev.prodlint.model.expr.Property;
import java.util.ArrayList;
import java.util.List;

/**
 * Unique keys that TypeScript and JavaScript code declares: TypeORM's {@code @Column({ unique: true })},
 * {@code @Unique([...])} and {@code @Index([...], { unique: true })}; Sequelize and Mongoose field
 * definitions with {@code unique: true}; knex and Drizzle {@code .unique()}; migrations'
 * {@code addIndex(table, cols, { unique: true })}; Mongoose {@code schema.index({...}, { unique: true })}.
 */
final class ScriptSchemas {
    private ScriptSchemas() {
    }

    static void index(ModuleContext ctx, UniqueKeys unique) {
        for (ClassDecl c : ctx.module().allClasses()) {
            String table = c.name();
            for (Annotation a : c.annotations()) {
                if (a.simpleName().equals("Entity") && Callbacks.stringOf(a.arguments().get("value")) != null) {
                    table = Callbacks.stringOf(a.arguments().get("value"));
                }
            }
            for (Annotation a : c.annotations()) {
                if (a.simpleName().equals("Unique") || a.simpleName().equals("Index") && hasUniqueOption(a.arguments().values())) {
                    // the repository that writes it is named apart from the class: the key counts for any table too
                    for (Expr v : a.arguments().values()) {
                        if (v.unwrap() instanceof ArrayLit arr) {
                            unique.add(table, strings(arr));
                            unique.add(null, strings(arr));
                        }
                    }
                }
            }
            for (FieldDecl f : c.fields()) {
                for (Annotation a : f.annotations()) {
                    String n = a.simpleName();
                    if (n.startsWith("Primary") || n.equals("Column") && hasUniqueOption(a.arguments().values())
                            || n.equals("Index") && hasUniqueOption(a.arguments().values())) {
                        unique.add(table, List.of(f.name()));
                        if (!n.startsWith("Primary")) unique.add(null, List.of(f.name()));
                    }
                }
            }
        }
        ctx.module().walk(n -> {
            // migrations that run DDL text: execute(connection, `CREATE TABLE ... UNIQUE (...)`)
            String ddl = n instanceof Expr e && (n instanceof Literal || n instanceof dev.prodlint.model.expr.Template) ? Callbacks.stringOf(e) : null;
            if (ddl == null && n instanceof dev.prodlint.model.expr.Template t && t.exprs().isEmpty()) ddl = String.join("", t.quasis());
            if (ddl != null && ddl.length() < 100_000 && ddl.toUpperCase(java.util.Locale.ROOT).contains("CREATE")
                    && ddl.toUpperCase(java.util.Locale.ROOT).contains("UNIQUE")) {
                unique.sql(ddl);
            }
            if (n instanceof Property p && "unique".equals(p.key()) && isTrue(p.value()) && p.parent() instanceof ObjectLit field
                    && field.parent() instanceof Property named && named.key() != null) {
                // Sequelize / Mongoose: email: { type: String, unique: true }
                unique.add(null, List.of(named.key()));
            } else if (n instanceof Call c && "unique".equals(c.methodName())) {
                if (!c.args().isEmpty()) {
                    // knex table.unique(['a', 'b']) / table.unique('a')
                    Expr a = c.arg(0).unwrap();
                    if (a instanceof ArrayLit arr) unique.add(null, strings(arr));
                    else if (Callbacks.stringOf(a) != null) unique.add(null, List.of(Callbacks.stringOf(a)));
                } else {
                    // knex t.string('email', 255).notNullable().unique(), Drizzle varchar('email').unique(): the column's builder call
                    Expr cur = c.receiver();
                    for (int i = 0; i < 8 && cur != null && cur.unwrap() instanceof Call col; i++) {
                        String name = col.args().isEmpty() ? null : Callbacks.stringOf(col.arg(0));
                        if (name != null) {
                            unique.add(null, List.of(name));
                            break;
                        }
                        cur = col.receiver();
                    }
                }
            } else if (n instanceof Call c && "addIndex".equals(c.methodName()) && c.args().size() >= 3 && hasUniqueOption(c.args())
                    && c.arg(1).unwrap() instanceof ArrayLit arr) {
                unique.add(Callbacks.stringOf(c.arg(0)), strings(arr));
            } else if (n instanceof Call c && "index".equals(c.methodName()) && c.args().size() >= 2 && hasUniqueOption(c.args().subList(1, c.args().size()))) {
                // Mongoose schema.index({ user: 1, post: 1 }, { unique: true })
                ObjectLit fields = DataSinks.literal(c.arg(0));
                if (fields != null) {
                    List<String> cols = new ArrayList<>();
                    for (Property p : fields.properties()) if (p.key() != null) cols.add(p.key());
                    unique.add(null, cols);
                }
            } else if (n instanceof Call c && "uniqueIndex".equals(c.methodName()) && c.parent() instanceof Member m && "on".equals(m.property())
                    && m.parent() instanceof Call on) {
                // Drizzle uniqueIndex('x').on(t.userId, t.postId)
                List<String> cols = new ArrayList<>();
                for (Expr a : on.args()) if (a.unwrap() instanceof Member cm && cm.property() != null) cols.add(cm.property());
                unique.add(null, cols);
            }
        });
    }

    private static boolean hasUniqueOption(java.util.Collection<Expr> args) {
        for (Expr a : args) {
            ObjectLit o = DataSinks.literal(a);
            if (o != null && isTrue(o.get("unique"))) return true;
        }
        return false;
    }

    private static boolean isTrue(Expr e) {
        return e != null && e.unwrap() instanceof Literal l && "true".equals(l.value());
    }

    private static List<String> strings(ArrayLit arr) {
        List<String> out = new ArrayList<>();
        for (Expr x : arr.elements()) {
            String s = x == null ? null : Callbacks.stringOf(x);
            if (s != null) out.add(s);
        }
        return out;
    }
}
