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
        String[] parts = glob.split("\\*", -1);
        if (!name.startsWith(parts[0])) return false;
        int at = parts[0].length();
        int end = name.length() - parts[parts.length - 1].length();
        if (end < at || !name.endsWith(parts[parts.length - 1])) return false;
        for (int i = 1; i < parts.length - 1; i++) {
            int found = name.indexOf(parts[i], at);
            if (found < 0 || found + parts[i].length() > end) return false;
            at = found + parts[i].length();
        }
        return true;
    }
}
