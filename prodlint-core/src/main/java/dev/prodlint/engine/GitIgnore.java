package dev.prodlint.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The patterns of one .gitignore file, matched against paths relative to its directory. Covers the
 * documented syntax: comments, negation, directory-only patterns, anchoring, *, ?, ** and [...].
 */
final class GitIgnore {
    private record Rule(Pattern pattern, boolean negated, boolean dirOnly) {
    }

    private final List<Rule> rules;

    private GitIgnore(List<Rule> rules) {
        this.rules = rules;
    }

    static GitIgnore read(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return new GitIgnore(List.of());
        }
    }

    static GitIgnore parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.stripTrailing();
            if (line.isEmpty() || line.startsWith("#")) continue;
            boolean negated = line.startsWith("!");
            if (negated) line = line.substring(1);
            if (line.startsWith("\\")) line = line.substring(1);
            boolean dirOnly = line.endsWith("/");
            if (dirOnly) line = line.substring(0, line.length() - 1);
            if (line.isEmpty()) continue;
            boolean anchored = line.contains("/");
            if (line.startsWith("/")) line = line.substring(1);
            String regex = (anchored ? "" : "(?:.*/)?") + globToRegex(line) + "(?:/.*)?";
            rules.add(new Rule(Pattern.compile(regex), negated, dirOnly));
        }
        return new GitIgnore(rules);
    }

    /**
     * @return TRUE if ignored, FALSE if re-included by a negation, null if no pattern matches
     */
    Boolean match(String relative, boolean isDirectory) {
        Boolean result = null;
        for (Rule r : rules) {
            // Directory patterns are matched when the walk reaches the directory, which it then skips.
            if (r.dirOnly && !isDirectory) continue;
            if (r.pattern.matcher(relative).matches()) result = !r.negated;
        }
        return result;
    }

    private static String globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                    sb.append(slashAfter ? "(?:.*/)?" : ".*");
                    i += slashAfter ? 2 : 1;
                } else {
                    sb.append("[^/]*");
                }
            } else if (c == '?') {
                sb.append("[^/]");
            } else if (c == '[') {
                int end = glob.indexOf(']', i + 1);
                if (end < 0) {
                    sb.append("\\[");
                } else {
                    String cls = glob.substring(i + 1, end).replace("\\", "\\\\");
                    if (cls.startsWith("!")) cls = "^" + cls.substring(1);
                    sb.append('[').append(cls).append(']');
                    i = end;
                }
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }
}
