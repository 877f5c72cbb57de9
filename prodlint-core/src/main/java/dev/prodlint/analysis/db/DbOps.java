package dev.prodlint.analysis.db;

import dev.prodlint.analysis.CallClassifier.CallMatch;
import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.analysis.lifecycle.Callbacks;
import dev.prodlint.analysis.request.DataSinks;
import dev.prodlint.analysis.sql.SentSql;
import dev.prodlint.analysis.sql.SqlShape;
import dev.prodlint.analysis.sql.SqlShape.Conflict;
import dev.prodlint.analysis.sql.SqlText;
import dev.prodlint.apimodel.MethodModel;
import dev.prodlint.apimodel.Role;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.Binary;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Lambda;
import dev.prodlint.model.expr.Literal;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.ObjectLit;
import dev.prodlint.model.expr.Property;
import dev.prodlint.model.expr.Template;
import dev.prodlint.model.expr.This;
import dev.prodlint.model.expr.Unary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the database operations of a function: SQL text (parsed), ORM and query-builder calls, and
 * transaction control, in source order, each with what it reads or writes and how atomically.
 */
public final class DbOps {
    private static final Set<String> PRISMA_RELATIVE = Set.of("increment", "decrement", "multiply", "divide");
    private static final Set<String> FILTER_GUARDS = Set.of("gt", "gte", "lt", "lte", "not", "$gt", "$gte", "$lt", "$lte", "$ne",
            "[Op.gt]", "[Op.gte]", "[Op.lt]", "[Op.lte]", "[Op.ne]", "version");
    /** Builder methods that only render the statement. */
    private static final Set<String> NOT_RUN = Set.of("toQuery", "toSQL", "toSql", "toString", "compile", "getSql", "toNative");
    /** Where a project's model classes come from: a file or package named so. */
    private static final Pattern MODEL_SOURCE = Pattern.compile("(?i).*(model|entit|schema|db|database|collection|table|repositor|dao|prisma|sequelize|mongoose|orm|store).*");

    /** The methods that run a MyBatis-Plus chain wrapper. */
    private static final Set<String> WRAPPER_RUNS = Set.of("update", "remove", "one", "oneOpt", "list", "count", "exists", "page");

    /** A repository method known only by its annotations: a read unless its statement says otherwise. */
    private static final MethodModel REPOSITORY_METHOD = new MethodModel(List.of("*"), Role.DB_QUERY, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null);

    private final ModuleContext ctx;
    private final DbIndex index;
    private final Map<FunctionDecl, List<DbOp>> cache = new IdentityHashMap<>();
    private final BuilderOps builders = new BuilderOps(this);
    private final Map<Call, Optional<DbOp>> byCall = new IdentityHashMap<>();

    public DbOps(ModuleContext ctx, DbIndex index) {
        this.ctx = ctx;
        this.index = index == null ? new DbIndex() : index;
    }

    public DbIndex index() {
        return index;
    }

    /** The operations in a function and the callbacks it contains, in source order. */
    public List<DbOp> in(FunctionDecl unit) {
        List<DbOp> cached = cache.get(unit);
        if (cached != null) return cached;
        List<DbOp> out = new ArrayList<>();
        if (unit.body() != null) {
            unit.body().walk(n -> {
                if (n instanceof Call c && isChainTop(c)) of(c).ifPresent(out::add);
            });
        }
        out.sort(Comparator.comparingInt(DbOp::start));
        cache.put(unit, out);
        return out;
    }

    /** The operation a chain's top call sends, if it is one. */
    public Optional<DbOp> of(Call top) {
        Optional<DbOp> hit = byCall.get(top);
        if (hit != null) return hit;
        Optional<DbOp> op;
        try {
            op = Optional.ofNullable(compute(top));
        } catch (RuntimeException e) {
            op = Optional.empty();
        }
        byCall.put(top, op);
        return op;
    }

    /** The outermost call of a method chain: {@code knex('t').where(x).first()} is one statement. */
    public static boolean isChainTop(Call c) {
        return !(c.parent() instanceof Member m && m.object() == c && m.parent() instanceof Call outer && outer.callee() == m);
    }

    private static List<Call> chain(Call top) {
        List<Call> out = new ArrayList<>();
        Expr cur = top;
        for (int i = 0; i < 40 && cur != null && cur.unwrap() instanceof Call c; i++) {
            out.add(c);
            Expr r = c.receiver();
            cur = r;
        }
        return out;
    }

    private DbOp compute(Call top) {
        List<Call> calls = chain(top);
        // knex(...).insert(rows).toQuery(): builds SQL text, runs nothing
        for (Call c : calls) if (c.methodName() != null && NOT_RUN.contains(c.methodName())) return null;
        FunctionDecl frame = top.enclosingFunction();
        // SQL text decides whenever a call sends it
        for (Call c : calls) {
            Optional<CallMatch> m = ctx.calls().classify(c);
            if (m.isEmpty()) continue;
            Role role = m.get().method().role();
            if (role == Role.TRANSACTION_BEGIN || role == Role.TRANSACTION_COMMIT || role == Role.TRANSACTION_ROLLBACK) {
                DbOp.Kind k = role == Role.TRANSACTION_BEGIN ? DbOp.Kind.BEGIN : role == Role.TRANSACTION_COMMIT ? DbOp.Kind.COMMIT : DbOp.Kind.ROLLBACK;
                return control(top, c, k, frame);
            }
            if (m.get().method().sqlArg() != null && (role == Role.DB_QUERY || role == Role.DB_WRITE || role == Role.MANAGED_QUERY)) {
                SentSql sent = SentSql.of(ctx, c, m.get().method());
                if (sent == null) return null;
                Optional<SqlText.Control> control = SqlText.control(sent.text());
                if (control.isPresent()) return control(top, c, DbOp.Kind.valueOf(control.get().name()), frame);
                return sql(top, c, sent, sent.shape().orElse(null), frame);
            }
        }
        // a tagged template: sql`...` / prisma.$executeRaw`...`
        for (Call c : calls) {
            for (Expr a : c.args()) {
                if (a.unwrap() instanceof Template t && t.tag() != null) {
                    SentSql sent = SentSql.ofTemplate(t);
                    if (sent != null && sent.shape().isPresent()) return sql(top, c, sent, sent.shape().get(), frame);
                }
            }
        }
        if (ctx.module().language() != Language.JAVA && beginByName(calls)) return control(top, top, DbOp.Kind.BEGIN, frame);
        // ORM / builder: the innermost classified data call names the operation
        for (int i = calls.size() - 1; i >= 0; i--) {
            Call c = calls.get(i);
            Optional<CallMatch> m = ctx.calls().classify(c);
            if (m.isEmpty()) continue;
            Role role = m.get().method().role();
            String type = m.get().typeId();
            String returns = m.get().method().returns();
            if (type.contains("mybatisplus.core.conditions")) {
                // a MyBatis-Plus wrapper is only a condition until a chain wrapper runs it: lambdaUpdate()...update()
                if (WRAPPER_RUNS.contains(String.valueOf(top.methodName()))) return builders.of(top, calls, frame);
                return null;
            }
            boolean builder = type.startsWith("sql-builder#") || type.startsWith("typeorm#SelectQueryBuilder")
                    || returns != null && returns.startsWith("sql-builder#");
            if (builder || role == Role.FACTORY && (type.equals("hinted#Database") || type.startsWith("knex"))) {
                if (builder || chainIsBuilder(calls, i)) return builders.of(top, calls, frame);
                continue;
            }
            if (role == Role.DB_QUERY || role == Role.DB_WRITE) {
                if (type.equals("orm#ModelClass") && !isModelClass(c.receiver())) return null;
                if (type.startsWith("@prisma") && lazy(top)) return null;
                return orm(top, c, m.get(), frame);
            }
        }
        // a Java repository method the models do not name, with its own @Query or @Lock
        if (ctx.module().language() == Language.JAVA) {
            for (int i = calls.size() - 1; i >= 0; i--) {
                Call c = calls.get(i);
                if (c.receiver() != null && index.method(receiverType(c.receiver()), c.methodName()) != null) {
                    return orm(top, c, new CallMatch("hinted#Repository", REPOSITORY_METHOD, true), frame);
                }
            }
        }
        return null;
    }

    /**
     * User.create(...) is a database write only when User is a model: imported from a models,
     * entities or db module, defined by mongoose.model/sequelize.define, or a class extending Model.
     * Not crypto-js's HMAC.create nor an AST node's Node.create.
     */
    private static boolean isModelClass(Expr receiver) {
        if (receiver == null || !(receiver.unwrap() instanceof Name n) || n.symbol() == null) return false;
        Symbol s = n.symbol();
        if (s.importedFrom() != null) return MODEL_SOURCE.matcher(s.importedFrom().module()).matches();
        if (s.kind() == Symbol.Kind.CLASS && s.declaration() instanceof dev.prodlint.model.ClassDecl cd) {
            return cd.superclass() != null && MODEL_SOURCE.matcher(cd.superclass().name()).matches() || cd.superclass() != null && cd.superclass().simpleName().equals("Model");
        }
        if (s.initializer() != null && s.initializer().unwrap() instanceof Call ic && ic.methodName() != null) {
            return Set.of("model", "define", "init").contains(ic.methodName());
        }
        return false;
    }

    /** A Prisma call not awaited but kept in an array (or pushed to one): it runs later, in $transaction([...]). */
    private static boolean lazy(Call top) {
        dev.prodlint.model.Node p = top.parent();
        // Promise.all([...]) runs them now; an array kept for $transaction([...]) runs them later
        if (p instanceof dev.prodlint.model.expr.ArrayLit arr) return !(arr.parent() instanceof Call pc && pc.methodName() != null
                && (pc.methodName().equals("all") || pc.methodName().equals("allSettled") || pc.methodName().equals("race")));
        return p instanceof Call pc && "push".equals(pc.methodName()) && pc.args().contains(top);
    }

    private static boolean chainIsBuilder(List<Call> calls, int head) {
        return head > 0 || calls.get(head).args().size() == 1 && Callbacks.stringOf(calls.get(head).arg(0)) != null;
    }

    /** queryRunner.startTransaction(), sequelize.transaction() without a callback, knex.transaction() held in a variable. */
    private static boolean beginByName(List<Call> calls) {
        Call c = calls.get(0);
        String n = c.methodName();
        if (n == null) return false;
        if (n.equals("startTransaction") || n.equals("beginTransaction")) return true;
        return n.equals("transaction") && c.args().isEmpty() && c.receiver() != null;
    }

    private DbOp control(Call top, Call c, DbOp.Kind kind, FunctionDecl frame) {
        return new DbOp(top, c, kind, null, false, Conflict.NONE, false, Set.of(), Map.of(), false, false, "sql", frame, null, Set.of());
    }

    // ---- SQL ----

    private DbOp sql(Call top, Call c, SentSql sent, SqlShape s, FunctionDecl frame) {
        if (s == null) return null;
        DbOp.Kind kind = switch (s.kind()) {
            case SELECT -> DbOp.Kind.READ;
            case INSERT -> s.conflict() == Conflict.DO_UPDATE ? DbOp.Kind.UPSERT : DbOp.Kind.INSERT;
            case UPDATE -> DbOp.Kind.UPDATE;
            case DELETE -> DbOp.Kind.DELETE;
        };
        Map<String, Expr> absolute = new LinkedHashMap<>();
        for (String col : s.absoluteSet()) absolute.put(col, null);
        for (SqlShape.Slot slot : s.slots()) {
            if (slot.use() == SqlShape.Use.WRITE && slot.column() != null && s.absoluteSet().contains(slot.column())) {
                Expr v = sent.valueOf(slot.placeholder());
                if (v != null) absolute.put(slot.column(), v);
            }
        }
        boolean guarded = !s.guardColumns().isEmpty();
        Set<String> columns = new LinkedHashSet<>(s.whereColumns());
        for (SqlShape.Slot slot : s.slots()) if (slot.column() != null) columns.add(slot.column());
        return new DbOp(top, executed(c), kind, norm(s.table()), s.lock() != SqlShape.Lock.NONE, s.conflict(), s.returning(), s.relativeSet(),
                absolute, guarded, s.advisoryLock(), ctx.module().language() == Language.JAVA ? "jdbc" : "sql", frame, sent.text(), columns);
    }

    /** JDBC: ps = conn.prepareStatement(sql) runs at ps.executeUpdate(); a finding points there. */
    private static Call executed(Call c) {
        if (!"prepareStatement".equals(c.methodName()) && !"prepareCall".equals(c.methodName())) return c;
        Symbol held = null;
        if (c.parent() instanceof dev.prodlint.model.stmt.VarDecl v && v.target() instanceof Name n) held = n.symbol();
        else if (c.parent() instanceof dev.prodlint.model.expr.Assign a && a.target().unwrap() instanceof Name n) held = n.symbol();
        FunctionDecl f = c.enclosingFunction();
        if (held == null || f == null || f.body() == null) return c;
        Symbol ps = held;
        Call[] out = {null};
        f.body().walk(n -> {
            if (out[0] == null && n instanceof Call e && e.methodName() != null && e.methodName().startsWith("execute")
                    && e.range().startOffset() > c.range().startOffset()
                    && e.receiver() != null && e.receiver().unwrap() instanceof Name r && r.symbol() == ps) out[0] = e;
        });
        return out[0] != null ? out[0] : c;
    }

    // ---- ORMs ----

    private DbOp orm(Call top, Call c, CallMatch match, FunctionDecl frame) {
        MethodModel m = match.method();
        String type = match.typeId();
        String name = c.methodName();
        DbOp.Kind kind = kindOf(m, name);
        if (kind == null) return null;
        String style = style(type);
        String table = tableOf(c, type);
        Conflict conflict = Conflict.NONE;
        boolean lock = false;
        boolean guarded = false;
        boolean returning = false;
        Set<String> relative = new LinkedHashSet<>();
        Map<String, Expr> absolute = new LinkedHashMap<>();
        // Java repositories: the method's own @Query and @Lock
        if (ctx.module().language() == Language.JAVA && c.receiver() != null) {
            String repo = receiverType(c.receiver());
            DbIndex.RepoMethod rm = index.method(repo, name);
            if (rm != null) {
                lock = rm.lock();
                if (rm.sql() != null) {
                    Optional<SqlShape> s = SqlText.shape(rm.sql());
                    if (s.isPresent()) {
                        SqlShape sh = s.get();
                        kind = switch (sh.kind()) {
                            case SELECT -> DbOp.Kind.READ;
                            case INSERT -> sh.conflict() == Conflict.DO_UPDATE ? DbOp.Kind.UPSERT : DbOp.Kind.INSERT;
                            case UPDATE -> DbOp.Kind.UPDATE;
                            case DELETE -> DbOp.Kind.DELETE;
                        };
                        conflict = sh.conflict();
                        relative.addAll(sh.relativeSet());
                        for (String col : sh.absoluteSet()) absolute.put(col, null);
                        guarded = !sh.guardColumns().isEmpty();
                        lock |= sh.lock() != SqlShape.Lock.NONE;
                    }
                }
            }
            String entity = index.entityOf(repo);
            if (entity != null) table = norm(entity);
            // em.find(Account.class, id, LockModeType.PESSIMISTIC_WRITE)
            for (Expr a : c.args()) if (text(a).contains("PESSIMISTIC")) lock = true;
        }
        // options: Prisma { data, where }, TypeORM { where, lock }, Sequelize { where, lock, transaction }, Mongoose { upsert }
        for (Expr a : c.args()) {
            ObjectLit o = DataSinks.literal(a);
            if (o == null) continue;
            if (o.get("lock") != null || o.get("lockMode") != null) lock = true;
            if (isTrue(o.get("skipDuplicates")) || isTrue(o.get("ignoreDuplicates"))) conflict = Conflict.DO_NOTHING;
            if (isTrue(o.get("upsert")) || o.get("updateOnDuplicate") != null) kind = DbOp.Kind.UPSERT;
            Expr where = o.get("where");
            if (where != null && whereGuards(where)) guarded = true;
        }
        // TypeORM update(criteria, values), Mongoose updateOne(filter, ...): the model row says where the filter is
        if (!guarded && kind != DbOp.Kind.READ) {
            for (String path : m.filter()) {
                Expr f = argPath(c, path);
                if (f != null && whereGuards(f)) guarded = true;
            }
        }
        String n = name == null ? "" : name;
        Set<String> columns = new LinkedHashSet<>();
        // the written values: the model row says where they are (Prisma 0.data, TypeORM update's 1, Mongoose updateOne's 1)
        for (String path : m.data()) {
            Expr d = argPath(c, path);
            if (d == null) continue;
            Map<String, Expr> values = new LinkedHashMap<>();
            dataProps(d, relative, values);
            columns.addAll(values.keySet());
            columns.addAll(relative);
            if (kind == DbOp.Kind.UPDATE || kind == DbOp.Kind.UPSERT) absolute.putAll(values);
            ObjectLit dl = DataSinks.literal(d);
            if (dl != null && dl.properties().stream().anyMatch(p -> p.key() != null && p.key().startsWith("$"))) style = "mongoose";
            break;
        }
        for (String path : m.filter()) {
            ObjectLit fl = DataSinks.literal(argPath(c, path));
            if (fl != null) for (Property p : fl.properties()) if (p.key() != null) columns.add(p.key());
        }
        if (kind == DbOp.Kind.INCREMENT) {
            // Sequelize Model.increment('col', opts) / record.increment('col'); TypeORM repo.increment(where, 'col', n)
            String col = null;
            for (Expr a : c.args()) if ((col = Callbacks.stringOf(a)) != null) break;
            relative.add(col == null ? "?" : col);
        }
        if (n.equals("findOrCreate")) kind = DbOp.Kind.UPSERT;
        return new DbOp(top, c, kind, table, lock, conflict, returning, relative, absolute, guarded, false, style, frame, null, columns);
    }

    /** "0.where" → the where property of the first argument's object literal. */
    private static Expr argPath(Call c, String path) {
        String[] parts = path.split("\\.");
        int i;
        try {
            i = Integer.parseInt(parts[0]);
        } catch (NumberFormatException e) {
            return null;
        }
        Expr cur = c.arg(i);
        for (int k = 1; k < parts.length && cur != null; k++) {
            ObjectLit o = DataSinks.literal(cur);
            cur = o == null ? null : o.get(parts[k]);
        }
        return cur;
    }

    /** The op a model row states, else what the method's name says. */
    static DbOp.Kind kindOf(MethodModel m, String name) {
        if (m.op() != null) {
            return switch (m.op()) {
                case "read" -> DbOp.Kind.READ;
                case "insert" -> DbOp.Kind.INSERT;
                case "update" -> DbOp.Kind.UPDATE;
                case "delete" -> DbOp.Kind.DELETE;
                case "upsert" -> DbOp.Kind.UPSERT;
                case "save" -> DbOp.Kind.SAVE;
                case "increment" -> DbOp.Kind.INCREMENT;
                default -> null;
            };
        }
        if (m.role() == Role.DB_QUERY) return DbOp.Kind.READ;
        if (m.role() != Role.DB_WRITE || name == null) return null;
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("upsert") || n.startsWith("saveorupdate") || n.startsWith("replace") || n.equals("findorcreate")) return DbOp.Kind.UPSERT;
        if (n.startsWith("increment") || n.startsWith("decrement")) return DbOp.Kind.INCREMENT;
        if (n.startsWith("create") || n.startsWith("insert") || n.startsWith("persist") || n.startsWith("add") || n.startsWith("bulkcreate")
                || n.equals("build")) return DbOp.Kind.INSERT;
        if (n.startsWith("save") || n.startsWith("merge")) return DbOp.Kind.SAVE;
        if (n.startsWith("update") || n.startsWith("findoneandupdate") || n.startsWith("findbyidandupdate") || n.startsWith("replaceone")) return DbOp.Kind.UPDATE;
        if (n.startsWith("delete") || n.startsWith("remove") || n.startsWith("destroy") || n.startsWith("del") || n.startsWith("findoneanddelete")
                || n.startsWith("softdelete")) return DbOp.Kind.DELETE;
        return DbOp.Kind.UPDATE;
    }

    private static String style(String type) {
        if (type.startsWith("@prisma")) return "prisma";
        if (type.startsWith("typeorm") || type.startsWith("@mikro-orm")) return "typeorm";
        if (type.startsWith("orm#")) return "sequelize";
        if (type.contains("mybatis")) return "mybatis";
        if (type.startsWith("javax.persistence") || type.startsWith("jakarta.persistence") || type.startsWith("org.hibernate") || type.equals("hinted#Repository")) return "jpa";
        return "orm";
    }

    /** prisma.like → like; likeRepository → like; Like.findOne → like; manager.findOne(Like, ...) → like; a loaded record → its finder's table. */
    private String tableOf(Call c, String type) {
        Expr r = c.receiver() == null ? null : c.receiver().unwrap();
        if (r == null) return null;
        if (type.startsWith("@prisma") && r instanceof Member m) return norm(m.property());
        if (type.equals("orm#Record") && r instanceof Name n && n.symbol() != null && n.symbol().initializer() != null) {
            Expr init = n.symbol().initializer().unwrap();
            if (init instanceof Call ic) {
                Optional<DbOp> from = of(topOf(ic));
                if (from.isPresent()) return from.get().table();
            }
            return null;
        }
        if ((type.startsWith("typeorm#") || type.startsWith("@mikro-orm") || type.contains("EntityManager") || type.equals("org.hibernate.Session"))
                && !c.args().isEmpty() && isEntityArg(c.arg(0))) {
            Expr a = c.arg(0).unwrap();
            if (a instanceof Name n && Character.isUpperCase(n.id().charAt(0))) return norm(n.id());
            String code = text(a);
            if (code.endsWith(".class")) return norm(code.substring(0, code.length() - 6));
            return null;
        }
        if (r instanceof Call gr && "getRepository".equals(gr.methodName()) && !gr.args().isEmpty() && gr.arg(0).unwrap() instanceof Name n) return norm(n.id());
        if (r instanceof Name n) return norm(n.id());
        if (r instanceof Member m && m.property() != null) return norm(m.property());
        if (r instanceof This || r instanceof Name bn && bn.id().equals("baseMapper") || r instanceof Member bm && "baseMapper".equals(bm.property())
                || r instanceof Call gc && "getBaseMapper".equals(gc.methodName())) {
            // a MyBatis-Plus ServiceImpl<Mapper, Entity> saving through itself or its baseMapper: the entity's table
            dev.prodlint.model.ClassDecl cls = c.ancestor(dev.prodlint.model.ClassDecl.class);
            if (cls == null) return null;
            String entity = index.entityOf(cls.name());
            return norm(entity != null ? entity : cls.name());
        }
        return null;
    }

    /** manager.findOne(Member, ...), em.find(Account.class, id): the entity class as the first argument. */
    private boolean isEntityArg(Expr a) {
        Expr u = a.unwrap();
        return u instanceof Name n && !n.id().isEmpty() && Character.isUpperCase(n.id().charAt(0)) || text(a).endsWith(".class");
    }

    private static Call topOf(Call c) {
        Call cur = c;
        while (!isChainTop(cur) && cur.parent() instanceof Member m && m.parent() instanceof Call outer) cur = outer;
        return cur;
    }

    /** The declared type of a Java receiver (a field or local): the repository interface's name. */
    private static String receiverType(Expr r) {
        Expr u = r.unwrap();
        if (u instanceof Member m && m.object() instanceof This && m.property() != null) {
            dev.prodlint.model.ClassDecl owner = m.ancestor(dev.prodlint.model.ClassDecl.class);
            if (owner != null) return owner.field(m.property()).map(f -> f.type() == null ? null : f.type().simpleName()).orElse(null);
        }
        if (u instanceof Name n && n.symbol() != null && n.symbol().declaredType() != null) return n.symbol().declaredType().simpleName();
        if (u instanceof Name n) {
            dev.prodlint.model.FieldDecl f = dev.prodlint.analysis.TypeOracle.enclosingField(n, n.id());
            if (f != null && f.type() != null) return f.type().simpleName();
        }
        return null;
    }

    /** { likeCount: { increment: 1 } }, { $inc: { stock: -1 } }, { stock: product.stock - qty }, knex/drizzle set({ n: sql`n + 1` }). */
    void dataProps(Expr data, Set<String> relative, Map<String, Expr> absolute) {
        ObjectLit o = DataSinks.literal(data);
        if (o == null) return;
        for (Property p : o.properties()) {
            if (p.key() == null || p.value() == null || p.kind() == Property.Kind.SPREAD) continue;
            Expr v = p.value().unwrap();
            if (p.key().equals("$inc") || p.key().equals("$mul")) {
                ObjectLit inc = DataSinks.literal(v);
                if (inc != null) for (Property q : inc.properties()) if (q.key() != null) relative.add(q.key());
                continue;
            }
            if (p.key().equals("$set") || p.key().equals("$setOnInsert")) {
                dataProps(v, relative, absolute);
                continue;
            }
            if (p.key().startsWith("$")) continue;
            if (v instanceof ObjectLit nested && nested.properties().stream().anyMatch(q -> q.key() != null && PRISMA_RELATIVE.contains(q.key()))) {
                relative.add(p.key());
            } else if (v instanceof Template t && t.tag() != null && relativeTemplate(t, p.key())) {
                relative.add(p.key());
            } else if (v instanceof Lambda || v instanceof Call lc && lc.methodName() != null && (lc.methodName().equals("literal") || lc.methodName().equals("raw"))
                    && lc.args().stream().anyMatch(a -> text(a).contains(p.key()) || text(a).contains(snake(p.key())))) {
                // TypeORM () => "count + 1", sequelize.literal('count + 1'), knex.raw('count + 1')
                relative.add(p.key());
            } else {
                absolute.put(p.key(), p.value());
            }
        }
    }

    private static boolean relativeTemplate(Template t, String key) {
        // sql`${posts.likeCount} + 1`
        for (Expr e : t.exprs()) {
            if (e.unwrap() instanceof Member m && key.equals(m.property())) return true;
        }
        return false;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** A filter that compares beyond equality: { stock: { gte: n } }, { version }, { $gte }. */
    static boolean whereGuards(Expr where) {
        ObjectLit o = DataSinks.literal(where);
        if (o == null) return false;
        for (Property p : o.properties()) {
            if (p.key() == null || p.value() == null) continue;
            if (FILTER_GUARDS.contains(p.key())) return true;
            if (p.value().unwrap() instanceof ObjectLit nested) {
                for (Property q : nested.properties()) if (q.key() != null && FILTER_GUARDS.contains(q.key())) return true;
            }
        }
        return false;
    }

    private static boolean isTrue(Expr e) {
        return e != null && e.unwrap() instanceof Literal l && "true".equals(l.value());
    }

    String text(Expr e) {
        return e == null ? "" : ctx.module().text().slice(e.range());
    }

    /** likes → like, user_likes → userlike, LikeRepository → like, public.posts → post, tb_user → user. */
    public static String norm(String table) {
        if (table == null || table.isBlank()) return null;
        String t = table.trim();
        int dot = t.lastIndexOf('.');
        if (dot >= 0) t = t.substring(dot + 1);
        t = t.replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT);
        for (String suffix : new String[] {"repository", "repo", "dao", "mapper", "model", "table", "entity", "schema", "collection"}) {
            if (t.length() > suffix.length() && t.endsWith(suffix)) {
                t = t.substring(0, t.length() - suffix.length());
                break;
            }
        }
        if (t.startsWith("tb_") || t.startsWith("t_")) t = t.substring(t.indexOf('_') + 1);
        t = t.replace("_", "");
        if (t.endsWith("ies") && t.length() > 4) t = t.substring(0, t.length() - 3) + "y";
        else if (t.endsWith("ses") || t.endsWith("xes") || t.endsWith("ches") || t.endsWith("shes")) t = t.substring(0, t.length() - 2);
        else if (t.endsWith("s") && !t.endsWith("ss") && t.length() > 2) t = t.substring(0, t.length() - 1);
        return t.isEmpty() ? null : t;
    }
}
