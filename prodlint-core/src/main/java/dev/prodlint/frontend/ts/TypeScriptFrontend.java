package dev.prodlint.frontend.ts;

import com.caoccao.javet.swc4j.Swc4j;
import com.caoccao.javet.swc4j.enums.Swc4jMediaType;
import com.caoccao.javet.swc4j.enums.Swc4jParseMode;
import com.caoccao.javet.swc4j.exceptions.Swc4jCoreException;
import com.caoccao.javet.swc4j.options.Swc4jParseOptions;
import com.caoccao.javet.swc4j.outputs.Swc4jParseOutput;
import dev.prodlint.frontend.Frontend;
import dev.prodlint.frontend.ParseFailure;
import dev.prodlint.model.Language;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.SourceText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TypeScript, TSX and JavaScript (with JSX) through swc4j: SWC's Rust parser, returning a complete
 * typed Java AST, lowered by {@link SwcLowering}. Chosen over tree-sitter by measurement (see the
 * README). One instance per thread, on a thread with a large stack.
 */
public final class TypeScriptFrontend implements Frontend {
    private static final Pattern POSITION = Pattern.compile(":(\\d+):(\\d+)");

    private final Swc4j swc = new Swc4j();

    private long lastParseNanos;

    @Override
    public long lastParseNanos() {
        return lastParseNanos;
    }

    @Override
    public SourceModule lower(String path, Language language, String content) throws ParseFailure {
        boolean jsx = language == Language.TSX || language == Language.JAVASCRIPT;
        int depth = NestingGuard.depth(content, jsx);
        if (depth > NestingGuard.MAX_DEPTH) {
            throw new ParseFailure("nesting about " + depth + " levels deep, over the limit of " + NestingGuard.MAX_DEPTH
                    + "; skipped to protect the parser", 0);
        }
        Swc4jParseOptions options = new Swc4jParseOptions()
                .setMediaType(mediaType(language))
                .setParseMode(Swc4jParseMode.Program)
                .setCaptureAst(true)
                // comments are read from the text where needed (suppressions, swallowed-error's reasons)
                .setCaptureComments(false);
        Swc4jParseOutput out;
        try {
            long start = System.nanoTime();
            try {
                out = parse(content, options);
            } finally {
                lastParseNanos = System.nanoTime() - start;
            }
        } catch (Swc4jCoreException e) {
            String msg = e.getMessage() == null ? "syntax error" : e.getMessage().lines().findFirst().orElse("syntax error");
            Matcher m = POSITION.matcher(msg);
            int line = m.find() ? Integer.parseInt(m.group(1)) : 0;
            throw new ParseFailure("syntax error: " + msg.replaceAll("file:///\\S*?:\\d+:\\d+", "").strip(), line);
        }
        SourceText text = new SourceText(content);
        OffsetMap offsets = OffsetMap.of(content);
        return new SwcLowering(path, language, text, offsets).lower(out.getProgram());
    }

    /**
     * swc4j 2.0.0 fails to build the Java node of a BigInt literal ({@code 10n}) and logs an error
     * from Rust. Such literals have their {@code n} blanked before parsing: same length, so every
     * offset stays right, and the analysis does not care about a number's kind.
     */
    private Swc4jParseOutput parse(String content, Swc4jParseOptions options) throws Swc4jCoreException {
        String text = content;
        if (mayHaveBigInt(content)) {
            Matcher bigints = BIGINT.matcher(content);
            if (bigints.find()) text = bigints.replaceAll("$1 ");
        }
        try {
            return swc.parse(text, options);
        } catch (Swc4jCoreException e) {
            // Legacy decorators before `export` (`@observer export default class`, MobX-era React)
            // are rejected; moving the keywords ahead of the decorators keeps the length, the line
            // count and the class body's offsets.
            if (e.getMessage() == null || !e.getMessage().contains("between a decorator and a class")) throw e;
            return swc.parse(DecoratedExports.reorder(text), options);
        }
    }


    /**
     * Whether {@link #BIGINT} can match: a decimal digit or {@code _} before an {@code n}, or a
     * hexadecimal, binary or octal prefix. One pass over the text instead of the expression's
     * (which was a tenth of TypeScript parsing time, measured on the generated 1M-line repository).
     */
    static boolean mayHaveBigInt(String content) {
        for (int i = 1; i < content.length(); i++) {
            char c = content.charAt(i);
            char before = content.charAt(i - 1);
            if (c == 'n' && (before >= '0' && before <= '9' || before == '_')) return true;
            if (before == '0' && "xXbBoO".indexOf(c) >= 0) return true;
        }
        return false;
    }

    static final Pattern BIGINT = Pattern.compile("\\b(0[xXbBoO][0-9a-fA-F_]+|[0-9][0-9_]*)n\\b");

    private static Swc4jMediaType mediaType(Language language) {
        return switch (language) {
            case TYPESCRIPT -> Swc4jMediaType.TypeScript;
            case TSX -> Swc4jMediaType.Tsx;
            default -> Swc4jMediaType.Jsx;
        };
    }
}
