package dev.prodlint.frontend.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.SourceRange;
import dev.prodlint.model.SourceText;
import dev.prodlint.model.TypeRef;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The direct parser (what the jar runs) and the task API (what runs inside Maven) give the same model. */
class JavacParsersTest {
    @Test
    void theTestJvmExportsJavacsInternalsAsTheJarDoes() {
        assertThat(DirectParser.available()).as("surefire's argLine exports javac's packages").isTrue();
    }

    @Test
    void bothParsersLowerEveryJavaFixtureToTheSameModel() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources"))) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(50);
        JavacParser direct = new DirectParser();
        JavacParser task = new TaskParser();
        for (Path f : files) {
            String code = Files.readString(f);
            assertThat(dump(direct, code)).as(f.toString()).isEqualTo(dump(task, code));
        }
    }

    @Test
    void aSyntaxErrorIsReportedOnceAndDoesNotLeakIntoTheNextFile() {
        JavacParser direct = new DirectParser();
        for (int i = 0; i < 3; i++) {
            assertThat(direct.parse("class A {\n void f( {\n}").errors()).isNotEmpty();
            assertThat(direct.parse("class B { void f() { } }").errors()).isEmpty();
        }
    }

    private static String dump(JavacParser parser, String code) {
        ParsedJava p = parser.parse(code);
        if (!p.errors().isEmpty()) return "errors " + p.errors().size();
        SourceModule m = new JavaLowering("F.java", new SourceText(code), p.unit(), p.positions()).lower();
        StringBuilder out = new StringBuilder();
        m.walk(n -> out.append(line(n)).append('\n'));
        return out.toString();
    }

    /** A node's class, range and plain fields: enough to tell two models apart. */
    private static String line(Node n) {
        SourceRange r = n.range();
        StringBuilder b = new StringBuilder(n.getClass().getSimpleName()).append(' ').append(r.startOffset()).append('-').append(r.endOffset());
        for (Class<?> c = n.getClass(); c != Node.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) continue;
                f.setAccessible(true);
                try {
                    Object v = f.get(n);
                    if (v instanceof Node || v instanceof SourceText) continue;
                    if (v instanceof TypeRef t) v = t.name() + t.arguments().stream().map(TypeRef::name).toList();
                    if (v instanceof Collection<?> list) v = new ArrayList<>(list).stream().map(x -> x instanceof Node ? "node" : String.valueOf(x)).toList();
                    if (v instanceof Map<?, ?> map) v = map.keySet();
                    b.append(' ').append(f.getName()).append('=').append(v);
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return b.toString();
    }
}
