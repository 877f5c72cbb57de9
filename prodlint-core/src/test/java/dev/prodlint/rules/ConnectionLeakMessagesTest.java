package dev.prodlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodlint.Lowered;
import dev.prodlint.model.Language;
import dev.prodlint.model.SourceModule;
import dev.prodlint.rules.connectionleak.ConnectionLeakRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The finding must name the right call, line and fix: users act on the message. */
class ConnectionLeakMessagesTest {
    private static List<Finding> check(Language lang, String code) {
        SourceModule m = Lowered.lower(lang, code);
        List<Finding> out = new ArrayList<>();
        new ConnectionLeakRule().check(Lowered.context(m), out::add);
        return out;
    }

    @Test
    void blamesTheFailingCallNotTheRethrowAndNamesWhatCommits() {
        List<Finding> f = check(Language.JAVA, """
                import java.sql.*;
                import javax.sql.DataSource;
                class Users {
                    DataSource ds;
                    void delete(String login) {
                        try (Connection c = ds.getConnection()) {
                            c.setAutoCommit(false);
                            try {
                                c.prepareStatement("DELETE FROM sessions WHERE login = ?").execute();
                                c.prepareStatement("DELETE FROM users WHERE login = ?").execute();
                                c.commit();
                            } catch (SQLException e) {
                                throw new IllegalStateException(e);
                            } finally {
                                c.setAutoCommit(true);
                            }
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
                """);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).message()).startsWith("Transaction opened on `c` at line 7 is committed half-done if")
                .contains("at line 10 throws after").contains("at line 9 succeeded")
                .contains("`c.setAutoCommit(true)` at line 15 then commits").doesNotContain("line 13 throws");
        assertThat(f.get(0).fix()).contains("c.rollback()");
        assertThat(f.get(0).related()).extracting(r -> r.range().startLine()).containsExactly(7, 9, 10, 15);
    }

    @Test
    void javaTransactionClosedWithoutRollbackIsLeftToThePool() {
        assertThat(check(Language.JAVA, """
                import java.sql.*;
                import javax.sql.DataSource;
                class Users {
                    DataSource ds;
                    void delete(String login) throws SQLException {
                        try (Connection c = ds.getConnection()) {
                            c.setAutoCommit(false);
                            c.prepareStatement("DELETE FROM users").execute();
                            c.commit();
                        }
                    }
                }
                """)).isEmpty();
    }

    @Test
    void cleanupThatFailsBeforeTheReleaseIsExplainedAsSuch() {
        List<Finding> f = check(Language.JAVA, """
                import java.sql.*;
                import javax.sql.DataSource;
                class Locks {
                    DataSource ds;
                    void lock() throws SQLException {
                        Connection c = ds.getConnection();
                        try {
                            c.createStatement().execute("LOCK TABLE t");
                        } finally {
                            c.setAutoCommit(true);
                            c.close();
                        }
                    }
                }
                """);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).message()).contains("`c.setAutoCommit(...)` at line 10 throws");
        assertThat(f.get(0).fix()).contains("try { c.setAutoCommit(true); } finally { c.close(); }");
        assertThat(f.get(0).related()).extracting(r -> r.range().startLine()).containsExactly(10);
    }

    @Test
    void earlyReturnAndBranchAreNamed() {
        List<Finding> early = check(Language.TYPESCRIPT, """
                import { Pool } from 'pg';
                const pool = new Pool();
                export async function f(id: string) {
                  const client = await pool.connect();
                  if (!id) return null;
                  try { return await client.query('SELECT 1'); } finally { client.release(); }
                }
                """);
        assertThat(early).singleElement().satisfies(x -> {
            assertThat(x.message()).contains("returns at line 5");
            assertThat(x.range().startLine()).isEqualTo(4);
            assertThat(x.function()).isEqualTo("f");
        });
        List<Finding> never = check(Language.JAVASCRIPT, """
                const { Pool } = require('pg');
                const pool = new Pool();
                async function g() { const c = await pool.connect(); await c.query('SELECT 1'); }
                """);
        assertThat(never).singleElement().satisfies(x -> assertThat(x.message()).contains("never released in `g`"));
    }
}
