package dev.prodlint.rules.checkthenact;

import dev.prodlint.analysis.db.DbOp;
import dev.prodlint.model.Node;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.stmt.If;
import dev.prodlint.rules.Snippets;

/** The text of each finding: what two concurrent requests do, and the fix for the stack. */
final class Forms {
    /** @param extra another place worth showing (the counter that moves twice, the computation) */
    record Text(String message, String why, String fix, Node extra, String extraNote) {
    }

    private Forms() {
    }

    static Text insert(SourceModule m, DbOp read, DbOp write, DbOp counter) {
        String msg = Snippets.dbOp(m, write) + " inserts after " + Snippets.dbOp(m, read) + " found no row, with nothing making the pair atomic: "
                + "two concurrent requests can both see no row and both insert"
                + (counter != null ? ", and " + Snippets.dbOp(m, counter) + " then counts twice" : "") + ".";
        String why = "A double-tap, a retry or two tabs send the same request twice; both reads run before either insert commits, both find "
                + "nothing, both insert: duplicate likes, double sign-ups, double bookings"
                + (counter != null ? ", and the stored count drifts (+2 for one like)" : "") + ". "
                + (read.lock() ? "`FOR UPDATE` locks only rows that exist: when the row is missing it locks nothing. " : "")
                + "A transaction at the default READ COMMITTED isolation does not prevent it; sequential tests never show it.";
        return new Text(msg, why, Fixes.insert(write.style()), counter == null ? null : counter.anchorCall(),
                counter == null ? null : "the count moves here whether or not the insert was a duplicate");
    }

    static Text insertOverLimit(SourceModule m, DbOp read, DbOp write, If decider) {
        String msg = Snippets.dbOp(m, write) + " inserts after the limit check `" + Snippets.code(m, decider.condition()) + "` on what "
                + Snippets.dbOp(m, read) + " counted, with nothing making the pair atomic: concurrent requests all see the count under "
                + "the limit and all insert, past it.";
        String why = "Five invitations allowed, four sent: two requests both count four, both pass, both insert, and there are six. "
                + "A unique key does not help (the rows differ); the default READ COMMITTED isolation does not either.";
        String fix = "Serialise the check with the insert: lock the parent row first (`SELECT ... FROM accounts WHERE id = $1 FOR UPDATE`, "
                + "`@Lock(PESSIMISTIC_WRITE)` on the owner in `@Transactional`), or keep the count on the parent and take a slot with one "
                + "guarded statement (`UPDATE accounts SET invites = invites + 1 WHERE id = $1 AND invites < 5`), checking the row count.";
        return new Text(msg, why, fix, null, null);
    }

    static Text insertUnique(SourceModule m, DbOp read, DbOp write) {
        String msg = Snippets.dbOp(m, write) + " inserts after " + Snippets.dbOp(m, read) + " found no row; a unique key rejects a concurrent "
                + "duplicate, but nothing here handles that error: the second of two concurrent requests fails instead of seeing the row.";
        String why = "On a double-submit both reads find nothing and both insert; the database keeps one row and the other insert throws a "
                + "unique violation, which reaches the caller as a 500. The data stays consistent; the request that lost the race fails.";
        String fix = "Make the insert decide: `INSERT ... ON CONFLICT DO NOTHING` / `upsert` / `insert().orIgnore()`, or catch the unique "
                + "violation (`P2002`, `23505`, `ER_DUP_ENTRY`, `DataIntegrityViolationException`) and answer as the existence check does.";
        return new Text(msg, why, fix, null, null);
    }

    static Text readModifyWrite(SourceModule m, DbOp read, DbOp write, RecordWrites.Computed computed) {
        String col = computed.column() == null ? "the value" : "`" + computed.column() + "`";
        String msg = Snippets.dbOp(m, write) + " writes back " + col + " computed from what " + Snippets.dbOp(m, read)
                + " read (`" + Snippets.code(m, computed.at()) + "`): concurrent requests overwrite each other's change (lost update).";
        String why = "Two requests read the same value (stock 10), each computes its own result (9) and writes it: one change is lost. "
                + "Stock oversells, balances drift, counters undercount. Nothing locks the row between the read and the write, and "
                + "tests that run one request at a time never show it.";
        return new Text(msg, why, Fixes.readModifyWrite(write.style()), computed.at(), "the new value is computed from the read here");
    }

    static Text dirtyCheck(SourceModule m, DbOp read, RecordWrites.Computed computed) {
        String col = computed.column() == null ? "a field" : "`" + computed.column() + "`";
        String msg = "`" + Snippets.code(m, computed.at()) + "` changes " + col + " of the entity " + Snippets.dbOp(m, read)
                + " loaded from its own value; the transaction writes it back at commit, and concurrent requests overwrite each other's change (lost update).";
        String why = "Inside @Transactional a loaded entity is written back when the transaction commits. Two requests load the same row, "
                + "each computes its own new value, and the second commit overwrites the first: one change is lost. READ COMMITTED "
                + "does not lock rows that are only read.";
        return new Text(msg, why, Fixes.readModifyWrite("jpa"), null, null);
    }

    static Text checkedRelative(SourceModule m, DbOp read, DbOp write, If decider) {
        String col = write.relative().isEmpty() ? "the value" : "`" + write.relative().iterator().next() + "`";
        String msg = Snippets.dbOp(m, write) + " updates " + col + " after the program checked it (`" + Snippets.code(m, decider.condition())
                + "`), but its WHERE does not repeat the check: two requests can both pass it and both apply the update.";
        String why = "Both requests read the same row (stock 1) and pass the check; both relative updates run; the value ends past its "
                + "limit (stock -1, an overdrawn balance, an overbooked slot). The check in the program is stale by the time the update runs.";
        return new Text(msg, why, Fixes.checkedRelative(write.style()), null, null);
    }

    static Text gatedCounter(SourceModule m, DbOp write, DbOp counter) {
        boolean delete = write.kind() == DbOp.Kind.DELETE;
        String msg = Snippets.dbOp(m, counter) + " moves the count whether or not " + Snippets.dbOp(m, write)
                + (delete ? " deleted a row" : " inserted one (it does nothing on a conflict)") + ": concurrent requests move it twice for one change.";
        String why = delete
                ? "Two concurrent requests both run the delete; one removes the row, the other removes nothing, yet both decrement: the "
                        + "stored count drifts below the real number of rows and never recovers."
                : "Two concurrent requests both run the insert; one inserts, the other's conflict clause does nothing, yet both increment: "
                        + "+2 for one row. Locking the child row first (`SELECT ... FOR UPDATE`) does not help: it locks nothing while the row "
                        + "does not exist yet.";
        return new Text(msg, why, Fixes.gatedCounter(delete), null, null);
    }
}
