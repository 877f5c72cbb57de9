package dev.prodlint.rules.retrystorm;

import dev.prodlint.analysis.CallClassifier.CallMatch;
import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.apimodel.Role;
import dev.prodlint.model.Annotation;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Import;
import dev.prodlint.model.Language;
import dev.prodlint.model.Node;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Lambda;
import dev.prodlint.model.expr.ObjectLit;
import dev.prodlint.model.expr.Property;
import dev.prodlint.rules.Finding;
import dev.prodlint.rules.FindingSink;
import dev.prodlint.rules.Snippets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Retry libraries and their configuration, read from the code that sets them up: Spring Retry's
 * {@code @Retryable} and {@code RetryTemplate}, Resilience4j's {@code RetryConfig}, Reactor's
 * {@code retry}/{@code retryWhen}, p-retry, async-retry, axios-retry. Each library's defaults are
 * what it does when an option is left out.
 */
final class LibraryRetries {
    private final ModuleContext ctx;
    private final SourceModule m;
    private final RemoteCalls remotes;

    LibraryRetries(ModuleContext ctx, RemoteCalls remotes) {
        this.ctx = ctx;
        this.m = ctx.module();
        this.remotes = remotes;
    }

    void check(FindingSink sink) {
        if (m.language() == Language.JAVA) {
            for (FunctionDecl f : m.allFunctions()) {
                for (Annotation a : f.annotations()) {
                    if (a.simpleName().equals("Retryable") && imports("org.springframework.retry")) retryable(f, a, sink);
                }
            }
        }
        m.walk(n -> {
            if (n instanceof Call c) call(c, sink);
        });
    }

    private void call(Call c, FindingSink sink) {
        Optional<CallMatch> match = ctx.calls().classify(c);
        if (match.isPresent() && match.get().is(Role.RETRY)) {
            String t = match.get().typeId();
            if (t.contains("RetryTemplateBuilder")) retryTemplate(c, sink);
            else if (t.contains("resilience4j")) resilience4j(c, sink);
            else if (t.startsWith("p-retry")) pRetry(c, sink);
            else if (t.startsWith("async-retry")) asyncRetry(c, sink);
            else if (t.startsWith("axios-retry")) axiosRetry(c, sink);
            return;
        }
        if (m.language() == Language.JAVA && imports("reactor.") && c.receiver() != null) reactor(c, sink);
    }

    // --- Java ---

    /** Spring Retry: without backoff, a fixed 1 s; multiplier grows it; random = true jitters it. */
    private void retryable(FunctionDecl f, Annotation a, FindingSink sink) {
        String text = compact(a);
        if (Assessment.CONTENTION.matcher(text).find()) return;
        boolean backoff = text.contains("backoff=");
        boolean grows = text.matches(".*multiplier=(?!1(\\.0)?\\b)[0-9.]+.*") || text.contains("multiplierExpression");
        boolean jitter = text.contains("random=true");
        boolean unbounded = text.contains("maxAttempts=Integer.MAX_VALUE");
        boolean classified = a.arguments().containsKey("value") || text.matches(".*(retryFor|include|noRetryFor|exclude|notRecoverable|exceptionExpression|retryable)=.*")
                && !text.matches(".*(retryFor|include|value)=\\{?Exception\\.class\\}?.*");
        Defects d = new Defects(false, !grows, backoff && grows && !jitter, unbounded, null, !classified);
        if (!d.any()) return;
        String what = "`@Retryable` on `" + f.displayName() + "`" + (backoff ? "" : " (no `backoff`: Spring Retry waits a fixed 1 s)") + " retries";
        report(sink, a, what, d, f.reportName());
    }

    /** RetryTemplate.builder(): no backoff call means NoBackOffPolicy; no retryOn means every exception. */
    private void retryTemplate(Call build, FindingSink sink) {
        List<String> chain = chainNames(build);
        String text = compact(build);
        boolean noDelay = chain.contains("noBackoff") || chain.stream().noneMatch(n -> n.endsWith("Backoff") || n.equals("customBackoff"));
        boolean fixed = chain.contains("fixedBackoff");
        boolean exponential = chain.contains("exponentialBackoff");
        boolean jitter = chain.contains("uniformRandomBackoff") || text.matches(".*exponentialBackoff\\([^)]*,true\\).*");
        boolean unbounded = chain.contains("infiniteRetry");
        boolean classified = chain.stream().anyMatch(n -> n.equals("retryOn") || n.equals("notRetryOn") || n.equals("customPolicy"));
        Defects d = new Defects(noDelay, fixed, exponential && !jitter, unbounded, null, !classified);
        if (d.any()) report(sink, build, "This `RetryTemplate` retries", d, FunctionDecl.reportNameOf(build));
    }

    /** Resilience4j: a fixed 500 ms wait unless an interval function grows it. */
    private void resilience4j(Call build, FindingSink sink) {
        List<String> chain = chainNames(build);
        String text = compact(build);
        boolean exponential = text.contains("ofExponentialBackoff") || text.contains("ofExponentialRandomBackoff");
        boolean jitter = text.contains("Random");
        boolean classified = chain.stream().anyMatch(n -> n.startsWith("retryOn") || n.equals("retryExceptions") || n.equals("ignoreExceptions"));
        Defects d = new Defects(false, !exponential && !jitter, exponential && !jitter, false, null, !classified);
        if (d.any()) report(sink, build, "This Resilience4j `RetryConfig` retries", d, FunctionDecl.reportNameOf(build));
    }

    /** Reactor: retry(n) resubscribes at once; retryWhen(Retry.max/fixedDelay/indefinitely) likewise or at a fixed pace. */
    private void reactor(Call c, FindingSink sink) {
        String name = c.methodName();
        if (!("retry".equals(name) || "retryWhen".equals(name)) || !retriesRemoteCall(c)) return;
        if ("retry".equals(name) && c.args().size() <= 1) {
            Defects d = new Defects(true, false, false, c.args().isEmpty(), null, true);
            String arg = c.args().isEmpty() ? "" : compact(c.arg(0));
            report(sink, c, "`retry(" + arg + ")` resubscribes", d, FunctionDecl.reportNameOf(c));
        } else if ("retryWhen".equals(name) && c.arg(0) != null) {
            String spec = compact(c.arg(0));
            if (Assessment.CONTENTION.matcher(spec).find()) return;
            boolean classified = spec.contains(".filter(");
            Defects d;
            if (spec.startsWith("Retry.max(") || spec.startsWith("Retry.maxInARow(")) d = new Defects(true, false, false, false, null, !classified);
            else if (spec.startsWith("Retry.indefinitely(")) d = new Defects(true, false, false, true, null, !classified);
            else if (spec.startsWith("Retry.fixedDelay(")) d = new Defects(false, true, false, false, null, !classified);
            else if (spec.startsWith("Retry.backoff(")) d = new Defects(false, false, spec.contains(".jitter(0)") || spec.contains(".jitter(0.0)"), false, null, !classified);
            else return;
            if (d.any()) report(sink, c, "`retryWhen(" + spec.substring(0, spec.indexOf('(')) + "(...))` resubscribes", d, FunctionDecl.reportNameOf(c));
        }
    }

    /**
     * The publisher that is resubscribed makes a remote call somewhere along its chain (WebClient,
     * a modelled client, a same-file helper that makes one). A retry of a local file write or of a
     * re-check loop is not a storm on a dependency.
     */
    private boolean retriesRemoteCall(Call retry) {
        boolean[] found = {false};
        Expr upstream = retry.receiver();
        if (upstream == null) return false;
        upstream.walk(n -> {
            if (!found[0] && n instanceof Call x && remotes.remote(x).isPresent()) found[0] = true;
        });
        return found[0];
    }

    // --- JavaScript ---

    /** p-retry: factor 2 from 1 s, no jitter unless randomize; every error but AbortError is retried. */
    private void pRetry(Call c, FindingSink sink) {
        ObjectLit o = options(c, 1);
        if (o == null && c.args().size() > 1) return;
        String opts = o == null ? "" : compact(o);
        String fn = functionText(c.arg(0));
        if (Assessment.CONTENTION.matcher(fn).find() || fn.matches("(?s).*(generate\\w*Id|nanoid|randomUUID|randomBytes).*")) return;
        boolean unbounded = opts.contains("forever:true") || opts.contains("retries:Infinity");
        boolean jitter = opts.contains("randomize:true") || opts.toLowerCase().contains("random");
        boolean fixed = opts.contains("factor:1,") || opts.contains("factor:1}") || opts.contains("factor:0");
        boolean classified = opts.contains("shouldRetry") || opts.contains("onFailedAttempt") || fn.contains("AbortError");
        Defects d = new Defects(false, fixed, !fixed && !jitter, unbounded, null, !classified);
        if (d.any()) report(sink, c, "`" + Snippets.call(m, c) + "` retries", d, FunctionDecl.reportNameOf(c));
    }

    /** async-retry: exponential with randomize by default; only bail() stops it on a failure a retry cannot fix. */
    private void asyncRetry(Call c, FindingSink sink) {
        ObjectLit o = options(c, 1);
        if (o == null && c.args().size() > 1) return;
        String opts = o == null ? "" : compact(o);
        boolean bails = c.arg(0) instanceof Lambda l && !l.function().params().isEmpty()
                && ctx.module().text().slice(l.range()).contains(l.function().params().get(0).name() + "(");
        boolean unbounded = opts.contains("forever:true") || opts.contains("retries:Infinity");
        boolean noJitter = opts.contains("randomize:false");
        Defects d = new Defects(false, opts.contains("factor:1,") || opts.contains("factor:1}"), noJitter, unbounded, null, !bails);
        if (d.any()) report(sink, c, "`" + Snippets.call(m, c) + "` retries", d, FunctionDecl.reportNameOf(c));
    }

    /** axios-retry: no retryDelay means none; its default condition already limits retries to network errors and idempotent 5xx. */
    private void axiosRetry(Call c, FindingSink sink) {
        ObjectLit o = options(c, 1);
        if (o == null && c.args().size() > 1) return;
        String opts = o == null ? "" : compact(o);
        boolean noDelay = !opts.contains("retryDelay");
        boolean exponential = opts.contains("exponentialDelay");
        Expr delay = o == null ? null : o.get("retryDelay");
        String delayText = delay == null ? "" : compact(delay);
        boolean grows = exponential || delayText.contains("**") || delayText.contains("pow(") || delay instanceof Lambda l
                && !l.function().params().isEmpty() && delayText.substring(delayText.indexOf("=>") + 2).contains(l.function().params().get(0).name());
        boolean jitter = exponential || delayText.contains("random");
        boolean unbounded = opts.contains("retries:Infinity");
        Defects d = new Defects(noDelay, !noDelay && !grows, !noDelay && grows && !jitter, unbounded, null, false);
        if (d.any()) report(sink, c, "`" + Snippets.call(m, c) + "` retries requests", d, FunctionDecl.reportNameOf(c));
    }

    // --- helpers ---

    private void report(FindingSink sink, Node at, String what, Defects d, String function) {
        String message = what + " " + String.join(", ", d.phrases()) + ".";
        dev.prodlint.model.SourceRange range = at instanceof Call c && c.receiver() != null && c.receiver().unwrap() instanceof Call
                && !c.methodName().equals("build") ? Snippets.nameRange(m, c) : at.range();
        sink.report(new Finding(RetryStormRule.ID, d.severity(), message, RetryStormRule.why(), RetryStormRule.fix(m.language(), d),
                m.path(), range, List.of(), function));
    }

    private boolean imports(String prefix) {
        for (Import i : m.imports()) {
            if (i.module().startsWith(prefix) || i.imported().startsWith(prefix)) return true;
        }
        return false;
    }

    private static ObjectLit options(Call c, int index) {
        Expr e = c.arg(index);
        if (e != null && e.unwrap() instanceof ObjectLit o) {
            for (Property p : o.properties()) {
                if (p.kind() == Property.Kind.SPREAD) return null;
            }
            return o;
        }
        return null;
    }

    /** The text of the function passed in: a lambda, or a function of this file passed by name. */
    private String functionText(Expr e) {
        if (e == null) return "";
        if (e.unwrap() instanceof dev.prodlint.model.expr.Name n && n.symbol() != null) {
            if (n.symbol().declaration() instanceof FunctionDecl f) return ctx.module().text().slice(f.range());
            if (n.symbol().initializer() instanceof Lambda l) return ctx.module().text().slice(l.range());
        }
        return ctx.module().text().slice(e.range());
    }

    private static List<String> chainNames(Call c) {
        List<String> out = new ArrayList<>();
        for (Expr r = c; r != null && r.unwrap() instanceof Call x; r = x.receiver()) {
            if (x.methodName() != null) out.add(x.methodName());
        }
        return out;
    }

    private String compact(Node n) {
        return Snippets.compact(m, n);
    }
}
