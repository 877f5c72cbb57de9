package dev.prodlint.frontend.ts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Legacy decorators written before {@code export} ({@code @observer export default class}, common
 * in MobX-era React) are rejected by SWC. This moves the {@code export} keywords ahead of the
 * decorators: the text keeps its length and line count, and the class and its body keep their offsets.
 */
final class DecoratedExports {
    private static final Pattern EXPORT = Pattern.compile("export\\s+(?:default\\s+)?(?=class\\b|abstract\\b)");

    private DecoratedExports() {
    }

    static String reorder(String s) {
        StringBuilder out = new StringBuilder(s);
        int i = 0;
        while ((i = s.indexOf('@', i)) >= 0) {
            if (!atLineStart(s, i)) {
                i++;
                continue;
            }
            int end = Math.min(skipDecorators(s, i), s.length());
            Matcher m = EXPORT.matcher(s).region(end, s.length());
            if (end > i && m.lookingAt()) {
                String decorators = s.substring(i, end);
                String keywords = s.substring(end, m.end());
                out.replace(i, m.end(), keywords + decorators);
                i = m.end();
            } else {
                i = Math.max(i + 1, end);
            }
        }
        return out.toString();
    }

    private static boolean atLineStart(String s, int i) {
        for (int k = i - 1; k >= 0 && s.charAt(k) != '\n'; k--) {
            if (!Character.isWhitespace(s.charAt(k))) return false;
        }
        return true;
    }

    /** The end of a run of decorators starting at {@code i}, with the whitespace and comments after it. */
    private static int skipDecorators(String s, int i) {
        int p = i;
        while (p < s.length() && s.charAt(p) == '@') {
            p++;
            while (p < s.length() && (Character.isJavaIdentifierPart(s.charAt(p)) || s.charAt(p) == '.')) p++;
            if (p < s.length() && s.charAt(p) == '(') p = skipBalanced(s, p);
            p = skipSpace(s, p);
        }
        return p;
    }

    private static int skipBalanced(String s, int p) {
        int depth = 0;
        while (p < s.length()) {
            char c = s.charAt(p);
            if (c == '\'' || c == '"' || c == '`') {
                p++;
                while (p < s.length() && s.charAt(p) != c) p += s.charAt(p) == '\\' ? 2 : 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (--depth == 0) return p + 1;
            }
            p++;
        }
        return Math.min(p, s.length());
    }

    private static int skipSpace(String s, int p) {
        while (p < s.length()) {
            if (Character.isWhitespace(s.charAt(p))) {
                p++;
            } else if (s.startsWith("//", p)) {
                int nl = s.indexOf('\n', p);
                p = nl < 0 ? s.length() : nl + 1;
            } else if (s.startsWith("/*", p)) {
                int close = s.indexOf("*/", p + 2);
                p = close < 0 ? s.length() : close + 2;
            } else {
                break;
            }
        }
        return p;
    }
}
