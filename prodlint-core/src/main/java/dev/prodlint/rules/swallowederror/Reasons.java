package dev.prodlint.rules.swallowederror;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceModule;
import java.util.regex.Pattern;

/** Whether a catch says why it ignores its error: a comment with a reason, or a variable named to be ignored. */
final class Reasons {
    /** Comments that name the act, not the reason. */
    private static final Pattern NOT_A_REASON = Pattern.compile("(?i)^(ignored?|ignore (it|this|errors?|exceptions?|the (error|exception))|no-?op|nop|do nothing"
            + "|nothing( to do)?|empty|swallow(ed)?( errors?)?|pass|skip|silent(ly)?( ignore)?|continue|ok|fine|not? ?handled?|suppress(ed)?|catch"
            + "|(todo|fixme|xxx|hack)\\b.*|expect:.*|prodlint-.*|eslint-.*|istanbul .*|@ts-.*|prettier-.*|biome-.*|忽略|不处理|无需处理)[.!:]*$");
    private static final Pattern IGNORED_NAME = Pattern.compile("(?i)^(_\\w*|\\w*ignor\\w*|expected|unused|ok|swallowed)$");

    private Reasons() {
    }

    /**
     * A comment inside {@code region} that gives a reason (three words or more, not a TODO). Read
     * from the source text: the Java frontend does not keep comments (parsing is faster without).
     */
    static boolean given(SourceModule m, Node region) {
        return region != null && given(m, region.range().startOffset(), region.range().endOffset());
    }

    static boolean given(SourceModule m, int from, int to) {
        String code = m.text().content();
        for (String c : comments(code.substring(Math.max(0, from), Math.min(code.length(), to)))) {
            String text = c.replaceAll("(?m)^\\s*\\*+", " ").replaceAll("\\s+", " ").strip();
            if (text.isEmpty() || NOT_A_REASON.matcher(text).matches()) continue;
            if (text.split(" ").length >= 3 || text.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count() >= 4) {
                return true;
            }
        }
        return false;
    }

    /** The comments of a piece of code, skipping string literals. */
    static java.util.List<String> comments(String code) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int n = code.length();
        for (int i = 0; i < n; i++) {
            char ch = code.charAt(i);
            if (ch == '"' || ch == '\'' || ch == '`') {
                for (i++; i < n && code.charAt(i) != ch; i++) {
                    if (code.charAt(i) == '\\') i++;
                }
            } else if (ch == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
                int end = code.indexOf('\n', i);
                if (end < 0) end = n;
                out.add(code.substring(i + 2, end));
                i = end;
            } else if (ch == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
                int end = code.indexOf("*/", i + 2);
                if (end < 0) end = n;
                out.add(code.substring(i + 2, end));
                i = end + 1;
            }
        }
        return out;
    }

    static boolean ignoredName(String name) {
        return name != null && IGNORED_NAME.matcher(name).matches();
    }
}
