package dev.prodlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodlint.Lowered;
import dev.prodlint.model.Language;
import dev.prodlint.rules.swallowederror.SwallowedErrorRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What swallowed-error says for each form: the work that failed, what was lost, the fix in the stack's words. */
class SwallowedErrorMessagesTest {
    private static List<Finding> check(Language lang, String code) {
        return Lowered.findings(SwallowedErrorRule.standard(), lang, code);
    }

    /** The opt-in forms: discarded errors, errors without context, floating promises. */
    private static List<Finding> experimental(Language lang, String code) {
        return Lowered.findings(SwallowedErrorRule.experimental(), lang, code);
    }

    @Test
    void anEmptyCatchNamesTheWorkWhoseFailureVanishesAndPointsAtIt() {
        List<Finding> f = experimental(Language.TYPESCRIPT, """
                import { prisma } from './db';
                export async function cancel(orderId: string) {
                  try {
                    await prisma.order.update({ where: { id: orderId }, data: { status: 'CANCELLED' } });
                  } catch (err) {
                  }
                  return { success: true };
                }
                """);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).message()).contains("is empty").contains("prisma.order.update");
        assertThat(f.get(0).related()).hasSize(1);
        assertThat(f.get(0).fix()).contains("logger.error({ err");
    }

    @Test
    void anErrorLoggedAloneIsANoteThatNamesTheValuesThatWouldIdentifyTheFailure() {
        List<Finding> f = experimental(Language.TYPESCRIPT, """
                import { payments } from './payments';
                export async function refund(orderId: string, amountCents: number) {
                  try {
                    await payments.refund(orderId, amountCents);
                  } catch (err) {
                    console.error(err);
                    throw err;
                  }
                }
                """);
        assertThat(f).isEmpty();
        f = experimental(Language.TYPESCRIPT, """
                import { payments } from './payments';
                export async function refund(orderId: string, amountCents: number) {
                  try {
                    await payments.refund(orderId, amountCents);
                  } catch (err) {
                    console.error(err);
                  }
                }
                """);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).severity()).isEqualTo(Severity.NOTE);
        assertThat(f.get(0).message()).contains("orderId, amountCents");
    }

    @Test
    void aRethrowAfterLoggingOnlyTheMessageSaysTheStackIsLost() {
        List<Finding> f = experimental(Language.JAVA, """
                import org.slf4j.Logger;
                import org.slf4j.LoggerFactory;
                import org.springframework.jdbc.core.JdbcTemplate;
                import org.springframework.dao.DataAccessException;
                class Invoices {
                    private static final Logger log = LoggerFactory.getLogger(Invoices.class);
                    private final JdbcTemplate jdbc;
                    Invoices(JdbcTemplate jdbc) { this.jdbc = jdbc; }
                    public void dispute(long id) {
                        try {
                            jdbc.update("UPDATE invoices SET status = 'DISPUTED' WHERE id = ?", id);
                        } catch (DataAccessException e) {
                            log.error("dispute failed: {}", e.getMessage());
                            throw new IllegalStateException("dispute failed for " + id);
                        }
                    }
                }
                """);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).message()).contains("IllegalStateException").contains("kept only its message");
        assertThat(f.get(0).fix()).contains(", e);");
    }

    @Test
    void anUnawaitedPrismaWriteIsSaidNeverToRun() {
        List<Finding> f = experimental(Language.TYPESCRIPT, """
                import { prisma } from './db';
                export async function touch(userId: string) {
                  prisma.user.update({ where: { id: userId }, data: { lastSeenAt: new Date() } });
                }
                """);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).message()).contains("never runs");
    }

    @Test
    void aSwallowedInterruptIsReportedAndARestoredOneIsNot() {
        String body = """
                class Poller {
                    void await(java.util.concurrent.Future<?> f) {
                        while (!f.isDone()) {
                            try {
                                Thread.sleep(100);
                            } catch (InterruptedException e) {
                                %s
                            }
                        }
                    }
                }
                """;
        assertThat(experimental(Language.JAVA, body.formatted("// keep polling"))).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("InterruptedException"));
        assertThat(experimental(Language.JAVA, body.formatted("Thread.currentThread().interrupt(); return;"))).isEmpty();
    }
}
