package dev.prodlint.rules.missingtransaction;

import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.analysis.db.DbAnalysis;
import dev.prodlint.analysis.db.DbOp;
import dev.prodlint.analysis.db.Paths;
import dev.prodlint.analysis.db.Results;
import dev.prodlint.analysis.db.Transactions;
import dev.prodlint.model.ClassDecl;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.This;
import dev.prodlint.rules.Finding;
import dev.prodlint.rules.FindingSink;
import dev.prodlint.rules.Rule;
import dev.prodlint.rules.RuleMeta;
import dev.prodlint.rules.Severity;
import dev.prodlint.rules.Snippets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds functions that make two or more writes that belong together without a transaction around
 * them: a crash or an error between them leaves the data half-written.
 */
public final class MissingTransactionRule implements Rule {
    public static final String ID = "missing-transaction";

    private static final RuleMeta META = new RuleMeta(ID,
            "Writes that belong together, with no transaction around them",
            Severity.WARNING,
            EnumSet.allOf(Language.class),
            """
            The function writes twice (a like and its counter, an order and its lines, a debit and a \
            credit) and each statement commits on its own. A crash, a deploy, a timeout or an error in \
            the second write leaves the first one done: the like deleted but the count not decremented, \
            the order without its items, money taken from one account and never given to the other. \
            Nothing repairs it later, and tests where every write succeeds never show it.""",
            """
            await db.query('DELETE FROM likes WHERE id = $1', [likeId]);
            await db.query('UPDATE posts SET like_count = like_count - 1 WHERE id = $1', [postId]);""",
            """
            await db.transaction(async (tx) => {
              await tx.query('DELETE FROM likes WHERE id = $1', [likeId]);
              await tx.query('UPDATE posts SET like_count = like_count - 1 WHERE id = $1', [postId]);
            });""");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public boolean usesProjectSummaries() {
        return true;
    }

    @Override
    public void check(ModuleContext ctx, FindingSink sink) {
        SourceModule m = ctx.module();
        DbAnalysis db = ctx.db();
        for (FunctionDecl unit : db.units()) {
            if (db.isOneOff(unit) || m.language() == Language.JAVA && !judged(db, unit)) continue;
            List<DbOp> writes = new ArrayList<>();
            for (DbOp op : db.ops().in(unit)) {
                if (op.isWrite() && !Transactions.inCatchOrFinally(op.anchorCall())) writes.add(op);
            }
            if (writes.size() < 2) continue;
            FunctionDecl selfCaller = m.language() == Language.JAVA ? selfInvoker(db, unit) : null;
            check(ctx, db, unit, writes, selfCaller, sink);
        }
    }

    /** A repository or DAO method runs in its caller's transaction, in the service layer; so does a helper only other files call. */
    private static final java.util.regex.Pattern DATA_LAYER = java.util.regex.Pattern.compile(".*(Repository|RepositoryImpl|Dao|DaoImpl|DAO|Mapper|Store)$");

    private static boolean judged(DbAnalysis db, FunctionDecl unit) {
        ClassDecl owner = unit.owner();
        if (owner != null && (owner.name() != null && DATA_LAYER.matcher(owner.name()).matches()
                || owner.annotations().stream().anyMatch(a -> a.simpleName().equals("Repository")))) return false;
        if (!unit.modifiers().contains("public") && db.transactions().callers(unit).isEmpty()) return false;
        return true;
    }

    /** A write that only stamps a time (lastSeenAt, updated_at): losing it half-way leaves nothing inconsistent. */
    private static final java.util.regex.Pattern STAMP = java.util.regex.Pattern.compile(
            "(?i)^(last[a-z]*(at|time|date|on|ip)|updated(at|time|on|date)?|modified(at|time|on|date)?|touched(at)?|heartbeat[a-z]*"
                    + "|[a-z]*(seenat|loginat|accessedat|activeat|syncedat|fetchedat|lastlogin))$");

    private static boolean stampOnly(DbOp op) {
        if (op.kind() != DbOp.Kind.UPDATE || !op.relative().isEmpty() || op.absolute().isEmpty()) return false;
        for (String col : op.absolute().keySet()) if (!STAMP.matcher(col.replace("_", "")).matches()) return false;
        return true;
    }

    /** The second write runs only when the first changed nothing: {@code if (r.count > 0) return;} before it. */
    private static boolean guardedByResult(DbAnalysis db, SourceModule m, DbOp a, DbOp b, FunctionDecl unit) {
        Set<Symbol> fromA = db.dependents(a, unit);
        for (dev.prodlint.model.stmt.If i : Results.decisions(a, fromA, unit)) {
            if (b.anchorCall().isWithin(i) || i.range().startOffset() > b.start() || !Paths.exits(i.then())) continue;
            // leaving when nothing changed (=== 0, !r.count) means b runs after a succeeded: they belong together
            String cond = Snippets.compact(m, i.condition());
            if (!NOTHING_CHANGED.matcher(cond).find()) return true;
        }
        return false;
    }

    private static final java.util.regex.Pattern NOTHING_CHANGED = java.util.regex.Pattern.compile("(===?0\\b|!==?1\\b|<1\\b|^!|\\(!|==null|===undefined|<=0\\b)");

    /** The same row written twice (create if missing, then save it; insert, call out, update it): one record, not two that must agree. */
    private static boolean sameRow(DbAnalysis db, DbOp a, DbOp b, FunctionDecl unit) {
        if (a.table() == null || !a.table().equals(b.table())) return false;
        Set<Symbol> fromA = new java.util.HashSet<>(db.dependents(a, unit));
        fromA.addAll(argumentSymbols(a));
        return !fromA.isEmpty() && Results.references(b.call(), fromA);
    }


    private void check(ModuleContext ctx, DbAnalysis db, FunctionDecl unit, List<DbOp> writes, FunctionDecl selfCaller, FindingSink sink) {
        SourceModule m = ctx.module();
        for (int j = 1; j < writes.size(); j++) {
            DbOp b = writes.get(j);
            if (covered(db, b, unit, selfCaller)) continue;
            for (int i = 0; i < j; i++) {
                DbOp a = writes.get(i);
                if (a.call() == b.call() || !b.runsWithin(a) || Paths.exclusive(a.anchorCall(), b.anchorCall())) continue;
                if (covered(db, a, unit, selfCaller) || !belongTogether(db, a, b, unit)) continue;
                if (stampOnly(a) || stampOnly(b) || sameRow(db, a, b, unit) || guardedByResult(db, m, a, b, unit)) continue;
                report(m, unit, a, b, selfCaller, sink);
                return;
            }
        }
    }

    /** In a transaction, unless the only transaction is a @Transactional that a same-class call bypasses. */
    private static boolean covered(DbAnalysis db, DbOp op, FunctionDecl unit, FunctionDecl selfCaller) {
        Transactions.Scope s = db.transactions().of(op, unit);
        if (!s.transaction()) return false;
        return !(selfCaller != null && ("@Transactional".equals(s.how()) || "<tx:advice>".equals(s.how())));
    }


    /** Different tables, a write that uses the first one's result, or two relative updates of one table (a transfer). */
    private static boolean belongTogether(DbAnalysis db, DbOp a, DbOp b, FunctionDecl unit) {
        if (a.table() != null && b.table() != null && !a.table().equals(b.table())) return true;
        Set<Symbol> fromA = new java.util.HashSet<>(db.dependents(a, unit));
        fromA.addAll(argumentSymbols(a));
        if (!fromA.isEmpty() && Results.references(b.call(), fromA)) return true;
        return a.table() != null && a.table().equals(b.table()) && !a.relative().isEmpty() && !b.relative().isEmpty();
    }

    /** The objects the first write saved: JPA fills in their generated id, which the second write then uses. */
    private static Set<Symbol> argumentSymbols(DbOp a) {
        Set<Symbol> out = new HashSet<>();
        if (a.kind() != DbOp.Kind.INSERT && a.kind() != DbOp.Kind.SAVE) return out;
        for (Expr arg : a.call().args()) {
            if (arg.unwrap() instanceof Name n && n.symbol() != null && n.symbol().kind() == Symbol.Kind.LOCAL) out.add(n.symbol());
        }
        return out;
    }

    /** A public @Transactional method that a method of its own class without a transaction calls: the proxy is bypassed. */
    private static FunctionDecl selfInvoker(DbAnalysis db, FunctionDecl unit) {
        ClassDecl owner = unit.owner();
        if (owner == null || unit.name() == null || Transactions.transactional(unit.annotations()) == null) return null;
        for (FunctionDecl other : owner.methods()) {
            if (other == unit || other.body() == null || db.transactions().annotated(other).transaction()) continue;
            boolean[] calls = {false};
            other.body().walk(n -> {
                if (n instanceof Call c && unit.name().equals(c.methodName()) && c.args().size() == unit.params().size()
                        && (c.receiver() == null || c.receiver().unwrap() instanceof This)) calls[0] = true;
            });
            if (calls[0]) return other;
        }
        return null;
    }

    private void report(SourceModule m, FunctionDecl unit, DbOp a, DbOp b, FunctionDecl selfCaller, FindingSink sink) {
        String note = "";
        if (Transactions.ignoredTransactional(unit)) {
            note = " `@Transactional` on a private method does nothing: Spring's proxy cannot intercept it.";
        } else if (selfCaller != null) {
            note = " `@Transactional` on `" + unit.name() + "` does not apply when `" + selfCaller.name()
                    + "` calls it from the same class: the call bypasses Spring's proxy.";
        }
        String message = Snippets.dbOp(m, b) + " runs after " + Snippets.dbOp(m, a) + " with no transaction around them: a crash or an error "
                + "between them leaves the first change without the second." + note;
        String why = META.rationale();
        List<Finding.Related> related = List.of(new Finding.Related(m.path(), Snippets.nameRange(m, a.anchorCall()), "the first write commits on its own here"));
        Call at = b.anchorCall();
        sink.report(new Finding(ID, Severity.WARNING, message, why, fix(b.style()), m.path(), Snippets.nameRange(m, at), related,
                FunctionDecl.reportNameOf(at)));
    }

    private static String fix(String style) {
        return switch (style) {
            case "prisma" -> "Run the writes in `await prisma.$transaction(async (tx) => { ... })` and use `tx` for every call inside "
                    + "(or the array form `prisma.$transaction([a, b])` when no write needs another's result).";
            case "typeorm" -> "Run the writes in `await this.dataSource.transaction(async (manager) => { ... })` and write through `manager`.";
            case "sequelize", "orm" -> "Run the writes in `await sequelize.transaction(async (t) => { ... })` and pass `{ transaction: t }` to "
                    + "every call (Mongoose: `session.withTransaction(...)` with `{ session }` on every call).";
            case "builder" -> "Run the writes in `await knex.transaction(async (trx) => { ... })` / `db.transaction(async (tx) => { ... })` "
                    + "and use `trx`/`tx` for every statement.";
            case "jpa", "jdbc", "mybatis" -> "Make the method `@Transactional` (public, and called from another bean so the proxy applies), "
                    + "or wrap the writes in `transactionTemplate.executeWithoutResult(status -> { ... })`; plain JDBC: "
                    + "`setAutoCommit(false)`, `commit()`, and `rollback()` in the catch.";
            default -> "Run both statements on one client in a transaction: `const client = await pool.connect(); try { await client.query('BEGIN'); "
                    + "...; await client.query('COMMIT') } catch (e) { await client.query('ROLLBACK'); throw e } finally { client.release() }` "
                    + "(mysql2: `beginTransaction()` / `commit()` / `rollback()`).";
        };
    }
}
