package dev.prodlint;

/** Small source files the engine tests scan. */
public final class TestSources {
    /** A connection leak: released only when the query succeeds. The finding is at line 5, column 24. */
    public static final String LEAKY_TS = """
            import { Pool } from 'pg';
            const pool = new Pool({ connectionTimeoutMillis: 5000 });

            export async function findOrder(id: string) {
              const client = await pool.connect();
              const { rows } = await client.query('SELECT * FROM orders WHERE id = $1', [id]);
              client.release();
              return rows[0];
            }
            """;

    private TestSources() {
    }
}
