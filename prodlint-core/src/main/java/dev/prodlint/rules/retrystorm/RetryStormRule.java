package dev.prodlint.rules.retrystorm;

import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.Node;
import dev.prodlint.model.SourceModule;
import dev.prodlint.rules.Finding;
import dev.prodlint.rules.FindingSink;
import dev.prodlint.rules.Rule;
import dev.prodlint.rules.RuleMeta;
import dev.prodlint.rules.Severity;
import dev.prodlint.rules.Snippets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Finds retries of remote calls that amplify an outage: no delay, a delay that never grows or has
 * no jitter, no bound, a non-idempotent request sent again, or every failure retried. Hand-written
 * loops and recursion here; retry libraries and their configuration in {@link LibraryRetries}.
 */
public final class RetryStormRule implements Rule {
    public static final String ID = "retry-storm";

    private static final RuleMeta META = new RuleMeta(ID,
            "Retry that amplifies an outage (no backoff, no bound, no jitter, unsafe or unselective)",
            Severity.WARNING,
            EnumSet.allOf(Language.class),
            """
            When a dependency slows down or starts failing, every caller's retry sends it more work at \
            the moment it can least take it. N callers retrying M times without a growing delay turn N \
            requests into N x M; a fixed delay or a backoff without jitter makes callers that failed \
            together retry together, in waves; an unbounded retry never stops; a retried POST without an \
            idempotency key charges, sends or enqueues twice; and retrying a 400 or a 404 only repeats an \
            answer that cannot change. Missing backoff and missing retry caps are the commonest retry \
            bugs found in large Java systems (WASABI, SOSP 2024).""",
            """
            for (let attempt = 0; ; attempt++) {
              try {
                return await fetch(`${PAYMENTS}/charges`, { method: 'POST', body });
              } catch (e) {
                console.warn('charge failed, retrying', e);
              }
            }""",
            """
            for (let attempt = 1; ; attempt++) {
              const res = await fetch(`${PAYMENTS}/charges`, {
                method: 'POST', body, headers: { 'Idempotency-Key': key }, signal: AbortSignal.timeout(5_000),
              });
              if (res.ok) return res.json();
              if (attempt >= 5 || !(res.status === 429 || res.status >= 500)) throw new Error(`charge failed: ${res.status}`);
              await sleep(Math.random() * Math.min(10_000, 200 * 2 ** attempt));   // full jitter
            }""");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ModuleContext ctx, FindingSink sink) {
        RemoteCalls remotes = new RemoteCalls(ctx);
        RetrySites sites = new RetrySites(remotes);
        Assessment assessment = new Assessment(ctx);
        for (FunctionDecl f : ctx.module().allFunctions()) {
            for (RetrySite site : sites.find(f)) {
                if (assessment.retriesContention(site) || assessment.notAStorm(site)) continue;
                Defects d = assessment.assess(site);
                if (d.any()) sink.report(finding(ctx, site, d, assessment.isDatabase(site)));
            }
        }
        new LibraryRetries(ctx, remotes).check(sink);
    }

    private static Finding finding(ModuleContext ctx, RetrySite site, Defects d, boolean database) {
        SourceModule m = ctx.module();
        String call = "`" + Snippets.call(m, site.call()) + "`";
        String what = site.loop() != null ? "This loop retries " + call : "`" + site.function().reportName() + "` calls itself to retry " + call;
        String message = what + " " + String.join(", ", d.phrases(database)) + ".";
        List<Finding.Related> related = new ArrayList<>();
        related.add(new Finding.Related(m.path(), site.call().range(), "the call that is retried"));
        if (site.onError() != null) related.add(new Finding.Related(m.path(), site.onError().range(), "the failure goes round again here"));
        if (site.onStatus() != null) related.add(new Finding.Related(m.path(), site.onStatus().condition().range(), "the response test that decides the retry"));
        Node at = site.loop() != null ? site.loop() : site.again();
        return new Finding(ID, d.severity(), message, why(), fix(m.language(), d), m.path(), headRange(m, at), related,
                site.function().reportName());
    }

    static String why() {
        return "When the dependency slows down or fails, each of N callers sends up to M attempts: the service that is "
                + "struggling gets N x M requests instead of N, in synchronized waves, and cannot recover until callers give up.";
    }

    static String fix(Language lang, Defects d) {
        String add = "Add " + String.join(", ", d.missing()) + ". ";
        if (lang == Language.JAVA) {
            return add + "With Spring Retry: `@Retryable(retryFor = {ResourceAccessException.class, HttpServerErrorException.class}, "
                    + "maxAttempts = 4, backoff = @Backoff(delay = 200, multiplier = 2, random = true))`; with Resilience4j: "
                    + "`IntervalFunction.ofExponentialRandomBackoff(200, 2.0)`; with Reactor: `retryWhen(Retry.backoff(3, Duration.ofMillis(200)).filter(...))`.";
        }
        return add + "For example `await sleep(Math.random() * Math.min(10_000, 200 * 2 ** attempt))` between attempts (full jitter), "
                + "`attempt < 5` in the loop, retry only network errors, 429 and 5xx, and send an `Idempotency-Key` header with POSTs; "
                + "or use p-retry with `{ retries: 5, randomize: true }`.";
    }

    /** The first line of a loop or call, not its whole body. */
    private static dev.prodlint.model.SourceRange headRange(SourceModule m, Node n) {
        dev.prodlint.model.SourceRange r = n.range();
        String line = m.text().line(r.startLine());
        int end = Math.min(r.endOffset(), r.startOffset() + Math.max(1, line.length() - r.startColumn() + 1));
        return m.text().range(r.startOffset(), Math.max(r.startOffset() + 1, end));
    }
}
