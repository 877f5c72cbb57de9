package dev.prodlint.rules;

import dev.prodlint.model.Language;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The part of a rule's page under docs/rules that comes from its metadata: title, default severity,
 * languages, why it fails, a flagged and a fixed example, how to suppress it. It sits between two
 * markers, so `prodlint docs` can rewrite it while the hand-written sections around it (what exactly
 * is found, what stays silent, measurements) stay; SARIF's help carries the same text.
 */
public final class RuleDocPage {
    public static final String BEGIN = "<!-- generated from the rule's metadata by `prodlint docs`: edit the rule, then run it -->";
    public static final String END = "<!-- end of generated part -->";

    private RuleDocPage() {
    }

    /** The page a rule's docs live on: an opt-in variant shares its rule's page. */
    public static String pageOf(String id) {
        return id.replaceFirst("-experimental$", "");
    }

    /** The generated summary of a rule (markdown), with its opt-in variants named. */
    public static String summary(RuleMeta m, List<RuleMeta> variants) {
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(m.title()).append("** · default severity: ").append(m.severity().id()).append(" · ")
                .append(languages(m.languages())).append("\n\n");
        sb.append(wrap(m.rationale())).append("\n\n");
        sb.append("Flagged:\n\n").append(fenced(m.badExample())).append("\n");
        sb.append("Fixed:\n\n").append(fenced(m.goodExample())).append("\n");
        for (RuleMeta v : variants) {
            sb.append(wrap("Opt-in variant `" + v.id() + "` (`--enable " + v.id() + "`): " + v.title() + ".")).append("\n\n");
        }
        sb.append(wrap("Suppress one finding, with the reason, on its line or the line above: `// prodlint-ignore " + m.id()
                + ": <why it does not apply here>`; a whole file: `// prodlint-ignore-file " + m.id() + ": <why>`.")).append("\n");
        return sb.toString();
    }

    /** The generated block as it stands in the page, markers included. */
    public static String block(RuleMeta m, List<RuleMeta> variants) {
        return BEGIN + "\n" + summary(m, variants) + END + "\n";
    }

    /**
     * The page with its generated block replaced by the current one (or, on a page without one,
     * inserted under the `# id` heading).
     */
    public static String update(String page, RuleMeta m, List<RuleMeta> variants) {
        String block = block(m, variants);
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        if (begin >= 0 && end > begin) {
            int after = end + END.length();
            if (after < page.length() && page.charAt(after) == '\n') after++;
            return page.substring(0, begin) + block + page.substring(after);
        }
        int heading = page.indexOf('\n');
        if (heading < 0) return page + "\n\n" + block;
        return page.substring(0, heading + 1) + "\n" + block + page.substring(heading + 1);
    }

    /** A new page for a rule that has none yet: the heading and the generated block. */
    public static String newPage(RuleMeta m, List<RuleMeta> variants) {
        return "# " + m.id() + "\n\n" + block(m, variants);
    }

    /** Rules by page, main rule first, then its variants. */
    public static List<List<RuleMeta>> pages(List<Rule> rules) {
        Set<String> ids = new LinkedHashSet<>();
        for (Rule r : rules) ids.add(pageOf(r.meta().id()));
        List<List<RuleMeta>> out = new ArrayList<>();
        for (String id : ids) {
            List<RuleMeta> group = new ArrayList<>();
            rules.stream().map(Rule::meta).filter(m -> m.id().equals(id)).forEach(group::add);
            rules.stream().map(Rule::meta).filter(m -> !m.id().equals(id) && pageOf(m.id()).equals(id)).forEach(group::add);
            out.add(group);
        }
        return out;
    }

    /**
     * Wraps a paragraph at 100 columns, as the hand-written pages are, breaking only at spaces outside
     * inline code, so a suppression comment can be copied whole.
     */
    private static String wrap(String paragraph) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inCode = false;
        for (char c : paragraph.strip().toCharArray()) {
            if (c == '`') inCode = !inCode;
            if (c == ' ' && !inCode) {
                if (word.length() > 0) words.add(word.toString());
                word.setLength(0);
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) words.add(word.toString());
        StringBuilder out = new StringBuilder();
        int lineStart = 0;
        for (String w : words) {
            if (out.length() > lineStart && out.length() - lineStart + 1 + w.length() > 100) {
                out.append('\n');
                lineStart = out.length();
            } else if (out.length() > lineStart) {
                out.append(' ');
            }
            out.append(w);
        }
        return out.toString();
    }

    private static String languages(Set<Language> langs) {
        List<String> names = new ArrayList<>();
        if (langs.contains(Language.TYPESCRIPT) || langs.contains(Language.TSX)) names.add("TypeScript");
        if (langs.contains(Language.JAVASCRIPT)) names.add("JavaScript");
        if (langs.contains(Language.JAVA)) names.add("Java");
        return String.join(", ", names);
    }

    /** A code block tagged with the language the example is written in, so it is highlighted. */
    private static String fenced(String code) {
        return "```" + (looksLikeJava(code) ? "java" : "ts") + "\n" + code.strip() + "\n```\n";
    }

    private static boolean looksLikeJava(String code) {
        return code.matches("(?s).*(\\b(public|private|protected|void|final|new [A-Z]\\w*<)\\b|@[A-Z]\\w*|\\b[A-Z]\\w* \\w+ = ).*")
                && !code.matches("(?s).*(\\b(const|let|await|async|function|string|number|boolean)\\b|=>).*");
    }
}
