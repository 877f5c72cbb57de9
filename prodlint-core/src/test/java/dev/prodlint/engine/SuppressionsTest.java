package dev.prodlint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodlint.model.SourceRange;
import dev.prodlint.model.SourceText;
import dev.prodlint.rules.Finding;
import dev.prodlint.rules.Severity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The suppression comment: its forms, what it hides, and when it is reported itself. */
class SuppressionsTest {
    private static Finding at(String rule, int line) {
        return new Finding(rule, Severity.WARNING, "m", "w", "f", "a.ts", new SourceRange(line, 1, line, 2, 0, 1), List.of(), null);
    }

    @Test
    void blockCommentsAndSeveralRulesInOneDirective() {
        SourceText text = new SourceText("""
                /* prodlint-ignore connection-leak, missing-timeout: handed to the caller */
                const c = await pool.connect();
                """);
        List<Suppressions.Suppression> s = Suppressions.parse(text);
        assertThat(s).extracting(Suppressions.Suppression::rule).containsExactly("connection-leak", "missing-timeout");
        assertThat(s).allSatisfy(x -> assertThat(x.reason()).isEqualTo("handed to the caller"));
        List<Finding> kept = Suppressions.apply(List.of(at("connection-leak", 2), at("missing-timeout", 2)), text, "a.ts",
                Set.of("connection-leak", "missing-timeout"), Set.of("connection-leak", "missing-timeout"));
        assertThat(kept).isEmpty();
    }

    @Test
    void aSuppressionCoversItsLineAndTheNextOnlyAndOnlyItsRule() {
        SourceText text = new SourceText("""
                // prodlint-ignore connection-leak: released by the caller
                const a = 1;
                const b = 2;
                """);
        List<Finding> kept = Suppressions.apply(List.of(at("connection-leak", 3), at("missing-timeout", 2)), text, "a.ts",
                Set.of("connection-leak", "missing-timeout"), Set.of("connection-leak", "missing-timeout"));
        // line 3 is not covered, another rule is not covered, and the unused suppression is reported
        assertThat(kept).extracting(Finding::rule).containsExactlyInAnyOrder("connection-leak", "missing-timeout", "suppression");
    }

    @Test
    void aSuppressionOfARuleThatDidNotRunIsNotCalledUnused() {
        SourceText text = new SourceText("// prodlint-ignore swallowed-error-experimental: best effort, the next sync repairs it\nx();\n");
        List<Finding> kept = Suppressions.apply(List.of(), text, "a.ts", Set.of("connection-leak"),
                Set.of("connection-leak", "swallowed-error-experimental"));
        assertThat(kept).isEmpty();
    }

    @Test
    void textInStringsIsNotADirective() {
        SourceText text = new SourceText("const help = 'add prodlint-ignore RULE: reason';\n");
        assertThat(Suppressions.parse(text)).isEmpty();
    }
}
