package dev.prodlint.rules.checkthenact;

import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.analysis.db.DbAnalysis;
import dev.prodlint.analysis.db.DbOp;
import dev.prodlint.analysis.db.DbOps;
import dev.prodlint.analysis.db.Transactions;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Node;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.stmt.Catch;
import dev.prodlint.model.stmt.Try;
import java.util.List;
import java.util.regex.Pattern;

/** What makes a read and a write atomic after all: locks, SERIALIZABLE, conflict handling, versions. */
final class Protections {
    /** A catch that handles a unique violation: the database is the arbiter and the code knows it. */
    private static final Pattern UNIQUE = Pattern.compile(
            "(?i)(unique|duplicate|P2002|23505|ER_DUP_ENTRY|\\b1062\\b|\\b11000\\b|DataIntegrityViolation|DuplicateKey|ConstraintViolation|EntityExists|already exists)");

    private final ModuleContext ctx;
    private final DbAnalysis db;
    private final FunctionDecl unit;
    private final List<DbOp> ops;

    Protections(ModuleContext ctx, DbAnalysis db, FunctionDecl unit, List<DbOp> ops) {
        this.ctx = ctx;
        this.db = db;
        this.unit = unit;
        this.ops = ops;
    }

    private Transactions.Scope scope(DbOp op) {
        return db.transactions().of(op, unit);
    }

    /** An insert after an existence check: only a lock on something that exists (the parent row), SERIALIZABLE or an application lock. */
    boolean insertProtected(DbOp read, DbOp write) {
        return scope(write).serializable() || db.transactions().appLocked(read.anchorCall(), unit) || lockedBefore(read, read.table(), write);
    }

    /** An update after a read: the read itself locking in a transaction counts too. */
    boolean updateProtected(DbOp read, DbOp write) {
        if (scope(write).serializable() || db.transactions().appLocked(read.anchorCall(), unit)) return true;
        if (read.lock() && scope(read).transaction()) return true;
        return lockedBefore(read, null, write) || versioned(read) || passesVersion(write);
    }

    /** A counter after a write that may do nothing: a lock on the counter's row, or on the deleted row itself. */
    boolean counterProtected(DbOp write, DbOp counter) {
        if (scope(counter).serializable() || db.transactions().appLocked(write.anchorCall(), unit)) return true;
        for (DbOp l : ops) {
            if (l.start() >= write.start()) break;
            if (!(l.lock() || l.advisory()) || !scope(l).transaction()) continue;
            if (l.advisory() || l.table() == null || l.table().equals(counter.table())) return true;
            if (write.kind() == DbOp.Kind.DELETE && l.table().equals(write.table())) return true;
        }
        return false;
    }

    /** A locking read (or advisory lock) earlier in the same transaction, on another table than {@code except}. */
    private boolean lockedBefore(DbOp read, String except, DbOp write) {
        if (!scope(write).transaction()) return false;
        for (DbOp l : ops) {
            if (l.start() >= read.start()) break;
            if (!(l.lock() || l.advisory()) || !scope(l).transaction()) continue;
            if (l.advisory() || except == null || l.table() == null || !l.table().equals(except)) return true;
        }
        return false;
    }

    /** An optimistic update through a helper: repo.update(id, data, expectedVersion), where the helper compares the version. */
    private boolean passesVersion(DbOp write) {
        for (dev.prodlint.model.expr.Expr a : write.call().args()) {
            if (ctx.module().text().slice(a.range()).toLowerCase(java.util.Locale.ROOT).contains("version")) return true;
        }
        return false;
    }

    /** JPA checks {@code @Version} on every update of the entity. */
    boolean versioned(DbOp op) {
        return op.table() != null && db.ops().index().versionedEntities().stream().anyMatch(e -> op.table().equals(DbOps.norm(e)));
    }

    private static final java.util.regex.Pattern DERIVED = java.util.regex.Pattern.compile(
            "^(?:find|exists|exist|count|get|select|query|read|load|fetch)[A-Za-z]*?By([A-Z][A-Za-z0-9]*?)(?:OrderBy[A-Za-z0-9]*)?$");

    /**
     * A unique key covers what the read checks (declared in the schema, an entity or a migration, or
     * implied: Prisma's findUnique, a lookup by id): two racing inserts cannot both succeed, the
     * database rejects the second.
     */
    boolean uniqueKeyDecides(DbOp read, DbOp write) {
        String m = read.anchorCall().methodName();
        if (m != null && (m.equals("findUnique") || m.equals("findUniqueOrThrow") || m.equals("findByPk") || m.equals("findById")
                || m.equals("existsById") || m.equals("selectById") || m.equals("getById") || m.equals("selectByPrimaryKey"))) return true;
        java.util.Set<String> cols = new java.util.LinkedHashSet<>(read.columns());
        if (m != null) {
            java.util.regex.Matcher d = DERIVED.matcher(m);
            if (d.matches()) for (String p : d.group(1).split("And|Or")) if (!p.isEmpty()) cols.add(p);
        }
        if (cols.isEmpty()) return false;
        var unique = db.ops().index().unique();
        return unique.covers(write.table(), cols) || unique.covers(read.table(), cols);
    }

    /** The write sits in a try whose catch handles a unique violation, or has a .catch(...) that does. */
    boolean uniqueHandled(DbOp write) {
        for (Node p = write.anchorCall().parent(); p != null && p != unit.parent(); p = p.parent()) {
            if (p instanceof Try t && write.anchorCall().isWithin(t.body())) {
                for (Catch c : t.catches()) {
                    if (UNIQUE.matcher(ctx.module().text().slice(c.range())).find()) return true;
                }
            }
        }
        Node up = write.anchorCall().parent();
        while (up instanceof dev.prodlint.model.expr.Member mem && mem.parent() instanceof Call outer) {
            if ("catch".equals(outer.methodName()) && UNIQUE.matcher(ctx.module().text().slice(outer.range())).find()) return true;
            up = outer.parent();
        }
        return false;
    }
}
