package dev.prodlint.frontend.ts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The quick scan before the BigInt expression never says no where the expression finds a literal. */
class BigIntFilterTest {
    @Test
    void theFilterLetsThroughEverythingTheExpressionMatches() {
        Random random = new Random(7);
        String alphabet = "0123456789_nxXbBoOafF ;.=";
        int matched = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String s = b.toString();
            if (TypeScriptFrontend.BIGINT.matcher(s).find()) {
                matched++;
                assertThat(TypeScriptFrontend.mayHaveBigInt(s)).as(s).isTrue();
            }
        }
        assertThat(matched).as("the generator reaches BigInt literals").isGreaterThan(1000);
        assertThat(TypeScriptFrontend.mayHaveBigInt("export const total = count + 1;")).isFalse();
        assertThat(TypeScriptFrontend.mayHaveBigInt("const LIMIT = 10n;")).isTrue();
        assertThat(TypeScriptFrontend.mayHaveBigInt("const MASK = 0xFFn;")).isTrue();
    }
}
