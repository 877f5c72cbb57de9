package dev.prodlint.rules;

import dev.prodlint.rules.cachestampede.CacheStampedeRule;
import dev.prodlint.rules.connectionleak.ConnectionLeakRule;
import dev.prodlint.rules.listenerleak.ListenerLeakRule;
import dev.prodlint.rules.missingtimeout.MissingTimeoutRule;
import dev.prodlint.rules.retrystorm.RetryStormRule;
import dev.prodlint.rules.unboundedgrowth.UnboundedGrowthRule;
import java.util.List;
import java.util.Optional;

/** All rules prodlint ships, in id order. */
public final class RuleRegistry {
    private static final List<Rule> ALL = List.of(new CacheStampedeRule(), new dev.prodlint.rules.checkthenact.CheckThenActRule(),
            new ConnectionLeakRule(), new ListenerLeakRule(),
            new dev.prodlint.rules.missingtransaction.MissingTransactionRule(), new MissingTimeoutRule(), new RetryStormRule(),
            new UnboundedGrowthRule(), new dev.prodlint.rules.unvalidatedwrite.UnvalidatedWriteRule(),
            new dev.prodlint.rules.identityfromrequest.IdentityFromRequestRule(), dev.prodlint.rules.swallowederror.SwallowedErrorRule.standard(),
            dev.prodlint.rules.swallowederror.SwallowedErrorRule.experimental(), new SuppressionRule());

    private RuleRegistry() {
    }

    /** Every rule, opt-in ones included (fixtures hold all of them to their expectations). */
    public static List<Rule> all() {
        return ALL;
    }

    /** The rules a scan runs unless told otherwise. */
    public static List<Rule> defaults() {
        return ALL.stream().filter(Rule::enabledByDefault).toList();
    }

    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(r -> r.meta().id().equals(id)).findFirst();
    }
}
