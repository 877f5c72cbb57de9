package dev.prodlint.frontend;

/** A file that could not be parsed or lowered; reported as an error for that file, the scan goes on. */
public final class ParseFailure extends Exception {
    private final int line;

    public ParseFailure(String message, int line) {
        super(message);
        this.line = line;
    }

    /** The 1-based line of the first problem, or 0 when unknown. */
    public int line() {
        return line;
    }
}
