package dev.prodlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodlint.Lowered;
import dev.prodlint.apimodel.Lifecycles;
import dev.prodlint.model.Language;
import dev.prodlint.model.SourceModule;
import dev.prodlint.rules.listenerleak.ListenerLeakRule;
import dev.prodlint.rules.unboundedgrowth.UnboundedGrowthRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the two memory-leak rules say: the scope, the missing or partial undo, and the library's promise. */
class ListenerLeakMessagesTest {
    private static List<Finding> check(Rule rule, Language lang, String code) {
        SourceModule m = Lowered.lower(lang, code);
        List<Finding> out = new ArrayList<>();
        rule.check(Lowered.context(m), out::add);
        return out;
    }

    @Test
    void theSeedSubscriptionNamesTheScopeTheUndoAndWhereItBelongs() {
        List<Finding> f = check(new ListenerLeakRule(), Language.TYPESCRIPT, """
                import { WebSocketServer } from 'ws';
                import { notificationService } from './notifications';
                const wss = new WebSocketServer({ port: 8080 });
                wss.on('connection', (ws, req) => {
                  const callback = (data: unknown) => ws.send(JSON.stringify(data));
                  notificationService.subscribe(String(req.url), callback);
                });
                """);
        assertThat(f).hasSize(1);
        Finding leak = f.get(0);
        assertThat(leak.severity()).isEqualTo(Severity.WARNING);
        assertThat(leak.range().startLine()).isEqualTo(6);
        assertThat(leak.message()).isEqualTo("`notificationService.subscribe(...)` runs once per connection (the 'connection' "
                + "handler of `wss`) and is never undone: no `notificationService.unsubscribe(...)` and no kept handle undoes it. "
                + "Each connection leaves its subscription on `notificationService`, which outlives it.");
        assertThat(leak.fix()).isEqualTo("Undo it when the connection ends: call `notificationService.unsubscribe(String(req.url), "
                + "callback)` in `ws.on('close', ...)` (ws, net.Socket and Node's HTTP request and response emit 'close' after an "
                + "error or an abort too).");
        assertThat(leak.related()).hasSize(1);
        assertThat(leak.related().get(0).range().startLine()).isEqualTo(4);
    }

    @Test
    void anUndoOnFinishOnlyIsANoteSayingWhatItMisses() {
        List<Finding> f = check(new ListenerLeakRule(), Language.JAVASCRIPT, """
                const { EventEmitter } = require('node:events');
                const bus = new EventEmitter();
                app.get('/events', (req, res) => {
                  const send = (e) => res.write(`data: ${e}\\n\\n`);
                  bus.on('tick', send);
                  res.on('finish', () => bus.off('tick', send));
                });
                """);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).severity()).isEqualTo(Severity.NOTE);
        assertThat(f.get(0).message()).contains("undone only on 'finish'", "a client that disconnects before the response is written");
        assertThat(f.get(0).related()).extracting(r -> r.range().startLine()).containsExactly(3, 6);
    }

    @Test
    void aThreadLocalRemovedOutsideFinallyIsANote() {
        List<Finding> f = check(new ListenerLeakRule(), Language.JAVA, """
                import jakarta.servlet.*;
                class TenantFilter implements Filter {
                    static final ThreadLocal<String> TENANT = new ThreadLocal<>();
                    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws java.io.IOException, ServletException {
                        TENANT.set(req.getParameter("tenant"));
                        chain.doFilter(req, res);
                        TENANT.remove();
                    }
                }
                """);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).severity()).isEqualTo(Severity.NOTE);
        assertThat(f.get(0).message()).contains("removes it on the normal path only");
        assertThat(f.get(0).fix()).contains("finally");
    }

    @Test
    void theSeedRegistryHasNoWayToUnsubscribe() {
        List<Finding> f = check(new UnboundedGrowthRule(), Language.TYPESCRIPT, """
                export class NotificationService {
                  private listeners = new Map<string, Set<(d: unknown) => void>>();
                  subscribe(userId: string, callback: (d: unknown) => void) {
                    if (!this.listeners.has(userId)) this.listeners.set(userId, new Set());
                    this.listeners.get(userId)!.add(callback);
                  }
                }
                """);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(f.get(0).range().startLine()).isEqualTo(2);
        assertThat(f.get(0).message()).endsWith("there is no way to unsubscribe.");
    }

    @Test
    void aMemoKeyedByAParameterIsOnlyANote() {
        List<Finding> f = check(new UnboundedGrowthRule(), Language.TYPESCRIPT, """
                const avatars = new Map<string, string>();
                export async function avatarFor(userId: string) {
                  if (!avatars.has(userId)) avatars.set(userId, await renderAvatar(userId));
                  return avatars.get(userId);
                }
                """);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).severity()).isEqualTo(Severity.NOTE);
        assertThat(f.get(0).message()).contains("If only a few distinct keys ever reach it");
    }

    @Test
    void everyEndInTheLifecycleModelSaysWhetherItIsEnough() {
        Lifecycles lc = Lifecycles.bundled();
        lc.js().endEvents().forEach((event, end) ->
                assertThat(end.complete() ? end.note() : end.misses()).as(event).isNotBlank());
        lc.java().callbackEnds().forEach((name, end) ->
                assertThat(end.complete() ? end.note() : end.misses()).as(name).isNotBlank());
        lc.java().scopes().forEach(s -> s.ends().forEach(end ->
                assertThat(end.complete() ? end.note() : end.misses()).as(s.id()).isNotBlank()));
    }
}
