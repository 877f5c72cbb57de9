package dev.prodlint.rules.checkthenact;

/** The fix for each form, in the words of the stack the code uses. */
final class Fixes {
    private Fixes() {
    }

    static String insert(String style) {
        return switch (style) {
            case "prisma" -> "Let the database decide: a `@@unique` on the checked fields, then `upsert`, or `create` with the "
                    + "unique violation caught (`P2002`). A transaction alone does not stop it at the default isolation.";
            case "typeorm" -> "Let the database decide: a unique index on the checked columns, then `repo.upsert(...)` or "
                    + "`createQueryBuilder().insert()...orIgnore()`, or catch the unique violation (`23505` / `ER_DUP_ENTRY`).";
            case "sequelize", "orm" -> "Let the database decide: a unique index on the checked fields, then `upsert`/`findOrCreate` "
                    + "(inside a transaction), or catch `SequelizeUniqueConstraintError` / Mongo's duplicate key `11000`.";
            case "builder" -> "Let the database decide: a unique index, then `.onConflict([...]).ignore()` (knex), "
                    + "`.onConflictDoNothing()` (Drizzle) or `.onConflict(oc => oc.doNothing())` (Kysely), and act on the returned rows.";
            case "jpa", "jdbc", "mybatis" -> "Let the database decide: a unique constraint on the checked columns and catch "
                    + "`DataIntegrityViolationException` (or `INSERT ... ON CONFLICT DO NOTHING` / `INSERT IGNORE` in the statement). "
                    + "`@Transactional` alone does not prevent it: at READ COMMITTED both transactions read \"no row\".";
            default -> "Let the database decide: a unique constraint on the checked columns and "
                    + "`INSERT ... ON CONFLICT (...) DO NOTHING RETURNING id` (MySQL: `INSERT IGNORE` or `ON DUPLICATE KEY UPDATE`); "
                    + "act on whether a row came back.";
        };
    }

    static String readModifyWrite(String style) {
        return switch (style) {
            case "prisma" -> "Make it one atomic statement: `data: { col: { decrement: n } }` with the guard in `where` "
                    + "(`updateMany({ where: { id, col: { gte: n } } })`, check `count`), or read `FOR UPDATE` in an interactive `$transaction`.";
            case "typeorm" -> "Make it one atomic statement: `repo.decrement({ id }, 'col', n)` or an update with `col: () => 'col - :n'` "
                    + "and the guard in `where`; or read with `lock: { mode: 'pessimistic_write' }` inside `dataSource.transaction`; or a `@VersionColumn`.";
            case "sequelize", "orm" -> "Make it one atomic statement: `Model.decrement('col', { by: n, where: { id, col: { [Op.gte]: n } } })` "
                    + "(Mongoose: `updateOne({ _id, col: { $gte: n } }, { $inc: { col: -n } })`, check `modifiedCount`), "
                    + "or read with `lock: t.LOCK.UPDATE` inside `sequelize.transaction`.";
            case "builder" -> "Make it one atomic statement: knex `.decrement('col', n).where('col', '>=', n)`, Drizzle "
                    + "`set({ col: sql`${t.col} - ${n}` })` with the guard in `where`; check the affected rows.";
            case "jpa", "mybatis" -> "Add `@Version` to the entity (optimistic locking; retry on `OptimisticLockException`), or load it "
                    + "with `@Lock(LockModeType.PESSIMISTIC_WRITE)` inside `@Transactional`, or one statement: "
                    + "`@Modifying @Query(\"update T t set t.col = t.col - :n where t.id = :id and t.col >= :n\")` and check the count.";
            default -> "Make it one relative, guarded statement: `UPDATE t SET col = col - $1 WHERE id = $2 AND col >= $1` and check "
                    + "the row count; or read the row with `SELECT ... FOR UPDATE` in the same transaction.";
        };
    }

    static String checkedRelative(String style) {
        return switch (style) {
            case "prisma" -> "Put the check in the write: `updateMany({ where: { id, col: { gte: n } }, data: { col: { decrement: n } } })` "
                    + "and treat `count === 0` as the failure.";
            case "jpa", "mybatis" -> "Put the check in the statement: `@Modifying @Query(\"update T t set t.col = t.col - :n where t.id = :id and t.col >= :n\")` "
                    + "returning the count (0 means the check failed), or load the row with `@Lock(PESSIMISTIC_WRITE)` inside `@Transactional`.";
            default -> "Put the check in the statement: `UPDATE t SET col = col - $1 WHERE id = $2 AND col >= $1` and treat 0 affected rows "
                    + "as the failure; or read the row `FOR UPDATE` in the same transaction.";
        };
    }

    static String gatedCounter(boolean delete) {
        return "Make the counter depend on the write: `" + (delete ? "DELETE ... RETURNING id" : "INSERT ... ON CONFLICT DO NOTHING RETURNING id")
                + "` and update the counter only when a row came back (`rowCount`, `affectedRows`, the returned rows); or lock the parent "
                + "row first (`SELECT id FROM posts WHERE id = $1 FOR UPDATE`) in the same transaction; or count the rows instead of storing a count.";
    }
}
