package dev.prodlint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GitIgnoreTest {
    @Test
    void matchesTheDocumentedForms() {
        GitIgnore g = GitIgnore.parse(List.of("# comment", "*.gen.ts", "/build-tmp", "logs/", "!keep.gen.ts", "docs/**/*.js", ""));
        assertThat(g.match("src/a.gen.ts", false)).isTrue();
        assertThat(g.match("keep.gen.ts", false)).isFalse();
        assertThat(g.match("build-tmp", true)).isTrue();
        assertThat(g.match("src/build-tmp", true)).isNull();
        assertThat(g.match("logs", true)).isTrue();
        assertThat(g.match("logs", false)).isNull();
        assertThat(g.match("docs/a/b/c.js", false)).isTrue();
        assertThat(g.match("src/orders.ts", false)).isNull();
    }

    @Test
    void testFilesAreRecognised() {
        assertThat(FileWalker.isTestFile("orders.test.ts")).isTrue();
        assertThat(FileWalker.isTestFile("orders.spec.tsx")).isTrue();
        assertThat(FileWalker.isTestFile("OrderRepositoryTest.java")).isTrue();
        assertThat(FileWalker.isTestFile("orders.ts")).isFalse();
        assertThat(FileWalker.isTestFile("Contest.java")).isFalse();
        assertThat(FileWalker.isTestDir(java.nio.file.Path.of("/r/src/test"))).isTrue();
        assertThat(FileWalker.isTestDir(java.nio.file.Path.of("/r/web/__tests__"))).isTrue();
        assertThat(FileWalker.isTestDir(java.nio.file.Path.of("/r/src/main/java/com/acme/demo/test"))).isFalse();
        assertThat(FileWalker.isTestDir(java.nio.file.Path.of("/r/src/main/java/com/acme/demo"))).isFalse();
    }
}
