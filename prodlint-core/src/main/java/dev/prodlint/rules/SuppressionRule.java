package dev.prodlint.rules;

import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.model.Language;
import java.util.EnumSet;

/**
 * The findings about suppression comments themselves (no reason, unknown rule, matching nothing).
 * The scanner reports them after the other rules ran; this entry gives them an id, docs and a SARIF
 * descriptor.
 */
public final class SuppressionRule implements Rule {
    public static final String ID = "suppression";
    public static final String WHY = "A suppression is a decision someone made about a finding. Without a reason the next reader cannot "
            + "check it; naming an unknown rule or matching nothing, it hides nothing today and may hide a real finding after the next change.";
    public static final String FIX = "Write `// prodlint-ignore RULE: why it does not apply` on the finding's line or the line above "
            + "(`// prodlint-ignore-file RULE: why` for a whole file), or remove the comment.";

    private static final RuleMeta META = new RuleMeta(ID, "Suppression comment without a reason, for an unknown rule, or matching nothing",
            Severity.WARNING, EnumSet.allOf(Language.class), WHY,
            """
            const client = await pool.connect(); // prodlint-ignore connection-leak""",
            """
            const client = await pool.connect(); // prodlint-ignore connection-leak: released by the caller's finally""");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ModuleContext ctx, FindingSink sink) {
        // reported by the scanner, which sees every rule's findings for the file
    }
}
