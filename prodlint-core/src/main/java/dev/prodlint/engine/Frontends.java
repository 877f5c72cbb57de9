package dev.prodlint.engine;

import dev.prodlint.frontend.Frontend;
import dev.prodlint.frontend.java.JavaFrontend;
import dev.prodlint.frontend.ts.TypeScriptFrontend;
import dev.prodlint.model.Language;
import java.util.EnumMap;
import java.util.Map;

/** One thread's frontends, created on first use (parsers must not be shared between threads). */
final class Frontends {
    private final Map<Language, Frontend> byLanguage = new EnumMap<>(Language.class);

    Frontend forLanguage(Language language) {
        return byLanguage.computeIfAbsent(language, l -> l == Language.JAVA ? new JavaFrontend() : sharedJs());
    }

    private Frontend sharedJs() {
        for (Map.Entry<Language, Frontend> e : byLanguage.entrySet()) {
            if (e.getKey().isJsFamily()) return e.getValue();
        }
        return new TypeScriptFrontend();
    }
}
