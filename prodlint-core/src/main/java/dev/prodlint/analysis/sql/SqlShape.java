package dev.prodlint.analysis.sql;

import java.util.List;
import java.util.Set;

/**
 * What a SQL statement does: its kind and table, for each placeholder the column it is written to
 * or compared with, and the facts that decide whether it is safe under concurrency (row locks,
 * conflict handling, relative updates, guards in WHERE).
 *
 * @param tables        every table the statement names (the target first)
 * @param lock          the row lock a SELECT takes ({@code FOR UPDATE}, {@code FOR SHARE})
 * @param conflict      what an INSERT does when the row exists ({@code ON CONFLICT}, {@code INSERT IGNORE},
 *                      {@code ON DUPLICATE KEY UPDATE}, {@code MERGE}, {@code REPLACE})
 * @param returning     the statement returns the rows it touched ({@code RETURNING})
 * @param relativeSet   UPDATE columns set from their own value ({@code stock = stock - $1})
 * @param absoluteSet   UPDATE columns set to a value computed elsewhere ({@code stock = $1})
 * @param whereColumns  the columns WHERE compares
 * @param guardColumns  WHERE comparisons beyond the row's key: a non-equality ({@code stock >= $2}), an
 *                      equality with a literal ({@code status = 'pending'}), or a column the UPDATE also sets
 *                      ({@code version = $3}): what makes a conditional write atomic
 * @param advisoryLock  the statement takes an advisory lock ({@code pg_advisory_xact_lock}, {@code GET_LOCK})
 */
public record SqlShape(Kind kind, String table, List<Slot> slots, Set<String> tables, Lock lock, Conflict conflict, boolean returning,
                       Set<String> relativeSet, Set<String> absoluteSet, Set<String> whereColumns, Set<String> guardColumns,
                       boolean advisoryLock) {
    public enum Kind { SELECT, INSERT, UPDATE, DELETE }

    /** Where a placeholder sits: a written column (SET or VALUES) or a WHERE comparison. */
    public enum Use { WRITE, WHERE }

    public enum Lock { NONE, SHARE, UPDATE }

    public enum Conflict { NONE, DO_NOTHING, DO_UPDATE }

    /** @param placeholder the placeholder's key in {@link SqlText} ({@code d1} for $1, {@code q0} for the first ?, {@code t2} for a template's third value, or a name) */
    public record Slot(String column, Use use, String placeholder) {
    }

    /** The column of a placeholder that stands for a whole object: mysql's {@code SET ?}. */
    public static final String OBJECT = "*";

    public SqlShape(Kind kind, String table, List<Slot> slots) {
        this(kind, table, slots, table == null ? Set.of() : Set.of(table), Lock.NONE, Conflict.NONE, false, Set.of(), Set.of(), Set.of(), Set.of(), false);
    }

    public SqlShape {
        slots = List.copyOf(slots);
        tables = Set.copyOf(tables);
        relativeSet = Set.copyOf(relativeSet);
        absoluteSet = Set.copyOf(absoluteSet);
        whereColumns = Set.copyOf(whereColumns);
        guardColumns = Set.copyOf(guardColumns);
    }

    public boolean writes() {
        return kind != Kind.SELECT;
    }

    /** The slot bound to a placeholder, or null. */
    public Slot slot(String placeholder) {
        for (Slot s : slots) if (s.placeholder().equals(placeholder)) return s;
        return null;
    }
}
