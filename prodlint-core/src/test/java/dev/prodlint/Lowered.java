package dev.prodlint;

import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.apimodel.ApiModels;
import dev.prodlint.frontend.ParseFailure;
import dev.prodlint.frontend.java.JavaFrontend;
import dev.prodlint.frontend.ts.TypeScriptFrontend;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.Node;
import dev.prodlint.model.SourceModule;
import dev.prodlint.resolve.NameResolver;
import java.util.ArrayList;
import java.util.List;

/** Test helper: lower and resolve a snippet, and find nodes in it. */
public final class Lowered {
    private static final ApiModels MODELS = ApiModels.bundled();

    private Lowered() {
    }

    public static SourceModule ts(String code) {
        return lower(Language.TYPESCRIPT, code);
    }

    public static SourceModule java(String code) {
        return lower(Language.JAVA, code);
    }

    public static SourceModule lower(Language language, String code) {
        try {
            SourceModule m = language == Language.JAVA
                    ? new JavaFrontend().lower("Snippet.java", language, code)
                    : new TypeScriptFrontend().lower("snippet.ts", language, code);
            NameResolver.resolve(m);
            return m;
        } catch (ParseFailure e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** What one rule reports on one file's code. */
    public static java.util.List<dev.prodlint.rules.Finding> findings(dev.prodlint.rules.Rule rule, Language language, String code) {
        java.util.List<dev.prodlint.rules.Finding> out = new java.util.ArrayList<>();
        rule.check(context(lower(language, code)), out::add);
        return out;
    }

    public static ModuleContext context(SourceModule m) {
        return new ModuleContext(m, MODELS);
    }

    public static <T extends Node> List<T> all(Node root, Class<T> type) {
        List<T> out = new ArrayList<>();
        root.walk(n -> {
            if (type.isInstance(n)) out.add(type.cast(n));
        });
        return out;
    }

    public static FunctionDecl function(SourceModule m, String name) {
        return m.allFunctions().stream().filter(f -> name.equals(f.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no function " + name));
    }
}
