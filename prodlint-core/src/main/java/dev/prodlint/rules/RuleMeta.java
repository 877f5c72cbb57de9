package dev.prodlint.rules;

import dev.prodlint.model.Language;
import java.util.Set;

/**
 * What a rule is, for `prodlint rules`, `prodlint explain`, SARIF's rule descriptors and the docs.
 *
 * @param id        stable kebab-case id, never renamed
 * @param title     one line: what it finds
 * @param severity  default severity
 * @param languages the languages it checks
 * @param rationale why it fails in production, one paragraph
 * @param badExample  code it flags
 * @param goodExample the fixed code
 */
public record RuleMeta(String id, String title, Severity severity, Set<Language> languages, String rationale,
                       String badExample, String goodExample) {
}
