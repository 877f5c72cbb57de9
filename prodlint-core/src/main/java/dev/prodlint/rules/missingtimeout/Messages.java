package dev.prodlint.rules.missingtimeout;

import dev.prodlint.analysis.CallClassifier.CallMatch;
import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Node;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.New;
import dev.prodlint.rules.Finding;
import dev.prodlint.rules.Severity;
import dev.prodlint.rules.Snippets;
import java.util.List;

/** The words of a missing-timeout finding, by kind of call. */
final class Messages {
    private static final String WHY_CALL = "When the other side hangs instead of failing, every request that reaches this "
            + "call waits with it, holding its socket, memory and whatever else it took first; nothing fails and "
            + "nothing is logged, and the service stops answering once enough requests are stuck here.";

    private Messages() {
    }

    static Finding callWithoutTimeout(ModuleContext ctx, Node call, CallMatch m) {
        SourceModule mod = ctx.module();
        String code = "`" + code(mod, call) + "`";
        String type = m.typeId();
        String message;
        String why = WHY_CALL;
        String fix;
        if (type.equals("pg#Client")) {
            message = code + " has no `connectionTimeoutMillis`: `connect()` waits for the database server without limit.";
            fix = "Pass `connectionTimeoutMillis` (e.g. `new Client({ ..., connectionTimeoutMillis: 5_000 })`).";
        } else if (type.startsWith("pg#")) {
            message = code + " creates a pool with no `connectionTimeoutMillis`: when every client is checked out, "
                    + "`connect()` and `query()` wait for a free one forever.";
            why = "node-postgres defaults `connectionTimeoutMillis` to 0, no limit. Once the pool is exhausted (a leak, a slow "
                    + "query, a burst), each new request queues for a client with no deadline and no error: the service "
                    + "hangs with zero error logs.";
            fix = "Pass `connectionTimeoutMillis` (e.g. `new Pool({ ..., connectionTimeoutMillis: 5_000 })`) so a starved "
                    + "pool fails fast with an error you can see and shed.";
        } else if (type.contains("create") || type.contains("extend")) {
            message = code + " creates an HTTP client with no `timeout`: every request made through it can wait without limit.";
            fix = "Set a timeout on the client: `" + (type.startsWith("got") ? "got.extend({ timeout: { request: 5_000 } })"
                    : "axios.create({ ..., timeout: 5_000 })") + "`.";
        } else if (type.startsWith("node-fetch")) {
            message = code + " has no timeout: node-fetch waits for a server that stops answering without limit.";
            fix = "Pass `{ signal: AbortSignal.timeout(5_000) }` (node-fetch v2 also takes `timeout`).";
        } else if (type.contains("fetch")) {
            message = code + " has no timeout of its own: if the server stops answering, it waits until Node's 300 s "
                    + "headers timeout, holding the request that made it.";
            why = WHY_CALL + " Five minutes per call is far past any caller's patience: their own timeouts and retries "
                    + "fire while this request is still held.";
            fix = "Pass a deadline: `fetch(url, { ...init, signal: AbortSignal.timeout(5_000) })`.";
        } else if (type.startsWith("axios")) {
            message = code + " uses axios's default instance, whose `timeout` is 0 (none): the request can wait forever.";
            fix = "Pass `{ timeout: 5_000 }` in the request config, or make the calls through `axios.create({ timeout: 5_000 })`.";
        } else if (type.startsWith("got")) {
            message = code + " has no `timeout`: got waits for the server without limit.";
            fix = "Pass `{ timeout: { request: 5_000 } }`.";
        } else {
            message = code + " has no timeout: the request waits for the server without limit.";
            fix = "Pass `timeout` in the request options, or call `req.setTimeout(5_000, () => req.destroy())`.";
        }
        return new Finding(MissingTimeoutRule.ID, Severity.WARNING, message, why, fix, mod.path(), call.range(), List.of(),
                FunctionDecl.reportNameOf(call));
    }

    static Finding builderWithoutTimeout(ModuleContext ctx, Call build, CallMatch m) {
        SourceModule mod = ctx.module();
        boolean request = m.typeId().contains("HttpRequest");
        String message = request
                ? "This `HttpRequest` is built without `timeout(...)`: `HttpClient.send` waits for its response without limit."
                : "This `HttpClient` is built without `connectTimeout(...)`: connecting to an unreachable host waits as long as the OS lets it.";
        String fix = request
                ? "Set a deadline per request: `HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))`."
                : "Set one on the client: `HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))`, and a `timeout(...)` on each request.";
        return new Finding(MissingTimeoutRule.ID, Severity.WARNING, message, WHY_CALL, fix, mod.path(), build.range(), List.of(),
                FunctionDecl.reportNameOf(build));
    }

    static Finding noTimeout(ModuleContext ctx, Node call, CallMatch m) {
        SourceModule mod = ctx.module();
        String code = "`" + code(mod, call) + "`";
        String message;
        String fix;
        if (m.typeId().contains("RestTemplate")) {
            message = code + " uses Spring's default request factory, with no connect or read timeout: a hung server holds "
                    + "the calling thread forever.";
            fix = "Build it with timeouts: `new RestTemplate(factory)` where `factory` is a `SimpleClientHttpRequestFactory` "
                    + "with `setConnectTimeout(2_000)` and `setReadTimeout(5_000)`, or `RestTemplateBuilder.setConnectTimeout(...)"
                    + ".setReadTimeout(...)`.";
        } else if (m.typeId().contains("okhttp")) {
            message = code + " turns this OkHttp timeout off (0 means none): calls through the client can wait forever.";
            fix = "Keep a finite timeout (OkHttp defaults to 10 s), e.g. `readTimeout(30, TimeUnit.SECONDS)`, and a `callTimeout(...)` for the whole call.";
        } else {
            message = code + " makes an `HttpClient` with no connect timeout, and its requests have none unless each sets `timeout(...)`.";
            fix = "Use `HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()` and set `timeout(...)` on each `HttpRequest`.";
        }
        return new Finding(MissingTimeoutRule.ID, Severity.WARNING, message, WHY_CALL, fix, mod.path(), nameRange(mod, call),
                List.of(), FunctionDecl.reportNameOf(call));
    }

    private static dev.prodlint.model.SourceRange nameRange(SourceModule m, Node n) {
        return n instanceof Call c ? Snippets.nameRange(m, c) : n.range();
    }

    private static String code(SourceModule m, Node n) {
        if (n instanceof Call c && c.receiver() != null && (c.receiver().unwrap() instanceof Call || c.receiver().unwrap() instanceof New)) {
            // In a builder chain, just the call: readTimeout(0, TimeUnit.SECONDS)
            String text = m.text().slice(nameRange(m, c)).replaceAll("\\s+", " ");
            return text.length() > 60 ? text.substring(0, 60) + "..." : text;
        }
        if (n instanceof Call c) return Snippets.call(m, c);
        if (n instanceof New nw) {
            String type = nw.callee() != null ? m.text().slice(nw.callee().range()).strip()
                    : nw.type() != null ? nw.type().name() : "";
            return "new " + type + (nw.args().isEmpty() ? "()" : "(...)");
        }
        return Snippets.code(m, n);
    }
}
