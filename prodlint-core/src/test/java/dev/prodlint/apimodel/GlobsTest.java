package dev.prodlint.apimodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GlobsTest {
    @Test
    void starsMatchAnyRunAndCaseCounts() {
        assertThat(Globs.matches("get*", "getUser")).isTrue();
        assertThat(Globs.matches("get*", "get")).isTrue();
        assertThat(Globs.matches("get*", "GetUser")).isFalse();
        assertThat(Globs.matches("*Async", "saveAsync")).isTrue();
        assertThat(Globs.matches("a*a", "a")).isFalse();
        assertThat(Globs.matches("a*b*c", "aXbYc")).isTrue();
        assertThat(Globs.matches("a*b*c", "acb")).isFalse();
        assertThat(Globs.matches("*", "")).isTrue();
        assertThat(Globs.matches("on", "once")).isFalse();
        assertThat(Globs.any(List.of("x", "delete*"), "deleteAll")).isTrue();
        assertThat(Globs.any(List.of("x"), null)).isFalse();
    }

    @Test
    void agreesWithTheRegularExpressionOfEveryGlob() {
        Random random = new Random(42);
        String alphabet = "ab*";
        for (int i = 0; i < 20_000; i++) {
            String glob = random(random, alphabet, 6);
            String name = random(random, "ab", 7);
            Pattern p = Pattern.compile(("\\Q" + glob + "\\E").replace("*", "\\E.*\\Q"));
            assertThat(Globs.matches(glob, name)).as(glob + " ~ " + name).isEqualTo(p.matcher(name).matches());
        }
    }

    private static String random(Random r, String alphabet, int max) {
        StringBuilder b = new StringBuilder();
        for (int n = r.nextInt(max + 1); n > 0; n--) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        return b.toString();
    }
}
