package dev.prodlint.analysis.sql;

import java.util.List;

/**
 * What a SQL statement does with its placeholders: the table, the statement kind, and for each
 * placeholder the column it is written to or compared with.
 */
public record SqlShape(Kind kind, String table, List<Slot> slots) {
    public enum Kind { SELECT, INSERT, UPDATE, DELETE }

    /** Where a placeholder sits: a written column (SET or VALUES) or a WHERE comparison. */
    public enum Use { WRITE, WHERE }

    /** @param placeholder the placeholder's key in {@link SqlText} ({@code d1} for $1, {@code q0} for the first ?, {@code t2} for a template's third value, or a name) */
    public record Slot(String column, Use use, String placeholder) {
    }

    /** The column of a placeholder that stands for a whole object: mysql's {@code SET ?}. */
    public static final String OBJECT = "*";

    public boolean writes() {
        return kind != Kind.SELECT;
    }
}
