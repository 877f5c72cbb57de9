package dev.prodlint.model;

/** A source comment, kept for inline expectations and suppressions; text excludes the delimiters. */
public record Comment(SourceRange range, String text) {
}
