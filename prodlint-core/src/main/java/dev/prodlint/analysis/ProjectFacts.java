package dev.prodlint.analysis;

import java.util.Set;

/**
 * What the whole scanned project says that one file cannot: which of the markers the rules asked
 * for occur in some file ({@code axios.defaults.timeout} set once at start-up applies to every
 * axios call in the process). Found by a plain text pass before the analysis.
 */
public final class ProjectFacts {
    public static final ProjectFacts NONE = new ProjectFacts(Set.of());

    private final Set<String> present;
    private final dev.prodlint.analysis.request.ProjectSummaries summaries;

    public ProjectFacts(Set<String> present) {
        this(present, dev.prodlint.analysis.request.ProjectSummaries.NONE);
    }

    public ProjectFacts(Set<String> present, dev.prodlint.analysis.request.ProjectSummaries summaries) {
        this.present = Set.copyOf(present);
        this.summaries = summaries;
    }

    /** What other files' functions do with their parameters (empty unless a rule asked for the first pass). */
    public dev.prodlint.analysis.request.ProjectSummaries summaries() {
        return summaries;
    }

    public ProjectFacts withSummaries(dev.prodlint.analysis.request.ProjectSummaries s) {
        return new ProjectFacts(present, s);
    }

    public boolean has(String marker) {
        return present.contains(marker);
    }
}
