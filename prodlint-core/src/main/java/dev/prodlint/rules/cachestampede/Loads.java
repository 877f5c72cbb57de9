package dev.prodlint.rules.cachestampede;

import dev.prodlint.analysis.CallClassifier.CallMatch;
import dev.prodlint.analysis.LocalFunctions;
import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.apimodel.Role;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Node;
import dev.prodlint.model.expr.Call;
import dev.prodlint.rules.Snippets;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Expensive loads: a database query, an ORM or repository finder, an HTTP request, or a call to a
 * function of the same file that makes one. One instance per file.
 */
final class Loads {
    private static final int MAX_DEPTH = 3;
    /** Receivers named like a mapper that do not touch a database (Jackson, ModelMapper, ...). */
    private static final Pattern NOT_A_MAPPER = Pattern.compile("(?i).*(object|json|xml|yaml|model|bean|dozer|entity|dto|vo)mapper");

    /** Methods every object has: a repository's getClass() is not a finder. */
    private static final java.util.Set<String> OBJECT_METHODS = java.util.Set.of("getClass", "hashCode", "toString", "equals");

    /** What a call loads, for messages: the call itself, or the call its helper makes. */
    record Load(Call call, String description) {
    }

    private final ModuleContext ctx;
    private final Map<FunctionDecl, Optional<String>> helpers = new IdentityHashMap<>();

    Loads(ModuleContext ctx) {
        this.ctx = ctx;
    }

    /** The load a call makes, or empty. */
    Optional<Load> of(Call call) {
        return describe(call, 0).map(d -> new Load(call, d));
    }

    private Optional<String> describe(Call call, int depth) {
        if (call.methodName() != null && OBJECT_METHODS.contains(call.methodName())) return Optional.empty();
        Optional<CallMatch> m = ctx.calls().classify(call);
        if (m.isPresent()) {
            Role r = m.get().method().role();
            if (r == Role.DB_QUERY || r == Role.MANAGED_QUERY || r == Role.HTTP_REQUEST) {
                if (m.get().hinted() && call.receiver() != null && isNotAMapper(call)) return Optional.empty();
                return Optional.of("`" + Snippets.call(ctx.module(), call) + "`");
            }
            return Optional.empty();
        }
        if (depth >= MAX_DEPTH) return Optional.empty();
        FunctionDecl helper = LocalFunctions.callee(call);
        if (helper == null || helper.body() == null) return Optional.empty();
        Optional<String> inner = helperLoad(helper, depth + 1);
        return inner.map(d -> "`" + Snippets.call(ctx.module(), call) + "`, which runs " + d);
    }

    private boolean isNotAMapper(Call call) {
        String text = ctx.module().text().slice(call.receiver().range());
        return NOT_A_MAPPER.matcher(text.replaceAll(".*[.]", "")).matches();
    }

    private Optional<String> helperLoad(FunctionDecl f, int depth) {
        Optional<String> known = helpers.get(f);
        if (known != null) return known;
        helpers.put(f, Optional.empty()); // recursion ends here
        if (isReadThrough(f)) return Optional.empty();
        Optional<String>[] found = new Optional[] {Optional.empty()};
        f.body().walk(n -> {
            if (found[0].isEmpty() && n instanceof Call c && !LocalFunctions.inNestedDeclaration(c, f)) found[0] = describe(c, depth);
        });
        helpers.put(f, found[0]);
        return found[0];
    }

    /**
     * A helper with a cache of its own (a loading call, or a read and a write of the same key) is a
     * read-through: its own stampede, if any, is reported there. A local map it merely reads is not.
     */
    private boolean isReadThrough(FunctionDecl f) {
        java.util.List<String> reads = new java.util.ArrayList<>();
        java.util.List<String> writes = new java.util.ArrayList<>();
        boolean[] loading = {false};
        f.body().walk(n -> {
            if (!(n instanceof Call c) || c.args().isEmpty()) return;
            Optional<CallMatch> m = ctx.calls().classify(c);
            if (m.isEmpty()) return;
            if (m.get().is(Role.CACHE_LOAD)) loading[0] = true;
            String key = CacheRead.keyText(ctx.module(), c, 1);
            if (m.get().is(Role.CACHE_READ)) reads.add(key);
            if (m.get().is(Role.CACHE_WRITE)) writes.add(key);
        });
        return loading[0] || reads.stream().anyMatch(writes::contains);
    }
}
