package dev.prodlint.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodlint.Lowered;
import dev.prodlint.apimodel.Role;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.expr.Call;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TypeOracleTest {
    private static Optional<CallClassifier.CallMatch> classify(SourceModule m, String method) {
        ModuleContext ctx = Lowered.context(m);
        Call c = Lowered.all(m, Call.class).stream().filter(x -> method.equals(x.methodName())).findFirst().orElseThrow();
        return ctx.calls().classify(c);
    }

    @Test
    void constructorsFactoriesAndRequiresGiveTypes() {
        assertThat(classify(Lowered.ts("import pg from 'pg'; const p = new pg.Pool(); async function f() { await p.connect(); }"), "connect"))
                .hasValueSatisfying(m -> assertThat(m.typeId()).isEqualTo("pg#Pool"));
        assertThat(classify(Lowered.ts("const { Pool } = require('pg'); const p = new Pool(); p.connect();"), "connect"))
                .hasValueSatisfying(m -> assertThat(m.hinted()).isFalse());
        assertThat(classify(Lowered.ts("import mysql from 'mysql2/promise'; const p = mysql.createPool({}); p.getConnection();"), "getConnection"))
                .hasValueSatisfying(m -> assertThat(m.is(Role.ACQUIRE)).isTrue());
    }

    @Test
    void fieldsAndParametersUseDeclaredTypes() {
        SourceModule ts = Lowered.ts("""
                import { Pool, PoolClient } from 'pg';
                class R { constructor(private pool: Pool) {} async f(c: PoolClient) { await this.pool.connect(); c.release(); } }
                """);
        assertThat(classify(ts, "connect")).hasValueSatisfying(m -> assertThat(m.typeId()).isEqualTo("pg#Pool"));
        assertThat(classify(ts, "release")).hasValueSatisfying(m -> assertThat(m.is(Role.RELEASE)).isTrue());
        SourceModule java = Lowered.java("""
                import javax.sql.DataSource;
                import com.zaxxer.hikari.HikariDataSource;
                class R { HikariDataSource ds; void f() throws Exception { ds.getConnection(); } }
                """);
        assertThat(classify(java, "getConnection")).hasValueSatisfying(m -> assertThat(m.method().returns()).isEqualTo("java.sql.Connection"));
    }

    @Test
    void unknownReceiversAreHintedOnlyByName() {
        assertThat(classify(Lowered.ts("import { pool } from './db'; pool.connect();"), "connect"))
                .hasValueSatisfying(m -> assertThat(m.hinted()).isTrue());
        assertThat(classify(Lowered.ts("import { broker } from './mq'; broker.connect();"), "connect")).isEmpty();
        assertThat(classify(Lowered.java("class R { Object ds; void f() { ds.getConnection(); } }"), "getConnection")).isEmpty();
    }
}
