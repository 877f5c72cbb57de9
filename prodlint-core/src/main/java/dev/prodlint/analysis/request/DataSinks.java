package dev.prodlint.analysis.request;

import dev.prodlint.analysis.CallClassifier.CallMatch;
import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.analysis.lifecycle.Callbacks;
import dev.prodlint.analysis.sql.SentSql;
import dev.prodlint.analysis.sql.SqlShape;
import dev.prodlint.analysis.sql.SqlText;
import dev.prodlint.apimodel.MethodModel;
import dev.prodlint.apimodel.Requests;
import dev.prodlint.apimodel.Role;
import dev.prodlint.model.Language;
import dev.prodlint.model.Node;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.ArrayLit;
import dev.prodlint.model.expr.Binary;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Lambda;
import dev.prodlint.model.expr.Literal;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.New;
import dev.prodlint.model.expr.ObjectLit;
import dev.prodlint.model.expr.OtherExpr;
import dev.prodlint.model.expr.Property;
import dev.prodlint.model.expr.Template;
import dev.prodlint.rules.Snippets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a call puts values into the database: the written data (an INSERT's VALUES, an UPDATE's
 * SET, Prisma's {@code data}, {@code repo.save(entity)}) and the row filter (a WHERE comparison,
 * {@code { where: { userId } }}, {@code findByUserId(id)}, {@code eq(orders.userId, id)}). From the
 * API models' {@code data}/{@code filter} paths and, for SQL text, from the parsed statement.
 */
public final class DataSinks {
    private static final Pattern DERIVED = Pattern.compile("^(?:find|get|read|query|search|stream|count|exists|delete|remove|select|list|update|load)[A-Za-z]*?By([A-Z][A-Za-z0-9]*?)(?:OrderBy[A-Za-z0-9]*)?$");
    private static final Set<String> LOGICAL_KEYS = Set.of("AND", "OR", "NOT", "$and", "$or", "$nor", "[Op.and]", "[Op.or]");

    /**
     * One place a value meets the database.
     *
     * @param elsewhere for a sink inside another file's function: where it is; {@code call} is then
     *                  the call into that function
     */
    public record Slot(Expr site, Kind kind, String column, Expr value, boolean whole, String what, Elsewhere elsewhere) {
        public Slot(Expr site, Kind kind, String column, Expr value, boolean whole, String what) {
            this(site, kind, column, value, whole, what, null);
        }
    }

    /** A sink in another file: its place, and whether the statement there writes. */
    public record Elsewhere(String path, dev.prodlint.model.SourceRange range, boolean write) {
    }

    public enum Kind { WRITE, FILTER }

    private final ModuleContext ctx;
    private final Requests rq = Requests.bundled();

    public DataSinks(ModuleContext ctx) {
        this.ctx = ctx;
    }

    /** The statement ("UPDATE users") or the call that runs it ({@code memberMapper.update}, not the wrapper's set). */
    public static String describe(dev.prodlint.model.SourceModule m, Slot slot, Expr anchor) {
        String w = slot.what();
        if (slot.elsewhere() != null || w.matches("^(SELECT|INSERT|UPDATE|DELETE)\\b.*") || !(anchor instanceof Call c)) return w;
        return Snippets.shortCallee(m, c);
    }

    /** Every slot of a function's own code (callbacks included, nested declarations not). */
    public List<Slot> in(dev.prodlint.model.FunctionDecl f) {
        List<Slot> out = new ArrayList<>();
        if (f.body() == null) return out;
        f.body().walk(n -> {
            if (dev.prodlint.analysis.LocalFunctions.inNestedDeclaration(n, f)) return;
            if (n instanceof Call c) out.addAll(at(c));
            else if (n instanceof Template t && t.tag() != null) out.addAll(at(t));
        });
        return out;
    }

    /**
     * Where a finding about a slot points: the database call that runs it. A condition built apart
     * (eq(...) inside where(...), a MyBatis-Plus wrapper passed to selectList, knex's where before
     * del()) points at that call.
     */
    public Expr anchor(Slot s) {
        if (s.elsewhere() != null || !(s.site() instanceof Call c)) return s.site();
        Call top = chainTop(c);
        for (Node p = top.parent(); p != null && !(p instanceof dev.prodlint.model.stmt.Stmt) && !(p instanceof dev.prodlint.model.FunctionDecl); p = p.parent()) {
            if (p instanceof Call pc && isDbCall(pc)) return chainTop(pc);
        }
        if (isDbCall(top)) return top;
        Symbol held = heldIn(top);
        dev.prodlint.model.FunctionDecl f = top.enclosingFunction();
        if (held != null && f != null && f.body() != null) {
            Call[] found = {null};
            f.body().walk(n -> {
                if (found[0] != null || !(n instanceof Call pc) || n.range().startOffset() < top.range().startOffset() || !isDbCall(pc)) return;
                for (Expr a : pc.args()) {
                    if (a.unwrap() instanceof Name an && an.symbol() == held) found[0] = pc;
                }
            });
            if (found[0] != null) return chainTop(found[0]);
            // ...or to any later call that takes it (a service's getOne(query))
            f.body().walk(n -> {
                if (found[0] != null || !(n instanceof Call pc) || n.range().startOffset() < top.range().startOffset()) return;
                for (Expr a : pc.args()) {
                    if (a.unwrap() instanceof Name an && an.symbol() == held) found[0] = pc;
                }
            });
            if (found[0] != null) return found[0];
        }
        return top;
    }

    /** The slot's statement writes (INSERT, UPDATE, DELETE, or a write call anywhere in its chain). */
    public boolean isWrite(Slot s, Expr anchor) {
        if (s.elsewhere() != null) return s.elsewhere().write();
        String what = s.what();
        if (what.startsWith("UPDATE") || what.startsWith("DELETE") || what.startsWith("INSERT")) return true;
        if (what.startsWith("SELECT")) return false;
        Expr cur = anchor;
        for (int i = 0; i < 40 && cur != null && cur.unwrap() instanceof Call c; i++) {
            if (ctx.calls().classify(c).map(cm -> cm.method().role() == Role.DB_WRITE).orElse(false)) return true;
            cur = c.receiver();
        }
        return false;
    }

    private boolean isDbCall(Call c) {
        return ctx.calls().classify(c).map(cm -> cm.method().role() == Role.DB_QUERY || cm.method().role() == Role.DB_WRITE
                || cm.method().role() == Role.MANAGED_QUERY).orElse(false);
    }

    /** Up a builder chain while the next call is one the models know: db('t').where(...).del(). */
    private Call chainTop(Call c) {
        Call cur = c;
        for (int i = 0; i < 40; i++) {
            if (!(cur.parent() instanceof Member m) || !(m.parent() instanceof Call next) || next.callee() != m) break;
            if (ctx.calls().classify(next).isEmpty()) break;
            cur = next;
        }
        return cur;
    }

    /** The variable a condition chain is kept in: const w = new QueryWrapper().eq(...), or w.eq(...) on one. */
    private static Symbol heldIn(Call top) {
        if (top.parent() instanceof dev.prodlint.model.stmt.VarDecl v && v.target() instanceof Name n) return n.symbol();
        Expr cur = top;
        for (int i = 0; i < 40 && cur != null; i++) {
            Expr u = cur.unwrap();
            if (u instanceof Name n) return n.symbol() != null && n.symbol().kind() == Symbol.Kind.LOCAL ? n.symbol() : null;
            cur = u instanceof Call cc ? cc.receiver() : u instanceof Member mm ? mm.object() : null;
        }
        return null;
    }

    /** Tagged SQL templates: sql`UPDATE users SET bio = ${bio}`, prisma.$queryRaw`...`. */
    public List<Slot> at(Template t) {
        List<Slot> out = new ArrayList<>();
        if (t.tag() == null || ctx.module().language() == Language.JAVA) return out;
        Expr tag = t.tag().unwrap();
        String name = tag instanceof Name n ? n.id() : tag instanceof Member mm ? mm.property() : null;
        if (name == null || !rq.js().sqlTags().contains(name)) return out;
        SentSql sent = SentSql.ofTemplate(t);
        if (sent != null) sqlSlots(sent, out);
        return out;
    }

    public List<Slot> at(Call c) {
        List<Slot> out = new ArrayList<>();
        Optional<CallMatch> match = ctx.calls().classify(c);
        MethodModel m = match.map(CallMatch::method).orElse(null);
        if (m == null) m = recordSave(c);
        if (m == null || match.isPresent() && match.get().hinted() && implementedHere(c)) return out;
        boolean sqlRole = m.role() == Role.DB_QUERY || m.role() == Role.MANAGED_QUERY || m.role() == Role.DB_WRITE;
        if (m.sqlArg() != null && sqlRole) sql(c, m, out);
        String what = Snippets.shortCallee(ctx.module(), c);
        if (m.role() == Role.DB_WRITE) {
            List<String> data = m.data();
            for (String path : data) {
                if (path.equals("*")) {
                    anyArgument(c, m, what, out);
                } else if (path.startsWith("pair:")) {
                    pair(c, path, Kind.WRITE, what, out);
                } else {
                    Expr v = argPath(c, path);
                    if (v != null) dataSlots(c, v, null, what, out);
                }
            }
        }
        for (String path : m.filter()) {
            if (path.equals("query-param")) {
                if (queryParam(c, out)) break;
                continue;
            }
            if (path.startsWith("pair:")) {
                if (pair(c, path, Kind.FILTER, what, out)) break;
                continue;
            }
            Expr v = argPath(c, path);
            if (v == null) continue;
            ObjectLit lit = literal(v);
            if (path.equals("0") && lit != null && lit.get("where") != null && m.filter().size() > 1) continue;
            if (lit == null && !path.contains(".")) continue;
            filterSlots(c, v, "", what, out, 0);
            break;
        }
        if (m.isDerivedQuery()) derived(c, what, out);
        return out;
    }

    /** A receiver typed with a project interface the project implements (an in-memory store named *Repository). */
    private boolean implementedHere(Call c) {
        if (ctx.module().language() != Language.JAVA || c.receiver() == null) return false;
        for (String t : ctx.types().typesOf(c.receiver())) {
            String simple = t.substring(Math.max(t.lastIndexOf('.'), t.lastIndexOf('#')) + 1);
            if (ctx.facts().summaries().isImplementedHere(simple)) return true;
        }
        return false;
    }

    /** new Review(req.body).save(), or a variable holding one: a Mongoose document saves itself. */
    private MethodModel recordSave(Call c) {
        if (!"save".equals(c.methodName()) || c.receiver() == null || ctx.module().language() == Language.JAVA) return null;
        Expr r = c.receiver().unwrap();
        if (r instanceof Name n && n.symbol() != null && n.symbol().initializer() != null) r = n.symbol().initializer().unwrap();
        if (!(r instanceof New nw) || nw.callee() == null || !(nw.callee().unwrap() instanceof Name cls)) return null;
        if (!ctx.models().hintedTypes(cls.id(), false).contains("orm#ModelClass")) return null;
        List<MethodModel> rows = ctx.models().methods("orm#Record", "save");
        return rows.isEmpty() ? null : rows.get(0);
    }

    // ---- ORM shapes ----

    /**
     * A project's own write method (mapper.updateStatusByIdAndVersion(id, version, status)): the
     * properties after "By" filter, the other arguments are written; keys (id, orderId, ids) are never
     * the written values.
     */
    private void anyArgument(Call c, MethodModel m, String what, List<Slot> out) {
        List<Expr> args = new ArrayList<>();
        for (Expr a : c.args()) if (!isPaging(a)) args.add(a);
        int filters = 0;
        Matcher mt = m.isDerivedQuery() ? DERIVED.matcher(c.methodName()) : null;
        if (mt != null && mt.matches()) {
            String[] props = mt.group(1).split("And|Or");
            // updateStatusById(id, status) splits; updateById(entity) takes the entity, keyed by its own id
            if (props.length < args.size()) {
                for (String prop : props) {
                    if (prop.isEmpty()) break;
                    String col = Character.toLowerCase(prop.charAt(0)) + prop.substring(1);
                    out.add(new Slot(c, Kind.FILTER, col, args.get(filters++), false, what));
                }
            }
        }
        for (int i = filters; i < args.size(); i++) {
            if (isKey(args.get(i))) continue;
            dataSlots(c, args.get(i), null, what, out);
        }
    }

    private static boolean isKey(Expr a) {
        Expr u = a.unwrap();
        String name = u instanceof Name n ? n.id() : u instanceof Member mm ? mm.property()
                : u instanceof Call g && g.args().isEmpty() && g.methodName() != null && g.methodName().startsWith("get") ? g.methodName().substring(3) : null;
        if (name == null) return false;
        String l = name.toLowerCase(java.util.Locale.ROOT);
        return l.equals("id") || l.equals("ids") || l.endsWith("id") && name.length() > 2 && Character.isUpperCase(name.charAt(name.length() - 2))
                || l.endsWith("ids") && name.length() > 3 && Character.isUpperCase(name.charAt(name.length() - 3));
    }

    /** "0", "0.data", "1.where", "receiver" */
    private Expr argPath(Call c, String path) {
        String[] parts = path.split("\\.");
        Expr cur;
        if (parts[0].equals("receiver")) cur = c.receiver();
        else {
            int i = Integer.parseInt(parts[0]);
            cur = i < c.args().size() ? c.arg(i) : null;
        }
        for (int k = 1; k < parts.length && cur != null; k++) {
            ObjectLit o = literal(cur);
            cur = o == null ? null : o.get(parts[k]);
        }
        return cur;
    }

    /** An object literal, directly or through a const name bound to one. */
    public static ObjectLit literal(Expr e) {
        if (e == null) return null;
        Expr u = e.unwrap();
        if (u instanceof ObjectLit o) return o;
        if (u instanceof Name n && n.symbol() != null && n.symbol().kind() == Symbol.Kind.LOCAL && n.symbol().initializer() != null
                && n.symbol().initializer().unwrap() instanceof ObjectLit o) {
            return o;
        }
        return null;
    }

    private void dataSlots(Expr c, Expr v, String prefix, String what, List<Slot> out) {
        ObjectLit o = literal(v);
        if (o == null) {
            out.add(new Slot(c, Kind.WRITE, prefix, v, true, what));
            return;
        }
        for (Property p : o.properties()) {
            if (p.value() == null) continue;
            if (p.kind() == Property.Kind.SPREAD) spreadSlots(c, p.value(), what, out, 0);
            else if (p.key() != null && p.key().startsWith("$") && p.value().unwrap() instanceof ObjectLit) {
                // Mongo update operators: { $set: { name }, $push: { tags } }
                dataSlots(c, p.value(), null, what, out);
            } else if (p.key() != null && p.kind() != Property.Kind.METHOD) {
                // Prisma's nested writes: { profile: { create: {...} } }, { role: { set: x } }
                ObjectLit nested = p.value().unwrap() instanceof ObjectLit n ? n : null;
                if (nested != null && (nested.get("set") != null || nested.get("create") != null || nested.get("update") != null)) {
                    Expr inner = nested.get("set") != null ? nested.get("set") : nested.get("create") != null ? nested.get("create") : nested.get("update");
                    if (nested.get("set") != null) out.add(new Slot(c, Kind.WRITE, p.key(), inner, false, what));
                    else dataSlots(c, inner, p.key(), what, out);
                } else {
                    String key = p.key().contains(".") ? p.key().substring(p.key().lastIndexOf('.') + 1) : p.key();
                    out.add(new Slot(c, Kind.WRITE, key, p.value(), false, what));
                }
            }
        }
    }

    /** ...req.body is the whole body; ...(title ? { title } : {}) only the fields its literals list. */
    private void spreadSlots(Expr c, Expr v, String what, List<Slot> out, int depth) {
        Expr u = v.unwrap();
        if (depth < 4 && u instanceof dev.prodlint.model.expr.Conditional cond) {
            spreadSlots(c, cond.then(), what, out, depth + 1);
            spreadSlots(c, cond.otherwise(), what, out, depth + 1);
        } else if (depth < 4 && u instanceof Binary b && (b.op().equals("&&") || b.op().equals("||") || b.op().equals("??"))) {
            spreadSlots(c, b.right(), what, out, depth + 1);
            if (!b.op().equals("&&")) spreadSlots(c, b.left(), what, out, depth + 1);
        } else if (u instanceof ObjectLit) {
            dataSlots(c, u, null, what, out);
        } else {
            out.add(new Slot(c, Kind.WRITE, null, v, true, what));
        }
    }

    private void filterSlots(Expr c, Expr v, String parent, String what, List<Slot> out, int depth) {
        if (depth > 6) return;
        ObjectLit o = literal(v);
        if (o == null) {
            if (v.unwrap() instanceof ArrayLit arr) {
                for (Expr x : arr.elements()) if (x != null) filterSlots(c, x, parent, what, out, depth + 1);
            } else if (!parent.isEmpty()) {
                out.add(new Slot(c, Kind.FILTER, parent, v, false, what));
            }
            return;
        }
        for (Property p : o.properties()) {
            if (p.value() == null || p.kind() == Property.Kind.SPREAD) continue;
            String key = p.key();
            if (key == null) continue;
            if (LOGICAL_KEYS.contains(key)) {
                filterSlots(c, p.value(), parent, what, out, depth + 1);
            } else if (p.value().unwrap() instanceof ObjectLit inner) {
                // { user: { id: x } } is the relation's key: userId; { userId: { equals: x } } / { $eq: x } keep the column
                Expr eq = inner.get("id") != null ? inner.get("id") : null;
                if (eq != null) out.add(new Slot(c, Kind.FILTER, key + "Id", eq, false, what));
                for (String op : List.of("equals", "$eq", "in", "$in", "eq")) {
                    if (inner.get(op) != null) out.add(new Slot(c, Kind.FILTER, key, inner.get(op), false, what));
                }
                if (eq == null && parent.isEmpty()) filterSlots(c, inner, key, what, out, depth + 1);
            } else {
                out.add(new Slot(c, Kind.FILTER, key, p.value(), false, what));
            }
        }
    }

    /** "pair:a:b": column from argument a (a string, orders.userId, Order::getUserId), value argument b; the call has b+1 arguments. */
    private boolean pair(Call c, String path, Kind kind, String what, List<Slot> out) {
        String[] p = path.split(":");
        int a = Integer.parseInt(p[1]);
        int b = Integer.parseInt(p[2]);
        if (c.args().size() != b + 1) return false;
        String col = columnOf(c.arg(a));
        if (col == null) return false;
        out.add(new Slot(c, kind, col, c.arg(b), false, what));
        return true;
    }

    static String columnOf(Expr e) {
        Expr u = e.unwrap();
        String s = Callbacks.stringOf(u);
        if (s != null) return s.contains(".") ? s.substring(s.lastIndexOf('.') + 1) : s;
        if (u instanceof Member m && m.property() != null) return m.property();
        if (u instanceof OtherExpr o && o.kind().startsWith("method-reference::")) {
            // Order::getUserId names the userId column
            String method = o.kind().substring("method-reference::".length());
            for (String p : new String[] {"get", "is"}) {
                if (method.length() > p.length() && method.startsWith(p) && Character.isUpperCase(method.charAt(p.length()))) {
                    return Character.toLowerCase(method.charAt(p.length())) + method.substring(p.length() + 1);
                }
            }
            return method;
        }
        return null;
    }

    /** findByUserIdAndStatus(a, b): a filters userId, b status; pagination arguments (Page, Pageable) are not properties. */
    private void derived(Call c, String what, List<Slot> out) {
        Matcher mt = DERIVED.matcher(c.methodName());
        if (!mt.matches()) return;
        String[] props = mt.group(1).split("And|Or");
        List<Expr> args = new ArrayList<>();
        for (Expr a : c.args()) if (!isPaging(a)) args.add(a);
        // a count that does not match is not a derived query this file can read
        if (args.size() != props.length) return;
        for (int i = 0; i < props.length; i++) {
            String prop = props[i];
            if (prop.isEmpty()) return;
            String clean = prop.replaceAll("(IgnoreCase|In|NotIn|Not|Is|Equals|Containing|Like|StartingWith|EndingWith|GreaterThan|LessThan|Between|After|Before)$", "");
            if (clean.isEmpty()) return;
            String col = Character.toLowerCase(clean.charAt(0)) + clean.substring(1);
            out.add(new Slot(c, Kind.FILTER, col, args.get(i), false, what));
        }
    }

    private static final Set<String> PAGING = Set.of("page", "pageable", "pageParam", "pageRequest", "pageQuery", "sort", "pageNo", "pageSize",
            "pageNum", "limit", "offset", "pagination", "paging", "pageDTO", "pageVo", "query");

    private static boolean isPaging(Expr a) {
        Expr u = a.unwrap();
        if (u instanceof Name n) {
            if (PAGING.contains(n.id())) return true;
            Symbol s = n.symbol();
            String t = s == null || s.declaredType() == null ? "" : s.declaredType().simpleName();
            return t.contains("Page") || t.equals("Sort") || t.equals("Pageable");
        }
        if (u instanceof New nw && nw.type() != null) return nw.type().simpleName().contains("Page");
        return u instanceof Call pc && pc.methodName() != null && (pc.methodName().toLowerCase(java.util.Locale.ROOT).contains("page")
                || pc.methodName().equals("of") && pc.receiver() != null && pc.receiver().unwrap() instanceof Name rn && rn.id().contains("Page"));
    }

    // ---- SQL ----

    private void sql(Call c, MethodModel m, List<Slot> out) {
        SentSql sent = SentSql.of(ctx, c, m);
        if (sent != null) sqlSlots(sent, out);
    }

    private void sqlSlots(SentSql sent, List<Slot> out) {
        Expr site = sent.site();
        Optional<SqlShape> shape = sent.shape();
        if (shape.isEmpty()) return;
        SqlShape s = shape.get();
        String what = s.kind() + (s.table() == null ? "" : " " + s.table());
        for (SqlShape.Slot slot : s.slots()) {
            Expr v = sent.valueOf(slot.placeholder());
            if (v == null) continue;
            boolean object = SqlShape.OBJECT.equals(slot.column());
            out.add(new Slot(site, slot.use() == SqlShape.Use.WRITE ? Kind.WRITE : Kind.FILTER, object ? null : slot.column(), v, object, what));
        }
    }

    /** The statement kind and table of the SQL text a call sends ("UPDATE users"), or null. */
    public String sqlWhat(Call c) {
        Optional<CallMatch> match = ctx.calls().classify(c);
        if (match.isEmpty() || match.get().method().sqlArg() == null) return null;
        int si = match.get().method().sqlArg();
        if (si >= c.args().size()) return null;
        String text = SentSql.textOf(c.arg(si));
        if (text == null) return null;
        return SqlText.shape(text).map(s -> s.kind() + (s.table() == null ? "" : " " + s.table())).orElse(null);
    }

    /**
     * JPA: query.setParameter("userId", id) / setParameter(1, id) on a query created from JPQL or SQL
     * text: the parameter's column comes from the statement.
     */
    private boolean queryParam(Call c, List<Slot> out) {
        if (c.args().size() != 2) return false;
        Call create = null;
        Expr cur = c.receiver();
        for (int i = 0; i < 20 && cur != null; i++) {
            Expr u = cur.unwrap();
            if (u instanceof Name n && n.symbol() != null && n.symbol().initializer() != null) {
                cur = n.symbol().initializer();
                continue;
            }
            if (!(u instanceof Call cc)) break;
            if (cc.methodName() != null && cc.methodName().startsWith("create") && !cc.args().isEmpty()) {
                create = cc;
                break;
            }
            cur = cc.receiver();
        }
        if (create == null) return false;
        String text = SentSql.textOf(create.arg(0));
        if (text == null) return false;
        Optional<SqlShape> shape = SqlText.shape(text);
        if (shape.isEmpty()) return false;
        Expr key = c.arg(0).unwrap();
        String marker = key instanceof Literal l && l.kind() == Literal.Kind.NUMBER ? "d" + l.value()
                : Callbacks.stringOf(key) != null ? "n" + Callbacks.stringOf(key) : null;
        if (marker == null) return false;
        SqlShape s = shape.get();
        for (SqlShape.Slot slot : s.slots()) {
            if (slot.placeholder().equals(marker)) {
                out.add(new Slot(c, slot.use() == SqlShape.Use.WRITE ? Kind.WRITE : Kind.FILTER, slot.column(), c.arg(1), false,
                        s.kind() + (s.table() == null ? "" : " " + s.table())));
                return true;
            }
        }
        return false;
    }






}
