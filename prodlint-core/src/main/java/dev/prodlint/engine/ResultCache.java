package dev.prodlint.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prodlint.Version;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A scan's result kept for the next scan of the same inputs: keyed by a digest of everything the
 * result depends on (prodlint's build, the rules, the options, the caller's configuration and model
 * files, and every scanned and schema file's path and content), so any change to any of them misses.
 * The entry carries its key and a digest of its payload; a corrupt, truncated, foreign or stale entry
 * is ignored and replaced, never trusted. One entry per scan root, in a folder the user chose.
 *
 * <p>Whole-scan granularity is deliberate for now: several rules use facts from other files (summaries
 * of called functions, unique keys, transactions declared elsewhere), so reusing one file's findings
 * after another file changed could be wrong. An unchanged repository — the second scan of a CI
 * pipeline, a re-run — costs a walk and a hash of its files.
 */
final class ResultCache {
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path dir;

    ResultCache(Path dir) {
        this.dir = dir;
    }

    /** Builds a key from the parts in order; each part is length-prefixed so two lists cannot collide. */
    static final class Key {
        private final MessageDigest digest = sha256();

        Key add(String part) {
            byte[] b = part.getBytes(StandardCharsets.UTF_8);
            digest.update(Integer.toString(b.length).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) ':');
            digest.update(b);
            return this;
        }

        /** The file's path and content (read in chunks; an unreadable file adds its error, so it misses when that changes). */
        Key addFile(String path, Path file) {
            add(path);
            MessageDigest content = sha256();
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) content.update(buf, 0, n);
                add(HexFormat.of().formatHex(content.digest()));
            } catch (IOException e) {
                add("unreadable: " + e.getClass().getSimpleName());
            }
            return this;
        }

        String value() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    private static final String BUILD_ID = computeBuildId();

    /** prodlint's build: its version and, for a development build, the jar it runs from. */
    static String buildId() {
        return BUILD_ID;
    }

    private static String computeBuildId() {
        StringBuilder sb = new StringBuilder(Version.get());
        try {
            Path code = Path.of(ResultCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) sb.append(' ').append(Files.size(code)).append(' ').append(Files.getLastModifiedTime(code).toMillis());
            else sb.append(" classes ").append(System.nanoTime());   // an IDE or test build: reused within this process only
        } catch (Exception e) {
            sb.append(" unknown ").append(System.nanoTime());
        }
        return sb.toString();
    }

    /**
     * The entry is one header line (format, key, digest of the rest) and the result as JSON: the
     * digest is checked over the raw bytes before anything is parsed.
     */
    Optional<ScanResult> get(String root, String key) {
        Path file = entry(root);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            byte[] all = Files.readAllBytes(file);
            int nl = indexOf(all, (byte) '\n');
            if (nl < 0) return Optional.empty();
            JsonNode header = JSON.readTree(new String(all, 0, nl, StandardCharsets.UTF_8));
            if (header == null || header.path("format").asInt() != FORMAT || !key.equals(header.path("key").asText())) return Optional.empty();
            MessageDigest d = sha256();
            d.update(all, nl + 1, all.length - nl - 1);
            if (!HexFormat.of().formatHex(d.digest()).equals(header.path("payload").asText())) return Optional.empty();
            return Optional.of(JSON.readValue(all, nl + 1, all.length - nl - 1, ScanResult.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes the entry beside its final place and moves it there, so a reader never sees half of it. */
    void put(String root, String key, ScanResult result) {
        try {
            Files.createDirectories(dir);
            byte[] payload = JSON.writeValueAsBytes(result);
            ObjectNode header = JSON.createObjectNode();
            header.put("format", FORMAT);
            header.put("key", key);
            header.put("payload", HexFormat.of().formatHex(sha256().digest(payload)));
            Path tmp = Files.createTempFile(dir, "entry", ".tmp");
            try (var out = Files.newOutputStream(tmp)) {
                out.write(JSON.writeValueAsBytes(header));
                out.write('\n');
                out.write(payload);
            }
            Files.move(tmp, entry(root), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written only costs the next scan its time
        }
    }

    private static int indexOf(byte[] a, byte b) {
        for (int i = 0; i < a.length; i++) if (a[i] == b) return i;
        return -1;
    }

    private Path entry(String root) {
        return dir.resolve("scan-" + digestOf(root).substring(0, 24) + ".json");
    }

    private static String digestOf(String s) {
        return HexFormat.of().formatHex(sha256().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For tests: the entry file of a root. */
    Path entryFor(String root) {
        return entry(root);
    }
}
