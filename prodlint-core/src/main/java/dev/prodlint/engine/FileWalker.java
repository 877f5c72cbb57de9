package dev.prodlint.engine;

import dev.prodlint.model.Language;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Lists the source files under the given paths: honours .gitignore files, skips dependency and
 * build output folders, and never follows a symbolic link out of the scan root.
 */
public final class FileWalker {
    /** Folders that hold dependencies, build output or tool state, never the project's own source. */
    static final Set<String> SKIPPED_DIRS = Set.of("node_modules", "dist", "build", "target", "out", ".git",
            ".hg", ".svn", "vendor", "bower_components", "coverage", ".next", ".nuxt", ".turbo", ".cache",
            ".gradle", ".idea", ".vscode", "__generated__", "generated-sources", ".yarn", "jspm_packages");

    /** Folders of test code: prodlint looks for production hazards, and tests do not run in production. */
    static final Set<String> TEST_DIRS = Set.of("test", "tests", "__tests__", "__mocks__", "__fixtures__", "spec",
            "e2e", "testdata", "test-utils", "testing", "e2e_tests", "e2e-tests", "integration-tests", "cypress", "playwright", "perfTest", "perf-test", "benchmarks",
            "load-testing", "loadtest");
    private static final java.util.regex.Pattern TEST_FILE = java.util.regex.Pattern.compile(
            ".*\\.(test|spec|e2e-spec)\\.[cm]?[jt]sx?$|.*(Test|Tests|IT|TestCase)\\.java$");

    private final Path base;
    private final List<String> notes;
    private final boolean includeTests;

    /**
     * @param base  the directory report paths are relative to
     * @param notes receives a line for each path passed over that a user may wonder about
     */
    FileWalker(Path base, List<String> notes, boolean includeTests) {
        this.base = base.toAbsolutePath().normalize();
        this.notes = notes;
        this.includeTests = includeTests;
    }

    /**
     * A folder of tests: {@code test}, {@code __tests__}, ... except a Java package folder under
     * {@code src/main} ({@code src/main/java/com/acme/demo/test/}), which is production code.
     */
    public static boolean isTestDir(Path dir) {
        if (!TEST_DIRS.contains(dir.getFileName().toString())) return false;
        for (int i = 0; i + 1 < dir.getNameCount() - 1; i++) {
            if (dir.getName(i).toString().equals("src") && dir.getName(i + 1).toString().equals("main")) return false;
        }
        return true;
    }

    public static boolean isTestFile(String name) {
        return TEST_FILE.matcher(name).matches();
    }

    /** A file under a test folder or named as a test: the scan passes them over unless asked, and some rules stay silent on them. */
    public static boolean isTest(String path) {
        Path p = Path.of(path.replace('\\', '/'));
        if (isTestFile(p.getFileName().toString())) return true;
        for (Path dir = p.getParent(); dir != null && dir.getFileName() != null; dir = dir.getParent()) {
            if (isTestDir(dir)) return true;
        }
        return false;
    }

    List<SourceFile> walk(Path root) throws IOException {
        Path absRoot = root.toAbsolutePath().normalize();
        List<SourceFile> out = new ArrayList<>();
        if (Files.isRegularFile(absRoot)) {
            Optional<Language> lang = Language.forPath(absRoot.getFileName().toString());
            if (lang.isPresent()) out.add(new SourceFile(absRoot, reportPath(absRoot), lang.get()));
            else notes.add(reportPath(absRoot) + ": not a TypeScript, JavaScript or Java file");
            return out;
        }
        if (!Files.isDirectory(absRoot)) {
            // a named pipe or device would block or never end when read
            notes.add(reportPath(absRoot) + ": not a regular file or directory, skipped");
            return out;
        }
        Path realRoot = absRoot.toRealPath();
        Deque<IgnoreLevel> ignores = new ArrayDeque<>();
        // .gitignore files above the root still apply inside it, up to the repository top.
        for (Path p : ancestorsWithinRepo(absRoot)) {
            Path gi = p.resolve(".gitignore");
            if (Files.isRegularFile(gi)) ignores.addLast(new IgnoreLevel(p, GitIgnore.read(gi)));
        }
        // a directory named on the command line that the repository ignores (a build's output, a
        // cloned test project under target/) is scanned as asked: only ignore files inside it apply
        if (isIgnored(ignores, absRoot, true)) ignores.clear();
        Files.walkFileTree(absRoot, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(absRoot)) {
                    String name = dir.getFileName().toString();
                    if (SKIPPED_DIRS.contains(name) || isIgnored(ignores, dir, true)) return FileVisitResult.SKIP_SUBTREE;
                    if (!includeTests && isTestDir(dir)) return FileVisitResult.SKIP_SUBTREE;
                }
                Path gi = dir.resolve(".gitignore");
                if (Files.isRegularFile(gi, LinkOption.NOFOLLOW_LINKS)) ignores.addLast(new IgnoreLevel(dir, GitIgnore.read(gi)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                if (!ignores.isEmpty() && ignores.peekLast().dir.equals(dir)) ignores.removeLast();
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                Optional<Language> lang = Language.forPath(name);
                if (lang.isEmpty()) return FileVisitResult.CONTINUE;
                if (isIgnored(ignores, file, false)) return FileVisitResult.CONTINUE;
                if (!includeTests && isTestFile(name)) return FileVisitResult.CONTINUE;
                if (attrs.isSymbolicLink()) {
                    try {
                        Path target = file.toRealPath();
                        if (!target.startsWith(realRoot)) {
                            notes.add(reportPath(file) + ": symbolic link out of the scan root, not followed");
                            return FileVisitResult.CONTINUE;
                        }
                        if (!Files.isRegularFile(target)) return FileVisitResult.CONTINUE;
                    } catch (IOException e) {
                        notes.add(reportPath(file) + ": broken symbolic link, skipped");
                        return FileVisitResult.CONTINUE;
                    }
                } else if (!attrs.isRegularFile()) {
                    return FileVisitResult.CONTINUE;
                }
                out.add(new SourceFile(file, reportPath(file), lang.get()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                notes.add(reportPath(file) + ": cannot be read (" + exc.getClass().getSimpleName() + ")");
                return FileVisitResult.CONTINUE;
            }
        });
        return out;
    }

    private record IgnoreLevel(Path dir, GitIgnore rules) {
    }

    private static boolean isIgnored(Deque<IgnoreLevel> levels, Path p, boolean dir) {
        Boolean ignored = null;
        for (IgnoreLevel level : levels) {
            if (!p.startsWith(level.dir) || p.equals(level.dir)) continue;
            String rel = level.dir.relativize(p).toString().replace('\\', '/');
            Boolean m = level.rules.match(rel, dir);
            if (m != null) ignored = m;
        }
        return Boolean.TRUE.equals(ignored);
    }

    /** The root's ancestors (outermost first) up to and excluding the root, within its git repository. */
    private static List<Path> ancestorsWithinRepo(Path root) {
        List<Path> chain = new ArrayList<>();
        for (Path p = root.getParent(); p != null; p = p.getParent()) {
            chain.add(0, p);
            if (Files.exists(p.resolve(".git"))) return chain;
        }
        return List.of();
    }

    String reportPath(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        String s = abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
        s = s.replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }
}
