package dev.prodlint.model;

import java.util.Arrays;

/** The decoded text of a file with a line table, for mapping offsets to lines and back. */
public final class SourceText {
    private final String content;
    private final int[] lineStarts;

    public SourceText(String content) {
        this.content = content;
        int[] starts = new int[64];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            boolean lineEnd = c == '\n' || (c == '\r' && (i + 1 >= content.length() || content.charAt(i + 1) != '\n'));
            if (lineEnd) {
                if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
                starts[n++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, n);
    }

    public String content() {
        return content;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** 1-based line of an offset. */
    public int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** Offset of a 1-based line and column. */
    public int offsetOf(int line, int column) {
        if (line < 1) return 0;
        if (line > lineStarts.length) return content.length();
        return Math.min(content.length(), lineStarts[line - 1] + Math.max(0, column - 1));
    }

    /** The text of a 1-based line without its terminator. */
    public String line(int line) {
        if (line < 1 || line > lineStarts.length) return "";
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : content.length();
        while (end > start && (content.charAt(end - 1) == '\n' || content.charAt(end - 1) == '\r')) end--;
        return content.substring(start, end);
    }

    public String slice(SourceRange r) {
        int s = Math.max(0, Math.min(r.startOffset(), content.length()));
        int e = Math.max(s, Math.min(r.endOffset(), content.length()));
        return content.substring(s, e);
    }

    /** A range from two offsets. */
    public SourceRange range(int startOffset, int endOffset) {
        int sl = lineOf(startOffset);
        int el = lineOf(endOffset);
        return new SourceRange(sl, startOffset - lineStarts[sl - 1] + 1, el, endOffset - lineStarts[el - 1] + 1,
                startOffset, endOffset);
    }

    /** A range from 1-based line/column pairs, end inclusive as parsers report it. */
    public SourceRange rangeOfInclusive(int beginLine, int beginColumn, int endLine, int endColumn) {
        int s = offsetOf(beginLine, beginColumn);
        int e = Math.min(content.length(), offsetOf(endLine, endColumn) + 1);
        return new SourceRange(beginLine, beginColumn, endLine, endColumn + 1, s, Math.max(s, e));
    }

    public SourceRange fullRange() {
        return range(0, content.length());
    }
}
