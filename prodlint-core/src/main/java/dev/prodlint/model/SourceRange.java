package dev.prodlint.model;

/**
 * A span of source text. Lines and columns start at 1; columns and offsets count UTF-16 code units
 * of the decoded text (SARIF's default column kind). The end is exclusive.
 */
public record SourceRange(int startLine, int startColumn, int endLine, int endColumn,
                          int startOffset, int endOffset) {

    public static final SourceRange NONE = new SourceRange(1, 1, 1, 1, 0, 0);
}
