package dev.prodlint.rules.retrystorm;

import dev.prodlint.analysis.CallClassifier.CallMatch;
import dev.prodlint.analysis.LocalFunctions;
import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.apimodel.Role;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Node;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Lambda;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/** Calls to another service: HTTP requests and database calls, directly or through a same-file helper. */
final class RemoteCalls {
    private static final int MAX_DEPTH = 2;

    private final ModuleContext ctx;
    private final Map<FunctionDecl, Optional<Call>> helpers = new IdentityHashMap<>();

    RemoteCalls(ModuleContext ctx) {
        this.ctx = ctx;
    }

    /** The remote call this call is or makes (for a helper, the call inside it). */
    Optional<Call> remote(Call c) {
        return remote(c, 0);
    }

    private Optional<Call> remote(Call c, int depth) {
        Optional<CallMatch> m = ctx.calls().classify(c);
        if (m.isPresent()) {
            Role r = m.get().method().role();
            boolean remote = r == Role.HTTP_REQUEST || (r == Role.DB_QUERY || r == Role.MANAGED_QUERY) && !embeddedDatabase();
            return remote && !m.get().hinted() ? Optional.of(c) : Optional.empty();
        }
        if (depth >= MAX_DEPTH) return Optional.empty();
        FunctionDecl helper = LocalFunctions.callee(c);
        if (helper == null || helper.body() == null) return Optional.empty();
        Optional<Call> known = helpers.get(helper);
        if (known != null) return known;
        helpers.put(helper, Optional.empty());
        Optional<Call>[] found = new Optional[] {Optional.empty()};
        helper.body().walk(n -> {
            if (found[0].isEmpty() && n instanceof Call inner && !LocalFunctions.inNestedDeclaration(inner, helper)) found[0] = remote(inner, depth + 1);
        });
        helpers.put(helper, found[0]);
        return found[0];
    }

    /** SQLite, H2 or Derby in a file: a database in the process's own files, not a remote dependency. */
    private boolean embeddedDatabase() {
        if (embedded == null) {
            String text = ctx.module().text().content();
            embedded = text.contains("jdbc:sqlite") || text.contains("SQLITE_") || text.contains("jdbc:h2:") || text.contains("jdbc:derby:")
                    || text.contains("better-sqlite3") || text.contains("sqlite3");
        }
        return embedded;
    }

    private Boolean embedded;
}
