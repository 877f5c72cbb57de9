package dev.prodlint.rules.retrystorm;

import dev.prodlint.analysis.CallClassifier.CallMatch;
import dev.prodlint.analysis.LocalFunctions;
import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.apimodel.MethodModel;
import dev.prodlint.apimodel.Role;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.Node;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.TypeRef;
import dev.prodlint.model.expr.Binary;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Lambda;
import dev.prodlint.model.expr.Literal;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.New;
import dev.prodlint.model.stmt.If;
import dev.prodlint.model.expr.ObjectLit;
import dev.prodlint.model.stmt.Loop;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Looks at one retry: its wait, how the wait grows, its bound, what it sends again, what it retries on. */
final class Assessment {
    private static final Pattern SLEEP_NAME = Pattern.compile("(?i)(sleep|delay|backoff|pause|wait)\\w*");
    /** Status codes or error kinds tested on the way to the next attempt: the retry is selective. */
    private static final Pattern CLASSIFIES = Pattern.compile(
            "(?i)(status(Code)?|code)\\W{0,12}(==|!=|>|<|in\\b|\\bcase\\b)[^;{]{0,40}?\\b(4\\d\\d|5\\d\\d)\\b"
                    + "|\\b(4\\d\\d|5\\d\\d)\\b[^;{]{0,20}(status|code)"
                    + "|is5xx|is4xx|isServerError|isClientError|HttpStatus\\.|retryable|isRetry|shouldRetry|isTransient"
                    + "|ECONNRESET|ETIMEDOUT|ECONNREFUSED|instanceof|getErrorCode\\(|getSQLState\\(|\\.message\\.includes\\(|getMessage\\(\\)\\.contains\\("
                    + "|\\bis\\w*(Fatal|Recoverable|Retr|Transient|Temporary|Timeout|Network|Connection)\\w*\\("
                    + "|(code|errno|sqlState|SQLState)\\W{0,3}\\s*(===?|!==?|\\.equals\\()\\s*['\"]");
    /** Catches that take every failure of a client, 4xx responses included. */
    private static final Pattern SERVER_PACED = Pattern.compile("(?i)retry-?after|ratelimit-reset|x-ratelimit|retryAfter");
    private static final Pattern THROTTLE = Pattern.compile("(?i)\\b429\\b|throttl|TOO_MANY_REQUESTS|tooManyRequests");
    private static final Pattern SERVER_ERROR = Pattern.compile("(?i)\\b5\\d\\d\\b|5xx|ServerError|>=\\s*500|>\\s*499");
    /** Endpoints that only read or check: sending them twice changes nothing. */
    private static final Pattern SAFE_ENDPOINT = Pattern.compile("(?i)/(verify|validate|check|search|query|graphql|token|oauth|introspect)");

    private static final Set<String> CATCH_ALL = Set.of("Exception", "Throwable", "RuntimeException", "java.lang.Exception",
            "RestClientException", "RestClientResponseException", "HttpStatusCodeException", "HttpClientErrorException",
            "WebClientException", "WebClientResponseException", "FeignException", "DataAccessException", "SQLException");

    private final ModuleContext ctx;

    Assessment(ModuleContext ctx) {
        this.ctx = ctx;
    }

    Defects assess(RetrySite site) {
        Node region = site.loop() != null ? site.loop() : site.function();
        Expr delay = null;
        boolean slept = false;
        for (Call c : LocalFunctions.callsIn(region, site.function())) {
            Optional<Expr> d = sleepDuration(c);
            if (d != null) {
                slept = true;
                if (d.isPresent()) delay = d.get();
                break;
            }
        }
        boolean grows = slept && (delay == null || grows(delay, site));
        boolean jitter = slept && (delay == null || hasJitter(delay, 0));
        String text = ctx.module().text().slice(region.range());
        // The server says when to come back (Retry-After, a rate-limit reset): neither fixed nor synchronized.
        boolean serverPaced = SERVER_PACED.matcher(text).find();
        // The test that sends the call round, when there is one, says what is retried.
        String retriedOn = site.onStatus() != null ? ctx.module().text().slice(site.onStatus().condition().range()) : text;
        boolean throttleOnly = THROTTLE.matcher(retriedOn).find() && !SERVER_ERROR.matcher(retriedOn).find();
        boolean fixed = slept && !grows && !jitter && !serverPaced;
        boolean noJitter = slept && grows && !jitter && !serverPaced;
        // A 429 was not processed: sending it again cannot do the work twice.
        String method = throttleOnly ? null : repeatedUnsafeMethod(site);
        return new Defects(!slept && !serverPaced, fixed, noJitter, !bounded(site), method, !classified(site));
    }

    /**
     * The duration of a sleep: {@code Thread.sleep(ms)}, {@code setTimeout(r, ms)} inside a promise,
     * {@code await sleep(ms)} through a helper. Null when the call is not a sleep; empty when it is
     * one whose duration is not an argument.
     */
    Optional<Expr> sleepDuration(Call c) {
        Optional<CallMatch> m = ctx.calls().classify(c);
        if (m.isPresent() && m.get().is(Role.SLEEP)) return Optional.ofNullable(c.arg(0));
        String name = c.methodName();
        if (name == null) return null;
        if (name.equals("setTimeout") && c.receiver() == null && c.ancestor(Lambda.class) != null
                && c.ancestor(Lambda.class).parent() instanceof New) {
            return Optional.ofNullable(c.arg(1));
        }
        FunctionDecl helper = LocalFunctions.callee(c);
        if (helper != null && helper.body() != null) {
            for (Call inner : LocalFunctions.callsIn(helper.body(), helper)) {
                if (inner != c && sleepDuration(inner) != null) return Optional.ofNullable(c.arg(0));
            }
            return null;
        }
        if (SLEEP_NAME.matcher(name).matches() && c.args().size() <= 2 && m.isEmpty()) return Optional.ofNullable(c.arg(0));
        return null;
    }

    /** The wait grows between attempts: it depends on the attempt count, or a variable the retry updates. */
    private boolean grows(Expr delay, RetrySite site) {
        String text = ctx.module().text().slice(delay.range());
        if (text.contains("**") || text.contains("pow(") || text.contains("<<") || text.toLowerCase().contains("exponential")
                || text.toLowerCase().contains("backoff")) {
            return true;
        }
        Node region = site.loop() != null ? site.loop() : site.function();
        boolean[] g = {false};
        delay.walk(n -> {
            if (g[0] || !(n instanceof Name x) || x.symbol() == null) return;
            Symbol s = x.symbol();
            if (RetrySites.assignedIn(region, s)) g[0] = true;
            else if (site.loop() == null && s.kind() == Symbol.Kind.PARAMETER) g[0] = true;
            else if (s.initializer() != null && s.kind() == Symbol.Kind.LOCAL && s.declaration().isWithin(region)
                    && grows(s.initializer(), site)) {
                g[0] = true;
            }
        });
        return g[0];
    }

    private boolean hasJitter(Expr delay, int depth) {
        String text = ctx.module().text().slice(delay.range()).toLowerCase();
        if (text.contains("random") || text.contains("jitter")) return true;
        if (depth > 2) return false;
        boolean[] j = {false};
        delay.walk(n -> {
            if (j[0]) return;
            if (n instanceof Name x && x.symbol() != null && x.symbol().initializer() != null && hasJitter(x.symbol().initializer(), depth + 1)) {
                j[0] = true;
            }
            if (n instanceof Call c && LocalFunctions.callee(c) != null
                    && ctx.module().text().slice(LocalFunctions.callee(c).range()).toLowerCase().matches("(?s).*(random|jitter).*")) {
                j[0] = true;
            }
        });
        return j[0];
    }

    /** A loop condition or an exit test on a counter, or a recursion that counts down. */
    private boolean bounded(RetrySite site) {
        Loop l = site.loop();
        if (l == null) {
            for (Expr a : site.again().args()) {
                if (a.unwrap() instanceof Binary || a.unwrap() instanceof dev.prodlint.model.expr.Unary) return true;
            }
            return false;
        }
        if (l.condition() != null && countsAttempts(l.condition(), l)) return true;
        boolean[] b = {false};
        l.body().walk(n -> {
            if (!b[0] && n instanceof If i && countsAttempts(i.condition(), l)
                    && (RetrySites.alwaysLeaves(i.then()) || RetrySites.alwaysLeaves(i.otherwise()))) {
                b[0] = true;
            }
        }, true);
        return b[0];
    }

    /** A comparison that involves a variable the loop increments or decrements, or a deadline. */
    private boolean countsAttempts(Expr cond, Loop l) {
        String text = ctx.module().text().slice(cond.range()).toLowerCase();
        if (text.contains("deadline") || text.contains("date.now()") || text.contains("currenttimemillis") || text.contains("nanotime")) return true;
        boolean[] c = {false};
        cond.walk(n -> {
            if (c[0]) return;
            if (n instanceof dev.prodlint.model.expr.Unary u && (u.op().equals("++") || u.op().equals("--"))) c[0] = true;
            if (n instanceof Name x && x.symbol() != null && RetrySites.assignedIn(l, x.symbol())) {
                c[0] = isComparison(cond);
            }
        });
        return c[0];
    }

    private static boolean isComparison(Expr e) {
        boolean[] found = {false};
        e.walk(n -> {
            if (n instanceof Binary b && Set.of("<", "<=", ">", ">=", "==", "===", "!=", "!==").contains(b.op())) found[0] = true;
        });
        return found[0];
    }

    private boolean isFetch(Call remote) {
        return ctx.calls().classify(remote).map(m -> m.typeId().contains("fetch")).orElse(false);
    }

    /** True when the retried call is a database call rather than an HTTP request. */
    boolean isDatabase(RetrySite site) {
        return ctx.calls().classify(site.remote()).map(m -> m.method().role() != Role.HTTP_REQUEST).orElse(false);
    }

    /** POST or PATCH sent again, and nothing in the function mentions an idempotency key. */
    private String repeatedUnsafeMethod(RetrySite site) {
        String method = httpMethod(site.remote());
        if (method == null || !(method.equals("POST") || method.equals("PATCH"))) return null;
        String text = ctx.module().text().slice(site.function().range()).toLowerCase();
        if (text.contains("idempotency") || text.contains("idempotent") || text.contains("request-id") && text.contains("dedup")) return null;
        if (site.remote().arg(0) != null && SAFE_ENDPOINT.matcher(ctx.module().text().slice(site.remote().arg(0).range())).find()) return null;
        return method;
    }

    private String httpMethod(Call remote) {
        Optional<CallMatch> m = ctx.calls().classify(remote);
        if (m.isEmpty()) return null;
        MethodModel model = m.get().method();
        if (model.httpMethod() == null) return null;
        if (!model.httpMethod().equals("options")) return model.httpMethod();
        for (Expr a : remote.args()) {
            if (a.unwrap() instanceof ObjectLit o && o.get("method") instanceof Literal l && l.value() != null) {
                return l.value().toUpperCase();
            }
            String t = ctx.module().text().slice(a.range());
            if (t.contains("HttpMethod.POST")) return "POST";
            if (t.contains("HttpMethod.PATCH")) return "PATCH";
        }
        return null;
    }

    /**
     * Optimistic-lock conflicts, serialization failures and deadlocks: the database answered, and the
     * retry re-reads and tries again. That is contention handling, not a retry that piles onto a
     * struggling dependency.
     */
    static final Pattern CONTENTION = Pattern.compile(
            "OptimisticLock|ConcurrencyFailure|CannotAcquireLock|DeadlockLoser|PessimisticLock|StaleObjectState|StaleState"
                    + "|SerializationFailure|WriteConflict|VersionConflict|['\"]40001['\"]|['\"]40P01['\"]|ER_LOCK_DEADLOCK"
                    // A fresh key after a unique collision: the next attempt is a different request.
                    + "|UNIQUE_CONSTRAINT|P2002|['\"]23505['\"]|ER_DUP_ENTRY|DuplicateKey|IntegrityConstraintViolation|DataIntegrityViolation");

    boolean retriesContention(RetrySite site) {
        Node region = site.onError() != null ? site.onError() : site.loop() != null ? site.loop() : site.function();
        return CONTENTION.matcher(ctx.module().text().slice(region.range())).find();
    }

    /** Loops of a long-running service: they stop when the service does, not when a call succeeds. */
    private static final Pattern SERVICE_LOOP = Pattern.compile(
            "(?i)\\b(is)?(stopp?ing|stopped|running|enabled|alive|active|shutdown|shuttingDown|closed|serviceEnabled)\\b");
    /** A deadline: the loop polls until a time, at a pace it chooses. */
    private static final Pattern DEADLINE = Pattern.compile("(?i)Date\\.now\\(\\)|currentTimeMillis|nanoTime|deadline|Instant\\.now|performance\\.now");
    private static final Pattern LOCAL = Pattern.compile("localhost|127\\.0\\.0\\.1|0\\.0\\.0\\.0|\\[::1\\]");

    /**
     * Not a retry storm though shaped like a retry: a service loop (leader election, a scheduler)
     * that runs until the process stops, polling until a deadline, or a call to this machine.
     */
    boolean notAStorm(RetrySite site) {
        if (LOCAL.matcher(ctx.module().text().slice(site.remote().range())).find()
                || LOCAL.matcher(ctx.module().text().slice(site.call().range())).find()) {
            return true;
        }
        Loop l = site.loop();
        if (l == null) return false;
        String cond = l.condition() == null ? "" : ctx.module().text().slice(l.condition().range());
        if (SERVICE_LOOP.matcher(cond).find() || DEADLINE.matcher(cond).find()) return true;
        boolean[] service = {false};
        l.body().walk(n -> {
            if (!service[0] && n instanceof Call c && c.methodName() != null && c.args().isEmpty()
                    && SERVICE_LOOP.matcher(c.methodName()).matches()) {
                service[0] = true;
            }
        }, true);
        return service[0];
    }

    /** The retry looks at what failed: a typed catch, a status or error-code test, a retryable check. */
    private boolean classified(RetrySite site) {
        if (site.onError() != null && ctx.module().language() == Language.JAVA) {
            boolean typed = !site.onError().types().isEmpty();
            for (TypeRef t : site.onError().types()) {
                String simple = t.name().substring(t.name().lastIndexOf('.') + 1);
                if (CATCH_ALL.contains(simple)) typed = false;
            }
            if (typed) return true;
        }
        Node region = site.loop() != null ? site.loop() : site.function();
        if (CLASSIFIES.matcher(ctx.module().text().slice(region.range())).find()) return true;
        // fetch resolves on 4xx and 5xx: a retry that only catches what it throws retries network errors only.
        if (site.onError() != null && site.onStatus() == null && isFetch(site.remote()) && site.onError().parent() instanceof dev.prodlint.model.stmt.Try t) {
            boolean[] throwsOnStatus = {false};
            t.body().walk(n -> {
                if (n instanceof dev.prodlint.model.stmt.Throw) throwsOnStatus[0] = true;
            }, true);
            return !throwsOnStatus[0];
        }
        return false;
    }
}
