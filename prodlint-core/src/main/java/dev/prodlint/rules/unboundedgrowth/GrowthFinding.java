package dev.prodlint.rules.unboundedgrowth;

import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.expr.Call;
import dev.prodlint.rules.Finding;
import dev.prodlint.rules.Severity;
import dev.prodlint.rules.Snippets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Lambda;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.New;

/** The words of an unbounded-growth finding. */
final class GrowthFinding {
    private GrowthFinding() {
    }

    static Finding build(SourceModule m, LongLived.Collection c, List<UnboundedGrowthRule.Evidence> evidence) {
        boolean java = m.language() == Language.JAVA;
        UnboundedGrowthRule.Evidence first = evidence.get(0);
        String site = "`" + (first.site() instanceof Call call ? chain(m, call) : Snippets.code(m, first.site())) + "`";
        String fn = FunctionDecl.reportNameOf(first.site());
        String where = c.owner() == null ? "this file" : "`" + c.owner().name() + "`";
        String per = switch (first.kind()) {
            case SCOPE -> "for every " + first.scope().unit() + " (in " + first.scope().what() + ")";
            case CALLBACKS -> "a callback for every subscriber (in `" + fn + "`)";
            case PARAMETER -> "an entry for every distinct key `" + (fn == null ? "it" : fn) + "` is called with";
        };
        List<Finding.Related> related = new ArrayList<>();
        for (int i = 0; i < evidence.size() && i < 3; i++) {
            related.add(new Finding.Related(m.path(), evidence.get(i).site().range(), "grows here"));
        }
        String message = "`" + c.name() + "` (" + c.what() + ") only grows: " + site + " at line " + first.site().range().startLine()
                + " adds " + per + ", and nothing in " + where + " deletes, clears, evicts or bounds it"
                + (first.kind() == UnboundedGrowthRule.Evidence.Kind.CALLBACKS ? ": there is no way to unsubscribe." : ".");
        String why = "It lives as long as the process, so every entry ever added stays in memory with everything it refers "
                + "to" + (first.kind() == UnboundedGrowthRule.Evidence.Kind.CALLBACKS ? " (each callback keeps its closed socket or "
                + "request alive, and every notification still calls it)" : "")
                + ". The heap grows with traffic, garbage collection runs longer and more often, and days later the process "
                + "dies of OOM with nothing in the logs pointing at this collection.";
        String fix = switch (first.kind()) {
            case CALLBACKS -> "Add the matching unsubscribe (remove the callback, and delete the key when its set is empty) and call "
                    + "it when the subscriber goes away (the socket's close and error).";
            default -> java
                    ? "Remove entries when they are done with (in a finally, or when the session or request ends), or use a bounded "
                    + "cache: Caffeine with `maximumSize`/`expireAfterWrite`, or a `LinkedHashMap` whose `removeEldestEntry` caps it."
                    : "Delete entries when they are done with (`" + c.name() + ".delete(key)` in a finally or on close), or use a "
                    + "bounded cache such as `lru-cache` with `max` and `ttl`.";
        };
        Severity severity = Severity.WARNING;
        if (first.kind() == UnboundedGrowthRule.Evidence.Kind.PARAMETER && !first.strong()) {
            // Only a parameter shows the key varies: a fixed set of keys (brands, locales) stays small.
            severity = Severity.NOTE;
            message += " If only a few distinct keys ever reach it, it stays small; if they come from requests or users, it does not.";
        }
        return new Finding(UnboundedGrowthRule.ID, severity, message, why, fix, m.path(), c.decl().range(), related,
                c.owner() == null ? null : c.owner().name());
    }

    private static final Pattern PER_KEY_OBJECT = Pattern.compile("(Mutex|\\w*Lock|Semaphore|CountDownLatch)(::new)?");
    private static final Pattern FRESH_KEY = Pattern.compile(".*(randomUUID|uuid|nanoid|cuid|randomBytes|generateId|ObjectId|Date\\.now|currentTimeMillis|nanoTime).*");

    /**
     * The seed's shapes, which grow with every key whatever the keys are: one lock object per key,
     * or an entry under a freshly generated id.
     */
    static boolean perKeyObjectOrFreshKey(Uses.Growth g) {
        Expr v = g.value() == null ? null : g.value().unwrap();
        if (v instanceof Lambda l && l.function().body() != null && l.function().body().statements().size() == 1
                && l.function().body().statements().get(0) instanceof dev.prodlint.model.stmt.Return r && r.value() != null) {
            v = r.value().unwrap();
        }
        if (v instanceof New nw) {
            String type = nw.type() != null ? nw.type().simpleName()
                    : nw.callee() != null && nw.callee().unwrap() instanceof Name n ? n.id() : "";
            if (PER_KEY_OBJECT.matcher(type).matches()) return true;
        }
        if (v instanceof Name ref && ref.symbol() != null && ref.symbol().initializer() != null
                && ref.symbol().initializer().unwrap() instanceof New nw && nw.callee() != null
                && nw.callee().unwrap() instanceof Name n && PER_KEY_OBJECT.matcher(n.id()).matches()) {
            return true;
        }
        Expr k = g.key() == null ? null : g.key().unwrap();
        if (k instanceof Name n && n.symbol() != null && n.symbol().initializer() != null) {
            SourceModule m = n.ancestor(SourceModule.class);
            return m != null && FRESH_KEY.matcher(m.text().slice(n.symbol().initializer().range()).replace("\n", " ")).matches();
        }
        return false;
    }

    /** listeners.computeIfAbsent(...).add(...): the chain by method names, without the arguments. */
    private static String chain(SourceModule m, Call call) {
        if (call.receiver() != null && call.receiver().unwrap() instanceof Call inner && inner.methodName() != null) {
            return chain(m, inner) + "." + call.methodName() + "(...)";
        }
        return Snippets.call(m, call);
    }
}
