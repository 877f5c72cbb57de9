package dev.prodlint.engine;

import dev.prodlint.model.Language;
import java.nio.file.Path;

/** A file chosen for scanning: where it is, its path for reports, and its language. */
public record SourceFile(Path file, String reportPath, Language language) {
}
