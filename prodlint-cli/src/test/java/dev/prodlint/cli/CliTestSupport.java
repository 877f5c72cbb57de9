package dev.prodlint.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small projects for the CLI tests. */
final class CliTestSupport {
    static final String LEAKY_TS = """
            import { Pool } from 'pg';
            const pool = new Pool({ connectionTimeoutMillis: 5000 });

            export async function findOrder(id: string) {
              const client = await pool.connect();
              const { rows } = await client.query('SELECT * FROM orders WHERE id = $1', [id]);
              client.release();
              return rows[0];
            }
            """;

    static final String SAFE_TS = """
            import { Pool } from 'pg';
            const pool = new Pool({ connectionTimeoutMillis: 5000 });

            export async function findOrder(id: string) {
              const client = await pool.connect();
              try {
                const { rows } = await client.query('SELECT * FROM orders WHERE id = $1', [id]);
                return rows[0];
              } finally {
                client.release();
              }
            }
            """;

    static final String LEAKY_JAVA = """
            package app;

            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class Repo {
                private DataSource ds;

                int level() throws SQLException {
                    Connection c = ds.getConnection();
                    int level = c.getTransactionIsolation();
                    c.close();
                    return level;
                }
            }
            """;

    private CliTestSupport() {
    }

    static Path write(Path dir, String relative, String content) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /** Runs git in the repository as a fixed test user; fails the test when git fails. */
    static void git(Path repo, String... args) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("git", "-C", repo.toString(), "-c", "user.email=t@example.com",
                "-c", "user.name=test", "-c", "commit.gpgsign=false"));
        cmd.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(p.waitFor()).as("git %s: %s", String.join(" ", args), output).isEqualTo(0);
    }
}
