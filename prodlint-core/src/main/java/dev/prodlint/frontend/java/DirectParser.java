package dev.prodlint.frontend.java;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticListener;
import javax.tools.JavaFileObject;

/**
 * javac's parser called directly, one compiler context reused for many files: three to four times
 * faster than {@link TaskParser} on a repository of small files (measured on ruoyi-vue-pro, 5,527
 * files), since setting up a context costs more than parsing most files. javac's internals are not
 * exported; the launcher and the jar's manifest export them, and without that this parser is not
 * used. Reached by reflection so that prodlint still builds with {@code --release 17}.
 */
final class DirectParser implements JavacParser {
    static final List<String> PACKAGES = List.of("com.sun.tools.javac.util", "com.sun.tools.javac.parser",
            "com.sun.tools.javac.file", "com.sun.tools.javac.api", "com.sun.tools.javac.tree");
    private static final Internals JAVAC = Internals.load();
    /** Files parsed in one context before a fresh one: its name table keeps every identifier it saw. */
    private static final int FILES_PER_CONTEXT = 500;

    private final List<Diagnostic<?>> errors = new ArrayList<>();
    private Object log;
    private Object parsers;
    private SourcePositions positions;
    private int used;

    static boolean available() {
        return JAVAC != null;
    }

    @Override
    public ParsedJava parse(String content) {
        boolean done = false;
        try {
            if (log == null || used++ >= FILES_PER_CONTEXT) open();
            errors.clear();
            JAVAC.useSource.invoke(log, new JavaSource(content));
            Object parser = JAVAC.newParser.invoke(parsers, content, false, true, true);
            CompilationUnitTree unit = (CompilationUnitTree) JAVAC.parseUnit.invoke(parser);
            JAVAC.errorCount.setInt(log, 0);   // else javac stops reporting after 100 errors in all
            done = true;
            return new ParsedJava(unit, positions, List.copyOf(errors));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } finally {
            if (!done) log = null;   // a parse that failed half-way may leave the context in any state
        }
    }

    private void open() throws IllegalAccessException, InvocationTargetException {
        try {
            Object context = JAVAC.context.newInstance();
            DiagnosticListener<JavaFileObject> listener = d -> {
                if (d.getKind() == Diagnostic.Kind.ERROR) errors.add(d);
            };
            JAVAC.put.invoke(context, DiagnosticListener.class, listener);
            JAVAC.optionPut.invoke(JAVAC.options.invoke(null, context), "--enable-preview", "true");
            JAVAC.fileManager.newInstance(context, true, StandardCharsets.UTF_8);   // registers itself
            log = JAVAC.log.invoke(null, context);
            parsers = JAVAC.parserFactory.invoke(null, context);
            positions = ((Trees) JAVAC.trees.invoke(null, context)).getSourcePositions();
            used = 1;
        } catch (InstantiationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The handful of javac internals used, found once; null when this runtime does not export them. */
    private record Internals(Constructor<?> context, Method put, Method options, Method optionPut, Constructor<?> fileManager,
                             Method log, Method useSource, Field errorCount, Method parserFactory, Method newParser,
                             Method parseUnit, Method trees) {
        static Internals load() {
            Optional<Module> javac = ModuleLayer.boot().findModule("jdk.compiler");
            if (javac.isEmpty()) return null;
            for (String p : PACKAGES) {
                if (!javac.get().isExported(p, DirectParser.class.getModule())) return null;
            }
            try {
                ClassLoader l = javac.get().getClassLoader();
                Class<?> context = Class.forName("com.sun.tools.javac.util.Context", false, l);
                Class<?> options = Class.forName("com.sun.tools.javac.util.Options", false, l);
                Class<?> log = Class.forName("com.sun.tools.javac.util.Log", false, l);
                Class<?> factory = Class.forName("com.sun.tools.javac.parser.ParserFactory", false, l);
                Class<?> parser = Class.forName("com.sun.tools.javac.parser.JavacParser", false, l);
                Class<?> fileManager = Class.forName("com.sun.tools.javac.file.JavacFileManager", false, l);
                Class<?> trees = Class.forName("com.sun.tools.javac.api.JavacTrees", false, l);
                return new Internals(context.getConstructor(), context.getMethod("put", Class.class, Object.class),
                        options.getMethod("instance", context), options.getMethod("put", String.class, String.class),
                        fileManager.getConstructor(context, boolean.class, Charset.class),
                        log.getMethod("instance", context), log.getMethod("useSource", JavaFileObject.class),
                        log.getField("nerrors"), factory.getMethod("instance", context),
                        factory.getMethod("newParser", CharSequence.class, boolean.class, boolean.class, boolean.class),
                        parser.getMethod("parseCompilationUnit"), trees.getMethod("instance", context));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return null;   // another JDK's internals: the task API still works
            }
        }
    }
}
