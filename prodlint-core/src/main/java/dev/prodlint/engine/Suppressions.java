package dev.prodlint.engine;

import dev.prodlint.model.SourceRange;
import dev.prodlint.model.SourceText;
import dev.prodlint.rules.Finding;
import dev.prodlint.rules.Severity;
import dev.prodlint.rules.SuppressionRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppressions: {@code // prodlint-ignore RULE[, RULE]: reason} on the finding's line or the
 * line above, and {@code // prodlint-ignore-file RULE: reason} for the whole file. A suppression
 * without a reason, naming an unknown rule, or matching nothing is itself reported.
 */
final class Suppressions {
    /** A comment marker, then the directive; read from the text so it works the same for every language. */
    private static final Pattern DIRECTIVE = Pattern.compile("(?://|/\\*|^\\s*\\*)\\s*prodlint-ignore(-file)?(?![\\w-])([^\\n]*)");
    private static final Pattern RULE_ID = Pattern.compile("[a-z][a-z0-9-]*");

    record Suppression(int line, boolean wholeFile, String rule, String reason, SourceRange range) {
    }

    private Suppressions() {
    }

    static List<Suppression> parse(SourceText text) {
        List<Suppression> out = new ArrayList<>();
        String content = text.content();
        if (!content.contains("prodlint-ignore")) return out;
        Matcher m = DIRECTIVE.matcher(content);
        while (m.find()) {
            String rest = m.group(2);
            int end = rest.indexOf("*/");
            if (end >= 0) rest = rest.substring(0, end);
            // another comment on the same line (a fixture's expectation) is not part of the directive
            int next = rest.indexOf("//");
            if (next >= 0) rest = rest.substring(0, next);
            int colon = rest.indexOf(':');
            String ids = colon >= 0 ? rest.substring(0, colon) : rest;
            String reason = colon >= 0 ? rest.substring(colon + 1).strip() : "";
            int line = text.lineOf(m.start());
            SourceRange range = text.range(m.start(), m.end());
            boolean any = false;
            for (String id : ids.split("[,\\s]+")) {
                if (id.isBlank()) continue;
                any = true;
                out.add(new Suppression(line, m.group(1) != null, id.strip(), reason, range));
            }
            if (!any) out.add(new Suppression(line, m.group(1) != null, "", reason, range));
        }
        return out;
    }

    /**
     * The findings that stay, plus one for each suppression that is wrong.
     *
     * @param ran   the rules that ran on this file: a suppression of a rule that did not run matches nothing by design
     * @param known every rule prodlint has
     */
    static List<Finding> apply(List<Finding> findings, SourceText text, String path, Set<String> ran, Set<String> known) {
        List<Suppression> all = parse(text);
        if (all.isEmpty()) return findings;
        List<Finding> kept = new ArrayList<>();
        boolean[] used = new boolean[all.size()];
        for (Finding f : findings) {
            boolean hidden = false;
            for (int i = 0; i < all.size(); i++) {
                Suppression s = all.get(i);
                if (!s.rule().equals(f.rule())) continue;
                int line = f.range().startLine();
                if (s.wholeFile() || line == s.line() || line == s.line() + 1) {
                    used[i] = true;
                    hidden = true;
                }
            }
            if (!hidden) kept.add(f);
        }
        for (int i = 0; i < all.size(); i++) {
            Suppression s = all.get(i);
            String problem = problem(s, used[i], ran, known);
            if (problem != null) kept.add(finding(s, problem, path));
        }
        return kept;
    }

    private static String problem(Suppression s, boolean used, Set<String> ran, Set<String> known) {
        String form = s.wholeFile() ? "prodlint-ignore-file" : "prodlint-ignore";
        if (s.rule().isEmpty() || !RULE_ID.matcher(s.rule()).matches()) {
            return "This `" + form + "` names no rule: write `// " + form + " RULE: reason` with a rule id from `prodlint rules`.";
        }
        if (!known.contains(s.rule())) {
            return "`" + s.rule() + "` is not a prodlint rule (see `prodlint rules`): this suppression hides nothing.";
        }
        if (s.reason().isEmpty()) {
            return "This suppression of `" + s.rule() + "` gives no reason: say why the finding does not apply here "
                    + "(`// " + form + " " + s.rule() + ": released by the caller's finally`), so the next reader can check it.";
        }
        if (!used && ran.contains(s.rule())) {
            return "This suppression of `" + s.rule() + "` matches no finding " + (s.wholeFile() ? "in this file" : "on its line or the next")
                    + ": the code changed or the rule no longer reports it. Remove it, so it cannot hide a future finding.";
        }
        return null;
    }

    private static Finding finding(Suppression s, String message, String path) {
        return new Finding(SuppressionRule.ID, Severity.WARNING, message, SuppressionRule.WHY, SuppressionRule.FIX, path, s.range(), List.of(),
                null);
    }
}
