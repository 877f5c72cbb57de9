package dev.prodlint.model;

import java.util.Locale;
import java.util.Optional;

/** The source languages prodlint reads. JavaScript includes JSX; TypeScript excludes TSX. */
public enum Language {
    JAVA("java"), TYPESCRIPT("typescript"), TSX("tsx"), JAVASCRIPT("javascript");

    private final String id;

    Language(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** True for the languages that share the JavaScript runtime and its libraries. */
    public boolean isJsFamily() {
        return this != JAVA;
    }

    public static Optional<Language> forPath(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".java")) return Optional.of(JAVA);
        if (p.endsWith(".d.ts")) return Optional.empty();
        if (p.endsWith(".ts") || p.endsWith(".mts") || p.endsWith(".cts")) return Optional.of(TYPESCRIPT);
        if (p.endsWith(".tsx")) return Optional.of(TSX);
        if (p.endsWith(".js") || p.endsWith(".mjs") || p.endsWith(".cjs") || p.endsWith(".jsx")) {
            return Optional.of(JAVASCRIPT);
        }
        return Optional.empty();
    }
}
