package dev.prodlint.apimodel;

import java.util.List;

/** Name patterns of the model files: {@code *} matches any run of characters; case counts. */
public final class Globs {
    private Globs() {
    }

    public static boolean any(List<String> globs, String name) {
        if (name == null || globs == null) return false;
        for (String g : globs) {
            if (matches(g, name)) return true;
        }
        return false;
    }

    public static boolean matches(String glob, String name) {
        if (name == null) return false;
        int star = glob.indexOf('*');
        if (star < 0) return glob.equals(name);
        // no split or substring for the usual one-star glob: asked for every call of every file
        int last = glob.lastIndexOf('*');
        int suffix = glob.length() - last - 1;
        int end = name.length() - suffix;
        if (end < star || !name.regionMatches(0, glob, 0, star) || !name.regionMatches(end, glob, last + 1, suffix)) {
            return false;
        }
        int at = star;
        for (int from = star + 1; from <= last; ) {
            int next = glob.indexOf('*', from);
            String part = glob.substring(from, next);
            int found = name.indexOf(part, at);
            if (found < 0 || found + part.length() > end) return false;
            at = found + part.length();
            from = next + 1;
        }
        return true;
    }
}
