package dev.prodlint.rules.missingtimeout;
import dev.prodlint.analysis.BrowserCode;

import dev.prodlint.analysis.CallClassifier.CallMatch;
import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.apimodel.MethodModel;
import dev.prodlint.apimodel.Role;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.Node;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.New;
import dev.prodlint.model.expr.ObjectLit;
import dev.prodlint.model.expr.Property;
import dev.prodlint.rules.Finding;
import dev.prodlint.rules.FindingSink;
import dev.prodlint.rules.Rule;
import dev.prodlint.rules.RuleMeta;
import dev.prodlint.rules.Severity;
import dev.prodlint.rules.Snippets;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Finds remote calls and pools that can wait without limit: an HTTP request with no timeout, a
 * client built without one, a pool whose acquire waits forever.
 */
public final class MissingTimeoutRule implements Rule {
    public static final String ID = "missing-timeout";

    private static final RuleMeta META = new RuleMeta(ID,
            "Remote call or pool wait with no timeout",
            Severity.WARNING,
            EnumSet.allOf(Language.class),
            """
            A call to another service, or a wait for a pooled connection, with no timeout waits as \
            long as the other side lets it. When a dependency hangs instead of failing (a full \
            connection pool, a stuck upstream, a dropped packet), every request that reaches the call \
            stops there, holding its socket, its memory and often a database connection of its own. \
            Nothing fails and nothing is logged; the service just stops answering, and the caller's \
            retries add more waiting requests.""",
            """
            const res = await fetch(`${PAYMENTS_URL}/charges/${id}`);""",
            """
            const res = await fetch(`${PAYMENTS_URL}/charges/${id}`, { signal: AbortSignal.timeout(5_000) });""");

    /** axios's process-wide default, set once (often at start-up, in another file). */
    private static final String AXIOS_DEFAULTS = "axios.defaults.timeout";

    @Override
    public RuleMeta meta() {
        return META;
    }

    /** A process-wide undici dispatcher, usually with headers and body timeouts, covers the built-in fetch. */
    private static final String GLOBAL_DISPATCHER = "setGlobalDispatcher";

    @Override
    public java.util.Set<String> projectMarkers() {
        return java.util.Set.of(AXIOS_DEFAULTS, GLOBAL_DISPATCHER);
    }

    @Override
    public void check(ModuleContext ctx, FindingSink sink) {
        SourceModule m = ctx.module();
        if (BrowserCode.is(m)) return;
        boolean axiosDefaults = m.language() != Language.JAVA && (m.text().content().contains(AXIOS_DEFAULTS)
                || ctx.facts().has(AXIOS_DEFAULTS));
        m.walk(n -> {
            if (n instanceof Call c) checkCall(ctx, c, axiosDefaults, sink);
            else if (n instanceof New nw) checkNew(ctx, nw, sink);
        });
    }

    private void checkCall(ModuleContext ctx, Call c, boolean axiosDefaults, FindingSink sink) {
        Optional<CallMatch> match = ctx.calls().classify(c);
        if (match.isEmpty() || match.get().hinted()) return;
        MethodModel model = match.get().method();
        if (model.role() == Role.NO_TIMEOUT) {
            sink.report(Messages.noTimeout(ctx, c, match.get()));
            return;
        }
        if (model.timeoutOptions().isEmpty()) return;
        if (axiosDefaults && match.get().typeId().startsWith("axios")) return;
        if (match.get().typeId().equals("global#fetch") && ctx.facts().has(GLOBAL_DISPATCHER)) return;
        if (notANetworkCall(c)) return;
        if (model.optionsArg() != null) {
            if (boundedByOptions(c.args(), model) || setsTimeoutLater(c)) return;
            sink.report(Messages.callWithoutTimeout(ctx, c, match.get()));
        } else if (model.role() == Role.FACTORY) {
            Boolean bounded = BuilderChain.sets(ctx, c, model.timeoutOptions());
            if (Boolean.FALSE.equals(bounded)) sink.report(Messages.builderWithoutTimeout(ctx, c, match.get()));
        }
    }

    private void checkNew(ModuleContext ctx, New n, FindingSink sink) {
        Optional<CallMatch> match = ctx.calls().classify(n);
        if (match.isEmpty()) return;
        MethodModel model = match.get().method();
        if (model.role() == Role.NO_TIMEOUT) {
            sink.report(Messages.noTimeout(ctx, n, match.get()));
        } else if (!model.timeoutOptions().isEmpty() && model.optionsArg() != null && !boundedByOptions(n.args(), model)) {
            sink.report(Messages.callWithoutTimeout(ctx, n, match.get()));
        }
    }

    /**
     * A URL that is not another server: a relative path (only a browser resolves it; Node's fetch
     * rejects it), a bundled asset ({@code new URL('./font.otf', import.meta.url)}), a file: or data: URL.
     */
    private static boolean notANetworkCall(Call c) {
        Expr url = c.arg(0);
        if (url == null) return false;
        Expr u = url.unwrap();
        if (u instanceof New n && n.args().size() == 2 && n.callee() != null && n.callee().unwrap() instanceof dev.prodlint.model.expr.Name x
                && x.id().equals("URL")) {
            return true;
        }
        String head = null;
        if (u instanceof dev.prodlint.model.expr.Literal l && l.isString()) head = l.value();
        if (u instanceof dev.prodlint.model.expr.Template t && t.tag() == null && !t.quasis().isEmpty()) head = t.quasis().get(0);
        return head != null && (head.startsWith("/") && !head.startsWith("//") || head.startsWith("./") || head.startsWith("file:")
                || head.startsWith("data:"));
    }

    /**
     * True when the options bound the wait, or when they cannot be read (a variable, a spread): the
     * rule reports only what it can see is missing.
     */
    static boolean boundedByOptions(List<Expr> args, MethodModel model) {
        for (Expr a : args) {
            if (a instanceof ObjectLit o && hasAny(o, model.timeoutOptions())) return true;
        }
        int i = model.optionsArg();
        if (i >= args.size()) {
            // http.get(url, callback): the options were not given at all.
            return false;
        }
        Expr opts = args.get(i).unwrap();
        if (!(opts instanceof ObjectLit o)) {
            // A URL string where node:http takes (url, options): look at the next argument.
            if (opts instanceof dev.prodlint.model.expr.Literal || opts instanceof dev.prodlint.model.expr.Template) {
                return i + 1 < args.size() && !(args.get(i + 1).unwrap() instanceof ObjectLit)
                        && !(args.get(i + 1) instanceof dev.prodlint.model.expr.Lambda);
            }
            return true;
        }
        for (Property p : o.properties()) {
            if (p.kind() == Property.Kind.SPREAD) return true;
        }
        return hasAny(o, model.timeoutOptions());
    }

    private static boolean hasAny(ObjectLit o, List<String> keys) {
        for (String k : keys) {
            if (o.get(k) != null) return true;
        }
        return false;
    }

    /** node:http: {@code req.setTimeout(ms)} or a 'timeout' listener on the request the call returned. */
    private static boolean setsTimeoutLater(Call c) {
        FunctionDecl f = c.enclosingFunction();
        Node scope = f != null ? f : c;
        boolean[] found = {false};
        scope.walk(n -> {
            if (n instanceof Call x && x.receiver() != null && ("setTimeout".equals(x.methodName())
                    || "on".equals(x.methodName()) && x.arg(0) instanceof dev.prodlint.model.expr.Literal l && "timeout".equals(l.value()))) {
                found[0] = true;
            }
        });
        return found[0];
    }
}
