package dev.prodlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodlint.Lowered;
import dev.prodlint.model.Language;
import dev.prodlint.model.SourceModule;
import dev.prodlint.rules.retrystorm.RetryStormRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One finding per retry, naming everything it lacks, with the severity of the worst. */
class RetryStormMessagesTest {
    private static List<Finding> check(Language lang, String code) {
        SourceModule m = Lowered.lower(lang, code);
        List<Finding> out = new ArrayList<>();
        new RetryStormRule().check(Lowered.context(m), out::add);
        return out;
    }

    @Test
    void theSeedShapeNamesEveryDefectInOneFinding() {
        List<Finding> f = check(Language.TYPESCRIPT, """
                export async function charge(body: string) {
                  while (true) {
                    try {
                      return await fetch('http://pay/charges', { method: 'POST', body, signal: AbortSignal.timeout(5000) });
                    } catch (e) {
                      console.warn(e);
                    }
                  }
                }
                """);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(f.get(0).range().startLine()).isEqualTo(2);
        // fetch resolves on 4xx: a retry in its catch retries network errors only, so no classification defect.
        assertThat(f.get(0).message()).isEqualTo("This loop retries `fetch(...)` with no delay between attempts, with no limit on "
                + "attempts, sending the POST again with no idempotency key.");
        assertThat(f.get(0).fix()).startsWith("Add exponential backoff with jitter, a cap on attempts, an idempotency key.");
        assertThat(f.get(0).why()).contains("N x M");
    }

    @Test
    void onlyMissingJitterIsANote() {
        List<Finding> f = check(Language.JAVA, """
                import org.springframework.web.client.RestTemplate;
                import org.springframework.web.client.ResourceAccessException;
                class Rates {
                    RestTemplate rest;
                    String rate(String c) throws InterruptedException {
                        for (int attempt = 1; attempt <= 4; attempt++) {
                            try {
                                return rest.getForObject("http://fx/{c}", String.class, c);
                            } catch (ResourceAccessException e) {
                                Thread.sleep(100L << attempt);
                            }
                        }
                        return null;
                    }
                }
                """);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).severity()).isEqualTo(Severity.NOTE);
        assertThat(f.get(0).message()).endsWith("with a backoff that has no jitter, so callers that failed together retry together.");
        assertThat(f.get(0).fix()).contains("random = true");
    }
}
