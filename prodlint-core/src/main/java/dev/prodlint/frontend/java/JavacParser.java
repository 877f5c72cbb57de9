package dev.prodlint.frontend.java;

/** Parses one Java file with javac's parser, nothing more (no symbols, no classes loaded). */
interface JavacParser {
    ParsedJava parse(String content);

    /** The fastest parser this runtime allows: javac's own parser directly, else through its task API. */
    static JavacParser create() {
        return DirectParser.available() ? new DirectParser() : new TaskParser();
    }
}
