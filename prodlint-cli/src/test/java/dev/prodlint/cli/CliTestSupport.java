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
}
