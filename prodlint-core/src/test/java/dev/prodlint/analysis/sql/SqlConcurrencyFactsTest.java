package dev.prodlint.analysis.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodlint.analysis.sql.SqlShape.Conflict;
import dev.prodlint.analysis.sql.SqlShape.Lock;
import org.junit.jupiter.api.Test;

/** The facts check-then-act and missing-transaction read from SQL text: locks, conflicts, relative updates, guards, control. */
class SqlConcurrencyFactsTest {
    @Test
    void lockingReadsAndAdvisoryLocks() {
        assertThat(SqlText.shape("SELECT id FROM posts WHERE id = $1 FOR UPDATE").orElseThrow().lock()).isEqualTo(Lock.UPDATE);
        assertThat(SqlText.shape("SELECT id FROM jobs WHERE state = 'ready' FOR UPDATE SKIP LOCKED").orElseThrow().lock()).isEqualTo(Lock.UPDATE);
        assertThat(SqlText.shape("SELECT id FROM posts WHERE id = $1 FOR SHARE").orElseThrow().lock()).isEqualTo(Lock.SHARE);
        assertThat(SqlText.shape("SELECT id FROM posts WHERE id = $1").orElseThrow().lock()).isEqualTo(Lock.NONE);
        assertThat(SqlText.shape("SELECT pg_advisory_xact_lock($1)").orElseThrow().advisoryLock()).isTrue();
    }

    @Test
    void conflictClausesOfEachDialect() {
        assertThat(SqlText.shape("INSERT INTO likes (user_id, post_id) VALUES ($1, $2) ON CONFLICT (user_id, post_id) DO NOTHING RETURNING id")
                .orElseThrow()).satisfies(s -> {
                    assertThat(s.conflict()).isEqualTo(Conflict.DO_NOTHING);
                    assertThat(s.returning()).isTrue();
                });
        assertThat(SqlText.shape("INSERT IGNORE INTO likes (user_id, post_id) VALUES (?, ?)").orElseThrow().conflict()).isEqualTo(Conflict.DO_NOTHING);
        assertThat(SqlText.shape("INSERT INTO carts (user_id, sku, qty) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE qty = qty + VALUES(qty)")
                .orElseThrow().conflict()).isEqualTo(Conflict.DO_UPDATE);
        assertThat(SqlText.shape("INSERT INTO counters (k, n) VALUES ($1, 1) ON CONFLICT (k) DO UPDATE SET n = counters.n + 1")
                .orElseThrow().conflict()).isEqualTo(Conflict.DO_UPDATE);
        assertThat(SqlText.shape("INSERT INTO likes (user_id, post_id) VALUES ($1, $2)").orElseThrow().conflict()).isEqualTo(Conflict.NONE);
    }

    @Test
    void relativeAbsoluteAndGuardedUpdates() {
        SqlShape relative = SqlText.shape("UPDATE products SET stock = stock - $1 WHERE id = $2 AND stock >= $1").orElseThrow();
        assertThat(relative.relativeSet()).containsExactly("stock");
        assertThat(relative.absoluteSet()).isEmpty();
        assertThat(relative.guardColumns()).contains("stock");

        SqlShape absolute = SqlText.shape("UPDATE products SET stock = $1 WHERE id = $2").orElseThrow();
        assertThat(absolute.absoluteSet()).containsExactly("stock");
        assertThat(absolute.guardColumns()).isEmpty();

        assertThat(SqlText.shape("UPDATE orders SET status = 'paid' WHERE id = $1 AND status = 'pending'").orElseThrow().guardColumns())
                .containsExactly("status");
        assertThat(SqlText.shape("UPDATE accounts SET balance = $1, version = version + 1 WHERE id = $2 AND version = $3").orElseThrow()
                .guardColumns()).containsExactly("version");
        assertThat(SqlText.shape("UPDATE jobs SET locked_by = $1 WHERE id = $2 AND locked_by IS NULL").orElseThrow().guardColumns())
                .containsExactly("locked_by");
    }

    @Test
    void transactionControlStatements() {
        assertThat(SqlText.control("BEGIN")).contains(SqlText.Control.BEGIN);
        assertThat(SqlText.control("START TRANSACTION")).contains(SqlText.Control.BEGIN);
        assertThat(SqlText.control("BEGIN ISOLATION LEVEL SERIALIZABLE")).contains(SqlText.Control.SERIALIZABLE);
        assertThat(SqlText.control("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE")).contains(SqlText.Control.SERIALIZABLE);
        assertThat(SqlText.control("commit")).contains(SqlText.Control.COMMIT);
        assertThat(SqlText.control("ROLLBACK;")).contains(SqlText.Control.ROLLBACK);
        assertThat(SqlText.control("SELECT 1")).isEmpty();
    }

    @Test
    void unparseableTextGivesNoFacts() {
        assertThat(SqlText.shape("UPDATE products SET stock = WHERE")).isEmpty();
    }
}
