package dev.prodlint.apimodel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lifecycle knowledge as data (models/lifecycles.yaml): which code runs once per connection or
 * request, what ends it and whether that end also follows an error, and which registrations need
 * which undo. Immutable, shared by all scan threads.
 */
public final class Lifecycles {
    private static final String FILE = "/dev/prodlint/models/lifecycles.yaml";
    private static volatile Lifecycles bundled;

    private final Js js;
    private final JavaSide java;

    private Lifecycles(File file) {
        this.js = file.javascript();
        this.java = file.java();
    }

    public static Lifecycles bundled() {
        Lifecycles l = bundled;
        if (l == null) {
            try (InputStream in = Lifecycles.class.getResourceAsStream(FILE)) {
                if (in == null) throw new IllegalStateException("missing " + FILE);
                l = new Lifecycles(new ObjectMapper(new YAMLFactory()).readValue(in, File.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundled = l;
        }
        return l;
    }

    public Js js() {
        return js;
    }

    public JavaSide java() {
        return java;
    }

    /** How an end of a scope covers its endings: complete, or with the endings it misses. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record End(@JsonProperty("method") String method, @JsonProperty("annotation") String annotation,
                      @JsonProperty("complete") boolean complete, @JsonProperty("note") String note,
                      @JsonProperty("misses") String misses) {
    }

    /** A registration method family, what undoes it, and what it registers. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Pair(@JsonProperty("register") List<String> register, @JsonProperty("undo") List<String> undo,
                       @JsonProperty("kind") String kind) {
        public boolean registers(String name) {
            return Globs.any(register, name);
        }

        public boolean undoes(String name) {
            return Globs.any(undo, name);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    public record ClassScope(@JsonProperty("open") List<String> open, @JsonProperty("perMessage") List<String> perMessage,
                             @JsonProperty("ends") List<End> ends) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Js(@JsonProperty("openEvents") List<String> openEvents,
                     @JsonProperty("serverFactories") List<String> serverFactories,
                     @JsonProperty("routeMethods") List<String> routeMethods,
                     @JsonProperty("endEvents") Map<String, End> endEvents,
                     @JsonProperty("classScopes") List<ClassScope> classScopes,
                     @JsonProperty("pairs") List<Pair> pairs,
                     @JsonProperty("collectionAdds") List<String> collectionAdds,
                     @JsonProperty("collectionRemoves") List<String> collectionRemoves,
                     @JsonProperty("handleUndo") List<String> handleUndo,
                     @JsonProperty("globals") List<String> globals) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    public record JavaScope(@JsonProperty("id") String id, @JsonProperty("what") String what,
                            @JsonProperty("undoAt") String undoAt,
                            @JsonProperty("openMethods") List<String> openMethods,
                            @JsonProperty("openAnnotations") List<String> openAnnotations,
                            @JsonProperty("perMessageAnnotations") List<String> perMessageAnnotations,
                            @JsonProperty("ends") List<End> ends) {
        public JavaScope {
            openMethods = openMethods == null ? List.of() : openMethods;
            openAnnotations = openAnnotations == null ? List.of() : openAnnotations;
            perMessageAnnotations = perMessageAnnotations == null ? List.of() : perMessageAnnotations;
            ends = ends == null ? List.of() : ends;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    public record JavaSide(@JsonProperty("scopes") List<JavaScope> scopes,
                           @JsonProperty("callbackEnds") Map<String, End> callbackEnds,
                           @JsonProperty("pairs") List<Pair> pairs,
                           @JsonProperty("collectionAdds") List<String> collectionAdds,
                           @JsonProperty("collectionRemoves") List<String> collectionRemoves,
                           @JsonProperty("handleUndo") List<String> handleUndo,
                           @JsonProperty("threadLocals") List<String> threadLocals) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    private record File(@JsonProperty("javascript") Js javascript, @JsonProperty("java") JavaSide java) {
    }

    /** The pair whose registration names match, for the language. */
    public Optional<Pair> pairFor(boolean javaLang, String method) {
        if (method == null) return Optional.empty();
        for (Pair p : javaLang ? java.pairs() : js.pairs()) {
            if (p.registers(method)) return Optional.of(p);
        }
        return Optional.empty();
    }

}
