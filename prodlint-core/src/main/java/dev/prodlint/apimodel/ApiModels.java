package dev.prodlint.apimodel;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The registry of API models: framework knowledge as data. Built from the bundled model files and,
 * later, from a user's own. Immutable once built, so shared by all scan threads.
 */
public final class ApiModels {
    /** The bundled model files, listed in models/index.txt on the classpath. */
    private static final String INDEX = "/dev/prodlint/models/index.txt";

    private final Map<String, TypeModel> types = new HashMap<>();
    private final Map<String, FunctionModel> functions = new HashMap<>();
    private final List<Hint> hints = new ArrayList<>();

    /** @param java true for a Java model's hint, false for a JavaScript one's */
    private record Hint(Pattern pattern, String typeId, boolean java) {
    }

    private ApiModels() {
    }

    public static ApiModels bundled() {
        return bundled(List.of());
    }

    /**
     * The bundled models plus a project's own files (a team's HTTP wrapper, cache helper or auth
     * middleware), in the same format; a broken file is a {@link ModelFileException} naming it.
     */
    public static ApiModels bundled(List<java.nio.file.Path> extra) {
        Builder b = new Builder();
        for (java.nio.file.Path p : extra) {
            try (InputStream file = java.nio.file.Files.newInputStream(p)) {
                b.add(p.toString(), file);
            } catch (IOException e) {
                throw new ModelFileException(p.toString(), "cannot be read: " + e.getMessage());
            }
        }
        try (InputStream in = ApiModels.class.getResourceAsStream(INDEX)) {
            if (in == null) throw new IllegalStateException("missing " + INDEX);
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) continue;
                try (InputStream file = ApiModels.class.getResourceAsStream("/dev/prodlint/models/" + name)) {
                    if (file == null) throw new IllegalStateException("missing model file " + name);
                    b.add(name, file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.build();
    }

    public Optional<TypeModel> type(String id) {
        return Optional.ofNullable(types.get(id));
    }

    public Optional<FunctionModel> function(String id) {
        return Optional.ofNullable(functions.get(id));
    }

    /** The method rows for {@code name} on a type or its supertypes. */
    public List<MethodModel> methods(String typeId, String name) {
        String key = typeId + '\n' + name;
        List<MethodModel> known = methodRows.get(key);
        if (known != null) return known;
        List<MethodModel> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        collect(typeId, name, out, seen);
        List<MethodModel> result = List.copyOf(out);
        if (methodRows.size() < LOOKUP_CACHE_LIMIT) methodRows.put(key, result);
        return result;
    }

    /** Rows found per type and method name: asked for every classified call, with globs matched each time. */
    private final Map<String, List<MethodModel>> methodRows = new java.util.concurrent.ConcurrentHashMap<>();

    private void collect(String typeId, String name, List<MethodModel> out, Set<String> seen) {
        TypeModel t = types.get(typeId);
        if (t == null || !seen.add(t.id())) return;
        for (MethodModel m : t.methods()) {
            if (m.names().contains(name)) out.add(m);
        }
        // Constructors are named "<init>" and only named rows cover them.
        if (name.equals("<init>")) return;
        // Globs ("find*") come after exact names, "*" rows after both: they cover the other methods.
        for (MethodModel m : t.methods()) {
            if (!m.names().contains(name) && m.names().stream().anyMatch(g -> isGlob(g) && globMatches(g, name))) out.add(m);
        }
        for (String s : t.supertypes()) collect(s, name, out, seen);
        for (MethodModel m : t.methods()) {
            if (m.names().contains("*") && !m.names().contains(name)) out.add(m);
        }
    }


    public List<MethodModel> methodsWithRole(String typeId, Role role) {
        List<MethodModel> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        ArrayList<String> queue = new ArrayList<>(List.of(typeId));
        while (!queue.isEmpty()) {
            TypeModel t = types.get(queue.remove(0));
            if (t == null || !seen.add(t.id())) continue;
            for (MethodModel m : t.methods()) {
                if (m.role() == role) out.add(m);
            }
            queue.addAll(t.supertypes());
        }
        return out;
    }

    /** The type ids that a receiver name suggests in a language ({@code pool} → {@code pg#Pool}, ...). */
    public List<String> hintedTypes(String receiverName, boolean java) {
        // Asked for every receiver of every call, a few hundred patterns each time: before this
        // cache, a tenth of the JVM's time in a TypeScript scan (JFR, generated repository).
        Map<String, List<String>> cache = java ? javaHints : scriptHints;
        List<String> known = cache.get(receiverName);
        if (known != null) return known;
        List<String> out = new ArrayList<>();
        for (Hint h : hints) {
            if (h.java == java && h.pattern.matcher(receiverName).matches()) out.add(h.typeId);
        }
        List<String> result = List.copyOf(out);
        if (cache.size() < LOOKUP_CACHE_LIMIT) cache.put(receiverName, result);
        return result;
    }

    /** Entries remembered per lookup: receiver names or method names, a repository's identifiers, bounded. */
    private static final int LOOKUP_CACHE_LIMIT = 200_000;
    private final Map<String, List<String>> javaHints = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, List<String>> scriptHints = new java.util.concurrent.ConcurrentHashMap<>();

    /** Reads model files and checks them; a bad file fails with a message naming it. */
    public static final class Builder {
        private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        private final ApiModels models = new ApiModels();

        public Builder add(String name, InputStream in) {
            models.javaHints.clear();
            models.methodRows.clear();
            models.scriptHints.clear();
            ModelFile file;
            try {
                file = yaml.readValue(in, ModelFile.class);
            } catch (IOException | IllegalArgumentException e) {
                throw new ModelFileException(name, e.getMessage());
            }
            for (TypeModel t : file.types()) {
                if (t.id() == null || t.id().isBlank()) throw new ModelFileException(name, "a type without id");
                for (MethodModel m : t.methods()) check(name, t.id(), m);
                models.types.put(t.id(), t);
                for (String alias : t.aliases()) models.types.put(alias, t);
                for (String hint : t.nameHints()) {
                    // A hint starting with '^' is a case-sensitive regular expression (capitalised model classes).
                    Pattern p = hint.startsWith("^") ? Pattern.compile(hint) : Pattern.compile(globToRegex(hint), Pattern.CASE_INSENSITIVE);
                    models.hints.add(new Hint(p, t.id(),
                            "java".equals(file.language())));
                }
            }
            for (FunctionModel f : file.functions()) {
                if (f.id() == null || f.method() == null) throw new ModelFileException(name, "a function needs id and method");
                check(name, f.id(), f.method());
                models.functions.put(f.id(), f);
            }
            return this;
        }

        private static void check(String file, String owner, MethodModel m) {
            if (m.names().isEmpty()) throw new ModelFileException(file, owner + ": a method row without names");
            if (m.role() == null) throw new ModelFileException(file, owner + "." + m.names() + ": no role");
        }

        public ApiModels build() {
            return models;
        }
    }

    private static boolean isGlob(String name) {
        return name.length() > 1 && name.contains("*");
    }

    private static boolean globMatches(String glob, String name) {
        int star = glob.indexOf('*');
        if (star != glob.lastIndexOf('*')) return name.matches(globToRegex(glob));
        return name.length() >= glob.length() - 1 && name.startsWith(glob.substring(0, star))
                && name.endsWith(glob.substring(star + 1));
    }

    private static String globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') sb.append(".*");
            else sb.append(Pattern.quote(String.valueOf(c)));
        }
        return sb.toString();
    }

    /** A model file that cannot be read or is not of the documented form. */
    public static final class ModelFileException extends RuntimeException {
        public ModelFileException(String file, String message) {
            super("API model " + file + ": " + message);
        }
    }
}
