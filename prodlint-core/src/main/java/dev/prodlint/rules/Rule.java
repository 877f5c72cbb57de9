package dev.prodlint.rules;

import dev.prodlint.analysis.ModuleContext;

/** One rule: metadata, and a check over one file's model. Rules are stateless and shared by threads. */
public interface Rule {
    RuleMeta meta();

    void check(ModuleContext ctx, FindingSink sink);

    /**
     * False for a rule whose precision on real code is below the bar for the default set: it runs only
     * when asked for ({@code --enable ID}).
     */
    default boolean enabledByDefault() {
        return true;
    }

    /** Text markers whose presence anywhere in the project the rule wants to know (see ProjectFacts). */
    default java.util.Set<String> projectMarkers() {
        return java.util.Set.of();
    }

    /**
     * True when the rule needs the first pass that summarises every file's functions at the
     * database ({@link dev.prodlint.analysis.ProjectFacts#summaries()}), to follow calls across files.
     */
    default boolean usesProjectSummaries() {
        return false;
    }
}
