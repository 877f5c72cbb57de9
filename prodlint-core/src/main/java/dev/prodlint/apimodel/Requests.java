package dev.prodlint.apimodel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Request knowledge as data (models/requests.yaml): handlers, client-controlled sources, the
 * verified principal, validators, and route guards. Immutable, shared by all scan threads.
 */
public final class Requests {
    private static final String FILE = "/dev/prodlint/models/requests.yaml";
    private static volatile Requests bundled;

    private final File file;
    private final Set<String> privileged = new HashSet<>();
    private final Set<String> identities = new HashSet<>();

    private Requests(File file) {
        this.file = file;
        for (String f : file.privilegedFields()) privileged.add(normalize(f));
        for (String f : file.identityFields()) identities.add(normalize(f));
    }

    public static Requests bundled() {
        Requests r = bundled;
        if (r == null) {
            try (InputStream in = Requests.class.getResourceAsStream(FILE)) {
                if (in == null) throw new IllegalStateException("missing " + FILE);
                r = new Requests(new ObjectMapper(new YAMLFactory()).readValue(in, File.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundled = r;
        }
        return r;
    }

    public Js js() {
        return file.javascript();
    }

    public JavaSide java() {
        return file.java();
    }

    /** A field a client must not set on its own record ({@code role}, {@code is_admin}, {@code ownerId}). */
    public boolean isPrivileged(String field) {
        return field != null && privileged.contains(normalize(field));
    }

    /** A field that names whose data a query acts for ({@code userId}, {@code owner_id}). */
    public boolean isIdentity(String field) {
        return field != null && identities.contains(normalize(field));
    }

    /** user_id, userId, UserID and the header X-User-Id are one field. */
    public static String normalize(String field) {
        String f = field.toLowerCase(Locale.ROOT);
        // header names: X-User-Id is the user id
        if (f.startsWith("x-")) f = f.substring(2);
        return f.replace("_", "").replace("-", "");
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record File(@JsonProperty("javascript") Js javascript, @JsonProperty("java") JavaSide java,
                @JsonProperty("privilegedFields") List<String> privilegedFields,
                @JsonProperty("identityFields") List<String> identityFields) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Validators(@JsonProperty("methods") List<String> methods, @JsonProperty("notOn") List<String> notOn,
                             @JsonProperty("functions") List<String> functions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Nest(@JsonProperty("sources") Map<String, String> sources, @JsonProperty("request") List<String> request,
                       @JsonProperty("principal") List<String> principal, @JsonProperty("authGuards") List<String> authGuards,
                       @JsonProperty("roleGuards") List<String> roleGuards,
                       @JsonProperty("roleDecorators") List<String> roleDecorators,
                       @JsonProperty("validationPipe") String validationPipe,
                       @JsonProperty("globalPipeMarkers") List<String> globalPipeMarkers) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Js(@JsonProperty("routeMethods") List<String> routeMethods,
                     @JsonProperty("useMethods") List<String> useMethods,
                     @JsonProperty("hookOptions") List<String> hookOptions,
                     @JsonProperty("schemaOption") String schemaOption,
                     @JsonProperty("sources") Map<String, List<String>> sources,
                     @JsonProperty("sourceCalls") Map<String, List<String>> sourceCalls,
                     @JsonProperty("principal") List<String> principal,
                     @JsonProperty("principalCalls") List<String> principalCalls,
                     @JsonProperty("authMiddleware") List<String> authMiddleware,
                     @JsonProperty("roleGuards") List<String> roleGuards,
                     @JsonProperty("validatorMiddleware") List<String> validatorMiddleware,
                     @JsonProperty("validators") Validators validators,
                     @JsonProperty("nest") Nest nest,
                     @JsonProperty("copiers") List<String> copiers,
                     @JsonProperty("sqlTags") List<String> sqlTags) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    public record JavaSide(@JsonProperty("handlerAnnotations") List<String> handlerAnnotations,
                           @JsonProperty("sources") Map<String, String> sources,
                           @JsonProperty("nonSourceTypes") List<String> nonSourceTypes,
                           @JsonProperty("requestCalls") Map<String, String> requestCalls,
                           @JsonProperty("principalTypes") List<String> principalTypes,
                           @JsonProperty("principalAnnotations") List<String> principalAnnotations,
                           @JsonProperty("principalCalls") List<String> principalCalls,
                           @JsonProperty("principalHolders") List<String> principalHolders,
                           @JsonProperty("roleGuards") List<String> roleGuards,
                           @JsonProperty("validatedAnnotations") List<String> validatedAnnotations,
                           @JsonProperty("entityAnnotations") List<String> entityAnnotations,
                           @JsonProperty("copiers") Map<String, List<Integer>> copiers,
                           @JsonProperty("converters") List<String> converters) {
    }
}
