package dev.prodlint.frontend.java;

import dev.prodlint.frontend.Frontend;
import dev.prodlint.frontend.ParseFailure;
import dev.prodlint.model.Language;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.SourceText;
import java.util.Locale;
import javax.tools.Diagnostic;

/**
 * Java through the JDK's own parser (parse only: nothing is resolved, compiled or loaded), lowered
 * by {@link JavaLowering}. Chosen over JavaParser by measurement: several times faster on the same
 * files (see the README, Performance). It reads the Java of the JDK it runs on, previews included.
 * One instance per thread.
 */
public final class JavaFrontend implements Frontend {
    /** The program model's own limit (engine.FileAnalyzer.MAX_MODEL_DEPTH), checked before lowering. */
    static final int MAX_DEPTH = 2000;
    private static final int FEATURE = Runtime.version().feature();

    private final JavacParser parser = TaskParser.available() ? JavacParser.create() : null;
    private long lastParseNanos;

    @Override
    public long lastParseNanos() {
        return lastParseNanos;
    }

    @Override
    public SourceModule lower(String path, Language language, String content) throws ParseFailure {
        if (parser == null) {
            throw new ParseFailure("Java files need a JDK (its jdk.compiler module parses them); this Java runtime has none", 0);
        }
        long start = System.nanoTime();
        ParsedJava parsed;
        try {
            parsed = parser.parse(content);
        } catch (AssertionError e) {
            // javac checks its own invariants while recovering from some malformed input (found by
            // fuzzing: JavacParser.reportSyntaxError); the file is broken, the scan goes on
            throw new ParseFailure("Java syntax error: javac's parser gave up on this file (" + e + ")", 0);
        } finally {
            lastParseNanos = System.nanoTime() - start;
        }
        if (parsed.unit() == null || !parsed.errors().isEmpty()) {
            Diagnostic<?> first = parsed.errors().isEmpty() ? null : parsed.errors().get(0);
            String msg = first == null ? "unparseable" : first.getMessage(Locale.ROOT).lines().findFirst().orElse("syntax error");
            int line = first == null || first.getLineNumber() == Diagnostic.NOPOS ? 0 : (int) first.getLineNumber();
            throw new ParseFailure("Java syntax error: " + msg + " (read as Java " + FEATURE
                    + ", the version of the JDK running prodlint)", line);
        }
        if (TreeDepth.exceeding(parsed.unit(), MAX_DEPTH) > MAX_DEPTH) {
            throw new ParseFailure("nesting over " + MAX_DEPTH + " levels deep; skipped (javac finds the end of such"
                    + " chains in time growing with the square of their depth)", 0);
        }
        return new JavaLowering(path, new SourceText(content), parsed.unit(), parsed.positions()).lower();
    }
}
