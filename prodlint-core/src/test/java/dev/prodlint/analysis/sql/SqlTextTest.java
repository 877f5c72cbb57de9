package dev.prodlint.analysis.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodlint.analysis.sql.SqlShape.Slot;
import dev.prodlint.analysis.sql.SqlShape.Use;
import org.junit.jupiter.api.Test;

/** Placeholders traced to columns: what SET, VALUES and WHERE do with $1, ?, :name, ?1 and template values. */
class SqlTextTest {
    @Test
    void updateSeparatesWrittenColumnsFromTheWhereClause() {
        SqlShape s = SqlText.shape("UPDATE users SET name = $1, role = $2 WHERE id = $3 AND tenant_id = $4").orElseThrow();
        assertThat(s.kind()).isEqualTo(SqlShape.Kind.UPDATE);
        assertThat(s.table()).isEqualTo("users");
        assertThat(s.slots()).containsExactly(new Slot("name", Use.WRITE, "d1"), new Slot("role", Use.WRITE, "d2"),
                new Slot("id", Use.WHERE, "d3"), new Slot("tenant_id", Use.WHERE, "d4"));
    }

    @Test
    void questionMarksCountInOrderAndJpaIndexesKeepTheirNumber() {
        assertThat(SqlText.shape("INSERT INTO orders (user_id, total) VALUES (?, ?)").orElseThrow().slots())
                .containsExactly(new Slot("user_id", Use.WRITE, "q0"), new Slot("total", Use.WRITE, "q1"));
        assertThat(SqlText.shape("DELETE FROM cards WHERE customer_id = ?1 AND id = ?2").orElseThrow().slots())
                .containsExactly(new Slot("customer_id", Use.WHERE, "d1"), new Slot("id", Use.WHERE, "d2"));
        assertThat(SqlText.shape("SELECT o FROM Order o WHERE o.userId = :userId").orElseThrow().slots())
                .containsExactly(new Slot("userId", Use.WHERE, "nuserId"));
    }

    @Test
    void aQuotedTemplateValueAndMysqlObjectExpansionAreTraced() {
        String m = String.valueOf(SqlText.VALUE_MARK);
        assertThat(SqlText.shape("UPDATE users SET tz = '" + m + "t0" + m + "' WHERE id = $1").orElseThrow().slots())
                .contains(new Slot("tz", Use.WRITE, "t0"));
        assertThat(SqlText.shape("INSERT INTO addresses SET ?").orElseThrow().slots())
                .containsExactly(new Slot(SqlShape.OBJECT, Use.WRITE, "q0"));
        assertThat(SqlText.shape("INSERT INTO audit (a, b) SELECT id, now() FROM orders WHERE user_id = $1").orElseThrow().slots())
                .containsExactly(new Slot("user_id", Use.WHERE, "d1"));
    }

    @Test
    void textTheParserRejectsGivesNoShape() {
        assertThat(SqlText.shape("SELEC * FROM")).isEmpty();
        assertThat(SqlText.shape("it's not sql")).isEmpty();
        assertThat(SqlText.shape(null)).isEmpty();
    }
}
