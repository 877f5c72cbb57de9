package dev.prodlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodlint.Lowered;
import dev.prodlint.model.Language;
import dev.prodlint.rules.identityfromrequest.IdentityFromRequestRule;
import dev.prodlint.rules.unvalidatedwrite.UnvalidatedWriteRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the two request rules say: the route, the field, where it came from, and what to do instead. */
class RequestRulesMessagesTest {
    private static List<Finding> check(Rule rule, Language lang, String code) {
        return Lowered.findings(rule, lang, code);
    }

    private static final String SEED_PROFILE = """
            import express from 'express';
            import { db } from './db';
            const app = express();
            app.post('/api/users/:id/profile', async (req, res) => {
              const { name, email, role } = req.body;
              await db.query('UPDATE users SET name = $1, email = $2, role = $3 WHERE id = $4', [name, email, role, req.params.id]);
              res.json({ success: true });
            });
            """;

    @Test
    void theSeedProfileEndpointIsAnErrorNamingRoleAndItsSource() {
        List<Finding> f = check(new UnvalidatedWriteRule(), Language.TYPESCRIPT, SEED_PROFILE);
        assertThat(f).hasSize(1);
        Finding w = f.get(0);
        assertThat(w.severity()).isEqualTo(Severity.ERROR);
        assertThat(w.range().startLine()).isEqualTo(6);
        assertThat(w.message()).isEqualTo("`POST /api/users/:id/profile` writes `role` from the request body (`req.body.role`) to the "
                + "database through `UPDATE users` without validation");
        assertThat(w.why()).contains("\"role\": \"admin\"");
        assertThat(w.fix()).startsWith("Never take `role` from the request");
        assertThat(w.related()).extracting(Finding.Related::message).containsExactly("the request data comes from here");
        assertThat(w.related().get(0).range().startLine()).isEqualTo(5);
    }

    @Test
    void theSeedFixWithASchemaAndA403IsSilentForBothRules() {
        String fixed = """
                import express from 'express';
                import { z } from 'zod';
                import { db } from './db';
                const app = express();
                const UpdateProfileSchema = z.object({ name: z.string().min(1).max(100), email: z.string().email() });
                app.post('/api/users/:id/profile', authMiddleware, async (req, res) => {
                  const parsed = UpdateProfileSchema.safeParse(req.body);
                  if (!parsed.success) return res.status(400).json({ error: 'Validation failed' });
                  const { name, email } = parsed.data;
                  if (req.params.id !== req.user.id) return res.status(403).json({ error: 'Forbidden' });
                  await db.query('UPDATE users SET name = $1, email = $2 WHERE id = $3', [name, email, req.params.id]);
                  res.json({ success: true });
                });
                """;
        assertThat(check(new UnvalidatedWriteRule(), Language.TYPESCRIPT, fixed)).isEmpty();
        assertThat(check(new IdentityFromRequestRule(), Language.TYPESCRIPT, fixed)).isEmpty();
    }

    @Test
    void aSpreadBodyIsMassAssignment() {
        List<Finding> f = check(new UnvalidatedWriteRule(), Language.TYPESCRIPT, """
                import { PrismaClient } from '@prisma/client';
                const prisma = new PrismaClient();
                router.patch('/me', requireAuth, async (req, res) => {
                  const user = await prisma.user.update({ where: { id: req.user.id }, data: { ...req.body } });
                  res.json(user);
                });
                """);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(f.get(0).message()).isEqualTo("`PATCH /me` writes the whole request body (`req.body`) to the database through "
                + "`prisma.user.update` without validation");
    }

    @Test
    void aValidatedEntityBodySavedAsIsStillBindsEveryField() {
        List<Finding> f = check(new UnvalidatedWriteRule(), Language.JAVA, """
                import jakarta.validation.Valid;
                import org.springframework.web.bind.annotation.*;
                @RestController
                class AccountController {
                    private final AccountRepository accounts;
                    AccountController(AccountRepository accounts) { this.accounts = accounts; }
                    @PutMapping("/api/accounts/{id}")
                    Account update(@PathVariable long id, @Valid @RequestBody Account account) {
                        return accounts.save(account);
                    }
                }
                """);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(f.get(0).message()).isEqualTo("`PUT /api/accounts/{id}` writes the whole request body (`account`) to the database "
                + "through `accounts.save`: validation checks its fields but still binds every one of them");
    }

    @Test
    void theSeedOrdersEndpointPointsAtTheQueryAndNamesThePrincipal() {
        List<Finding> f = check(new IdentityFromRequestRule(), Language.TYPESCRIPT, """
                import jwt from 'jsonwebtoken';
                function authMiddleware(req, res, next) {
                  req.user = jwt.verify(req.headers.authorization!.split(' ')[1], process.env.JWT_SECRET!);
                  next();
                }
                class OrderService {
                  async getOrders(userId: string) {
                    return db.query('SELECT * FROM orders WHERE user_id = $1', [userId]);
                  }
                }
                const orderService = new OrderService();
                app.get('/api/orders', authMiddleware, async (req, res) => {
                  const orders = await orderService.getOrders(req.query.userId as string);
                  res.json(orders);
                });
                app.get('/api/admin/orders/:userId', authMiddleware, requireRole('admin'), async (req, res) => {
                  res.json(await orderService.getOrders(req.params.userId));
                });
                """);
        assertThat(f).hasSize(1);
        Finding idor = f.get(0);
        assertThat(idor.severity()).isEqualTo(Severity.WARNING);
        assertThat(idor.range().startLine()).isEqualTo(8);
        assertThat(idor.message()).isEqualTo("`GET /api/orders` reads data by `user_id` taken from the request query string "
                + "(`req.query.userId`) in `SELECT orders`, although the caller is authenticated (`authMiddleware`)");
        assertThat(idor.fix()).contains("`req.user.id`").contains("role guard");
        assertThat(idor.related()).extracting(r -> r.range().startLine()).containsExactly(13, 12, 13);
    }

    @Test
    void aDeleteByARequestOwnerIdIsAnError() {
        List<Finding> f = check(new IdentityFromRequestRule(), Language.JAVA, """
                import org.springframework.web.bind.annotation.*;
                import java.security.Principal;
                @RestController
                class CartController {
                    private final CartItemRepository items;
                    CartController(CartItemRepository items) { this.items = items; }
                    @DeleteMapping("/api/cart")
                    void clear(Principal principal, @RequestParam Long userId) {
                        items.deleteByUserId(userId);
                    }
                }
                """);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(f.get(0).message()).startsWith("`DELETE /api/cart` changes data by `userId` taken from the request query string (`userId`)");
    }
}
