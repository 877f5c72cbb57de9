package dev.prodlint.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Reads what a project declares beside its code: unique keys in SQL DDL and migrations and Prisma
 * schemas, Spring XML transaction advice. Never executed; unreadable or oversized files are left out.
 */
final class SchemaFiles {
    private SchemaFiles() {
    }

    static void read(List<Path> roots, long maxBytes, dev.prodlint.analysis.db.DbIndex out) {
        visit(roots, maxBytes, (file, name) -> {
            try {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                if (name.endsWith(".sql")) out.unique().sql(text);
                else if (name.endsWith(".prisma")) out.unique().prisma(text);
                else out.declarative().xml(text);
            } catch (IOException | RuntimeException e) {
                // a schema file we cannot read adds no keys
            }
        });
    }

    /** The schema files {@link #read} would read, for a cache key: each path with its size and content. */
    static void forEach(List<Path> roots, long maxBytes, java.util.function.Consumer<Path> each) {
        visit(roots, maxBytes, (file, name) -> each.accept(file));
    }

    private static void visit(List<Path> roots, long maxBytes, java.util.function.BiConsumer<Path, String> each) {
        for (Path root : roots) {
            if (!Files.isDirectory(root)) continue;
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        Path name = dir.getFileName();
                        return name != null && !dir.equals(root) && FileWalker.SKIPPED_DIRS.contains(name.toString())
                                ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                        if (attrs.isRegularFile() && attrs.size() <= maxBytes && (n.endsWith(".sql") || n.endsWith(".prisma") || n.endsWith(".xml"))) {
                            each.accept(file, n);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                // what was found so far stands
            }
        }
    }
}
