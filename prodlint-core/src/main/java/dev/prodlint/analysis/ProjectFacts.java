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

    public ProjectFacts(Set<String> present) {
        this.present = Set.copyOf(present);
    }

    public boolean has(String marker) {
        return present.contains(marker);
    }
}
