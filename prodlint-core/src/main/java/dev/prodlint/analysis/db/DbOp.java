package dev.prodlint.analysis.db;

import dev.prodlint.analysis.sql.SqlShape.Conflict;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import java.util.Map;
import java.util.Set;

/**
 * One statement a function sends to the database, with the facts that decide whether it is safe
 * under concurrency.
 *
 * @param call      the call that sends it (the top of a builder chain: {@code knex('t').insert(x).onConflict().ignore()})
 * @param anchor    where a finding points: the call that names the operation
 * @param table     the table or entity, normalised ({@code likes}, {@code Like}, {@code likeRepository} → {@code like}); null when unknown
 * @param lock      a read that locks its rows ({@code FOR UPDATE}, {@code @Lock(PESSIMISTIC_WRITE)}, {@code lock: true})
 * @param conflict  what an insert does when the row exists
 * @param returning the statement returns the rows it touched
 * @param relative  columns updated from their own value ({@code x = x + 1}, {@code { increment: 1 }}, {@code $inc})
 * @param absolute  columns set to a value the program computed, with that value when it is known
 * @param guarded   the write's filter compares more than the row's key ({@code AND stock >= $1}, a version)
 * @param advisory  the statement takes an advisory lock
 * @param style     the stack, for the fix to suggest: sql, prisma, typeorm, sequelize, mongoose, builder, jpa, mybatis
 * @param frame     the function (or callback) the call runs in
 * @param sql       the SQL text it sends, when it sends text
 * @param columns   the columns it names in its values and filter, as written
 */
public record DbOp(Call call, Expr anchor, Kind kind, String table, boolean lock, Conflict conflict, boolean returning,
                   Set<String> relative, Map<String, Expr> absolute, boolean guarded, boolean advisory, String style,
                   FunctionDecl frame, String sql, Set<String> columns) {

    public enum Kind { READ, INSERT, UPDATE, DELETE, UPSERT, SAVE, INCREMENT, BEGIN, COMMIT, ROLLBACK, SERIALIZABLE }

    public boolean isWrite() {
        return switch (kind) {
            case INSERT, UPDATE, DELETE, UPSERT, SAVE, INCREMENT -> true;
            default -> false;
        };
    }

    public boolean isControl() {
        return kind == Kind.BEGIN || kind == Kind.COMMIT || kind == Kind.ROLLBACK || kind == Kind.SERIALIZABLE;
    }

    /** An update that only moves counters: {@code like_count = like_count + 1}. */
    public boolean isCounter() {
        return kind == Kind.INCREMENT || kind == Kind.UPDATE && !relative.isEmpty() && absolute.isEmpty();
    }

    /** An insert that may insert nothing and say so only through its result. */
    public boolean mayInsertNothing() {
        return (kind == Kind.INSERT || kind == Kind.SAVE) && conflict == Conflict.DO_NOTHING;
    }

    /** This operation runs in {@code earlier}'s function or in a callback inside it, so the two can meet in one call. */
    public boolean runsWithin(DbOp earlier) {
        return frame == earlier.frame || frame != null && earlier.frame != null && frame.isWithin(earlier.frame);
    }

    /** The call a finding points at. */
    public Call anchorCall() {
        return anchor instanceof Call c ? c : call;
    }

    /** Where it runs: the anchor (a prepared statement runs at its executeUpdate()). */
    public int start() {
        return anchorCall().range().startOffset();
    }
}
