package dev.prodlint.frontend.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import dev.prodlint.frontend.Frontend;
import dev.prodlint.frontend.ParseFailure;
import dev.prodlint.model.Language;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.SourceText;

/** Java through JavaParser: a full typed syntax tree in pure Java, lowered by {@link JavaLowering}. */
public final class JavaFrontend implements Frontend {
    private final JavaParser parser;

    public JavaFrontend() {
        ParserConfiguration config = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
                .setAttributeComments(false)
                .setLexicalPreservationEnabled(false);
        // The language level's validators reject code a compiler would; prodlint reads code that
        // compiles, and dropping them doubles parsing speed (measured on Apache DolphinScheduler).
        config.getProcessors().clear();
        this.parser = new JavaParser(config);
    }

    private long lastParseNanos;

    @Override
    public long lastParseNanos() {
        return lastParseNanos;
    }

    @Override
    public SourceModule lower(String path, Language language, String content) throws ParseFailure {
        long start = System.nanoTime();
        ParseResult<CompilationUnit> result = parser.parse(content);
        lastParseNanos = System.nanoTime() - start;
        if (result.getResult().isEmpty() || !result.isSuccessful()) {
            Problem first = result.getProblems().isEmpty() ? null : result.getProblems().get(0);
            int line = first == null ? 0 : first.getLocation()
                    .flatMap(l -> l.getBegin().getRange()).map(r -> r.begin.line).orElse(0);
            String msg = first == null ? "unparseable" : first.getMessage().lines().findFirst().orElse("syntax error");
            throw new ParseFailure("Java syntax error: " + msg, line);
        }
        return new JavaLowering(path, new SourceText(content)).lower(result.getResult().get());
    }
}
