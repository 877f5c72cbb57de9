package dev.prodlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodlint.Lowered;
import dev.prodlint.model.Language;
import dev.prodlint.rules.checkthenact.CheckThenActRule;
import dev.prodlint.rules.missingtransaction.MissingTransactionRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What check-then-act and missing-transaction say: the two statements, what concurrency or a crash does, the fix for the stack. */
class RaceRulesMessagesTest {
    private static List<Finding> check(Rule rule, Language lang, String code) {
        return Lowered.findings(rule, lang, code);
    }

    private static final String SEED_FIX = """
            import { db } from './db';
            export async function toggleLike(userId: string, postId: string) {
              return await db.transaction(async (tx) => {
                const existing = await tx.query('SELECT id FROM likes WHERE user_id = $1 AND post_id = $2 FOR UPDATE', [userId, postId]);
                if (existing.rows.length > 0) {
                  await tx.query('DELETE FROM likes WHERE id = $1', [existing.rows[0].id]);
                  await tx.query('UPDATE posts SET like_count = like_count - 1 WHERE id = $1', [postId]);
                  return { liked: false };
                } else {
                  await tx.query('INSERT INTO likes (user_id, post_id) VALUES ($1, $2) ON CONFLICT (user_id, post_id) DO NOTHING', [userId, postId]);
                  await tx.query('UPDATE posts SET like_count = like_count + 1 WHERE id = $1', [postId]);
                  return { liked: true };
                }
              });
            }
            """;

    @Test
    void theSeedsFixStillCountsTwiceAndTheMessageSaysWhyTheLockDoesNotHelp() {
        List<Finding> f = check(new CheckThenActRule(), Language.TYPESCRIPT, SEED_FIX);
        assertThat(f).hasSize(1);
        Finding c = f.get(0);
        assertThat(c.range().startLine()).isEqualTo(11);
        assertThat(c.message()).contains("moves the count whether or not").contains("does nothing on a conflict");
        assertThat(c.why()).contains("+2 for one row").contains("locks nothing while the row does not exist");
        assertThat(c.fix()).contains("RETURNING id").contains("FOR UPDATE");
        assertThat(c.related()).extracting(Finding.Related::message).containsExactly("this insert may insert nothing");
        assertThat(check(new MissingTransactionRule(), Language.TYPESCRIPT, SEED_FIX)).isEmpty();
    }

    @Test
    void aPrivateTransactionalMethodAndASelfInvocationAreNamedAsTheReason() {
        String code = """
                import org.springframework.stereotype.Service;
                import org.springframework.transaction.annotation.Transactional;
                @Service
                public class CheckoutService {
                    private final OrderRepository orderRepository;
                    private final PaymentRepository paymentRepository;
                    CheckoutService(OrderRepository o, PaymentRepository p) { orderRepository = o; paymentRepository = p; }
                    public void checkout(Order order, Payment payment) {
                        complete(order, payment);
                    }
                    @Transactional
                    public void complete(Order order, Payment payment) {
                        orderRepository.save(order);
                        paymentRepository.save(payment);
                    }
                    public void refund(Order order, Payment payment) {
                        undo(order, payment);
                    }
                    @Transactional
                    private void undo(Order order, Payment payment) {
                        paymentRepository.delete(payment);
                        orderRepository.save(order);
                    }
                }
                """;
        List<Finding> f = check(new MissingTransactionRule(), Language.JAVA, code);
        assertThat(f).extracting(x -> x.range().startLine()).containsExactly(14, 22);
        assertThat(f.get(0).message()).contains("does not apply when `checkout` calls it from the same class");
        assertThat(f.get(1).message()).contains("on a private method does nothing");
        assertThat(f.get(1).fix()).contains("@Transactional");
    }

    @Test
    void aReadModifyWriteNamesTheComputationAndTheStacksFix() {
        String code = """
                import { prisma } from './prisma';
                export async function spend(walletId: string, cents: number) {
                  const wallet = await prisma.wallet.findUniqueOrThrow({ where: { id: walletId } });
                  await prisma.wallet.update({ where: { id: walletId }, data: { balanceCents: wallet.balanceCents - cents } });
                }
                """;
        List<Finding> f = check(new CheckThenActRule(), Language.TYPESCRIPT, code);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).message()).contains("writes back `balanceCents`").contains("wallet.balanceCents - cents").contains("lost update");
        assertThat(f.get(0).fix()).contains("decrement").contains("gte");
    }
}
