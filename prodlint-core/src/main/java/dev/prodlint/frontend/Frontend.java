package dev.prodlint.frontend;

import dev.prodlint.model.Language;
import dev.prodlint.model.SourceModule;

/**
 * Lowers one file of a language into the program model. Implementations are used by one thread at
 * a time (parsers are not thread-safe); the scanner keeps one per worker thread.
 */
public interface Frontend {
    /**
     * @param path the path relative to the scan root, '/'-separated
     * @throws ParseFailure when the file cannot be parsed at all
     */
    SourceModule lower(String path, Language language, String content) throws ParseFailure;

    /** How long the parser itself took in the last {@link #lower} call (the rest was lowering), for the phase figures. */
    default long lastParseNanos() {
        return 0;
    }
}
