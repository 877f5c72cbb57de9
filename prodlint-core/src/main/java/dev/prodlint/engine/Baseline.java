package dev.prodlint.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings a team accepted on the day it adopted prodlint: `prodlint baseline` writes them,
 * `check --baseline FILE` hides them, matched by fingerprint (which survives line shifts), and
 * counts the entries that no longer match so the file can be pruned.
 */
public final class Baseline {
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One accepted finding; rule, path, line and message are for the people reading the file. */
    public record Entry(String fingerprint, String rule, String path, int line, String message) {
    }

    /** A baseline file that cannot be used, with what is wrong. */
    public static final class InvalidBaseline extends Exception {
        public InvalidBaseline(String message) {
            super(message);
        }
    }

    private Baseline() {
    }

    public static void write(ScanResult result, Writer out) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("tool", "prodlint");
        root.put("formatVersion", FORMAT_VERSION);
        ArrayNode findings = root.putArray("findings");
        for (ReportedFinding r : result.findings()) {
            ObjectNode o = findings.addObject();
            o.put("fingerprint", r.fingerprint());
            o.put("rule", r.finding().rule());
            o.put("path", r.finding().path());
            o.put("line", r.finding().range().startLine());
            o.put("message", r.finding().message());
        }
        MAPPER.writeValue(out, root);
    }

    public static List<Entry> read(Path file) throws InvalidBaseline {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidBaseline(file + ": no such file");
        } catch (IOException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new InvalidBaseline(file + ": not a prodlint baseline (" + msg + ")");
        }
        if (root == null || !root.isObject() || !"prodlint".equals(root.path("tool").asText()) || !root.path("findings").isArray()) {
            throw new InvalidBaseline(file + ": not a prodlint baseline (expected {\"tool\": \"prodlint\", \"findings\": [...]}; write one with `prodlint baseline`)");
        }
        if (root.path("formatVersion").asInt(-1) != FORMAT_VERSION) {
            throw new InvalidBaseline(file + ": baseline format version " + root.path("formatVersion") + " is not " + FORMAT_VERSION);
        }
        List<Entry> out = new ArrayList<>();
        int i = 0;
        for (JsonNode f : root.get("findings")) {
            i++;
            if (!f.path("fingerprint").isTextual()) throw new InvalidBaseline(file + ": finding " + i + " has no fingerprint");
            out.add(new Entry(f.get("fingerprint").asText(), f.path("rule").asText(), f.path("path").asText(), f.path("line").asInt(),
                    f.path("message").asText()));
        }
        return out;
    }

    /**
     * Each entry hides one finding with its fingerprint (two identical findings need two entries).
     * The result says how many were hidden and, when the scan covered everything the baseline did
     * ({@code complete}), how many entries matched nothing; a partial scan (`--new-since`) cannot tell.
     */
    public static ScanResult apply(ScanResult result, String file, List<Entry> entries, boolean complete) {
        Map<String, Integer> left = new HashMap<>();
        for (Entry e : entries) left.merge(e.fingerprint(), 1, Integer::sum);
        List<ReportedFinding> kept = new ArrayList<>();
        int hidden = 0;
        for (ReportedFinding r : result.findings()) {
            Integer n = left.get(r.fingerprint());
            if (n != null && n > 0) {
                left.put(r.fingerprint(), n - 1);
                hidden++;
            } else {
                kept.add(r);
            }
        }
        int stale = left.values().stream().mapToInt(Integer::intValue).sum();
        return result.withFindings(kept).withComparison(result.comparison().withBaseline(
                new Comparison.BaselineSummary(file, hidden, complete ? stale : null)));
    }
}
