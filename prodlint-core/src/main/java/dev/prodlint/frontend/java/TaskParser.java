package dev.prodlint.frontend.java;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * javac through its public task API: a new compiler context for every file, which costs about a
 * millisecond before parsing starts. Used where javac's internals are not exported to prodlint
 * (inside Maven, or a JVM started without the launcher's options).
 */
final class TaskParser implements JavacParser {
    private static final JavaCompiler COMPILER = ToolProvider.getSystemJavaCompiler();
    /** Parse only, at the running JDK's language level, previews on so their syntax parses too ({@code --release} would cost 40 ms a file). */
    private static final List<String> OPTIONS = List.of("-proc:none", "--enable-preview", "-source",
            String.valueOf(Runtime.version().feature()), "-Xlint:none", "-nowarn");

    private final StandardJavaFileManager files = COMPILER == null ? null
            : COMPILER.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);

    static boolean available() {
        return COMPILER != null;
    }

    @Override
    public ParsedJava parse(String content) {
        List<Diagnostic<?>> errors = new ArrayList<>();
        JavacTask task = (JavacTask) COMPILER.getTask(null, files, d -> {
            if (d.getKind() == Diagnostic.Kind.ERROR) errors.add(d);
        }, OPTIONS, null, List.of(new JavaSource(content)));
        try {
            Iterator<? extends CompilationUnitTree> units = task.parse().iterator();
            return new ParsedJava(units.hasNext() ? units.next() : null, Trees.instance(task).getSourcePositions(), errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
