package dev.prodlint.frontend.java;

import java.net.URI;
import javax.tools.SimpleJavaFileObject;

/** A file's text as javac reads it; its name only has to look like a Java file. */
final class JavaSource extends SimpleJavaFileObject {
    private final String content;

    JavaSource(String content) {
        super(URI.create("string:///Source.java"), Kind.SOURCE);
        this.content = content;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return content;
    }
}
