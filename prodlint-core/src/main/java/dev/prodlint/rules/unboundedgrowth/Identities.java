package dev.prodlint.rules.unboundedgrowth;

import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a key names something there is one of per user or per request (an id, a token, an email,
 * a URL), rather than one of a small fixed set (a class, a type, a locale).
 */
final class Identities {
    private static final Set<String> WORDS = Set.of("id", "ids", "uuid", "token", "session", "user", "email", "ip", "url",
            "uri", "slug", "query", "request", "customer", "order", "account", "phone", "sku", "seller", "visitor", "device",
            "client", "conversation", "room", "channel", "upload", "job");

    private Identities() {
    }

    static boolean in(Expr key) {
        boolean[] found = {false};
        key.walk(n -> {
            String id = n instanceof Name name ? name.id() : n instanceof Member m ? m.property() : null;
            if (id == null || found[0]) return;
            for (String word : id.split("(?<=[a-z0-9])(?=[A-Z])|_|-")) {
                if (WORDS.contains(word.toLowerCase(Locale.ROOT))) found[0] = true;
            }
        }, true);
        return found[0];
    }
}
