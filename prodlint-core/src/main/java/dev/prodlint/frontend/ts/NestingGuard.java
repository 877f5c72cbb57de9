package dev.prodlint.frontend.ts;

/**
 * The native parser recurses on its thread's stack and aborts the whole JVM when that overflows,
 * which no handler can catch. Before handing it a file we estimate the nesting depth lexically
 * (brackets outside strings and comments, and JSX elements) and refuse files far deeper than any
 * hand-written code; the scan workers' large stacks cover everything below the limit.
 */
final class NestingGuard {
    static final int MAX_DEPTH = 1000;

    private NestingGuard() {
    }

    /** The estimated maximum nesting depth. */
    static int depth(String s, boolean jsx) {
        int depth = 0;
        int max = 0;
        int n = s.length();
        char prevSignificant = ';';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '/':
                    if (i + 1 < n && s.charAt(i + 1) == '/') {
                        while (i < n && s.charAt(i) != '\n') i++;
                        continue;
                    }
                    if (i + 1 < n && s.charAt(i + 1) == '*') {
                        int end = s.indexOf("*/", i + 2);
                        i = end < 0 ? n : end + 1;
                        continue;
                    }
                    if (jsx && i + 1 < n && s.charAt(i + 1) == '>') depth = Math.max(0, depth - 1);
                    break;
                case '"', '\'', '`': {
                    char q = c;
                    i++;
                    while (i < n && s.charAt(i) != q) {
                        if (s.charAt(i) == '\\') i++;
                        else if (q != '`' && s.charAt(i) == '\n') break;
                        i++;
                    }
                    prevSignificant = 'a';
                    continue;
                }
                case '(', '[', '{':
                    depth++;
                    break;
                case ')', ']', '}':
                    depth = Math.max(0, depth - 1);
                    break;
                case '<':
                    if (jsx && i + 1 < n) {
                        char next = s.charAt(i + 1);
                        if (next == '/') {
                            depth = Math.max(0, depth - 1);
                        } else if ((Character.isLetter(next) || next == '>') && "(>=?:,{[&|;".indexOf(prevSignificant) >= 0) {
                            depth++;
                        }
                    }
                    break;
                default:
                    break;
            }
            if (depth > max) max = depth;
            if (!Character.isWhitespace(c)) prevSignificant = c;
        }
        return max;
    }
}
