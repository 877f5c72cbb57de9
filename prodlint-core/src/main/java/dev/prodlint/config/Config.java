package dev.prodlint.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.prodlint.rules.Rule;
import dev.prodlint.rules.RuleRegistry;
import dev.prodlint.rules.Severity;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code prodlint.yaml}: which rules run and how severe their findings are, the severity that fails
 * the build, which files are scanned, and a project's own API model files.
 *
 * <pre>
 * rules:
 *   swallowed-error-experimental: on     # on | off | error | warning | note
 *   missing-timeout: error
 * failOn: warning                        # exit 1 only for findings this severe or worse
 * include: ["src/**"]
 * exclude: ["src/generated/**"]
 * models: ["prodlint/http-client.yaml"]  # relative to this file
 * </pre>
 */
public final class Config {
    public static final String FILE_NAME = "prodlint.yaml";
    private static final Set<String> KEYS = Set.of("rules", "failOn", "include", "exclude", "models");
    private static final Set<String> RULE_VALUES = Set.of("on", "off", "error", "warning", "note");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Rule id → on | off | error | warning | note, in file order. */
    private final Map<String, String> rules;
    private final Severity failOn;
    private final List<String> include;
    private final List<String> exclude;
    private final List<Path> models;

    private Config(Map<String, String> rules, Severity failOn, List<String> include, List<String> exclude, List<Path> models) {
        this.rules = rules;
        this.failOn = failOn;
        this.include = include;
        this.exclude = exclude;
        this.models = models;
    }

    public static final Config NONE = new Config(Map.of(), null, List.of(), List.of(), List.of());

    /** A configuration that cannot be used; the message names the file, the line and the key. */
    public static final class ConfigException extends Exception {
        public ConfigException(String message) {
            super(message);
        }
    }

    public static Config load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage());
        }
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ConfigException(file + (line > 0 ? ":" + line : "") + ": not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (root == null || root.isMissingNode() || root.isNull()) return NONE;
        if (!root.isObject()) throw new ConfigException(file + ":1: expected keys (" + String.join(", ", KEYS) + "), found " + root.getNodeType());
        Lines lines = new Lines(file, text);
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) throw lines.error(key, null, "unknown key '" + key + "' (known: failOn, rules, include, exclude, models)");
        }
        Map<String, String> rules = new LinkedHashMap<>();
        JsonNode r = root.path("rules");
        if (!r.isMissingNode() && !r.isNull()) {
            if (!r.isObject()) throw lines.error("rules", null, "'rules' must map rule ids to on, off, error, warning or note");
            for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (RuleRegistry.byId(e.getKey()).isEmpty()) throw lines.error(e.getKey(), "rules", "unknown rule '" + e.getKey() + "' (see `prodlint rules`)");
                String v = e.getValue().isBoolean() ? (e.getValue().asBoolean() ? "on" : "off") : e.getValue().asText();
                if (!e.getValue().isValueNode() || !RULE_VALUES.contains(v)) {
                    throw lines.error(e.getKey(), "rules", "rule '" + e.getKey() + "': '" + (e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()) + "' is not one of on, off, error, warning, note");
                }
                rules.put(e.getKey(), v);
            }
        }
        Severity failOn = null;
        JsonNode f = root.path("failOn");
        if (!f.isMissingNode() && !f.isNull()) {
            failOn = severity(f.asText());
            if (failOn == null || !f.isTextual()) throw lines.error("failOn", null, "failOn: '" + f.asText() + "' is not one of error, warning, note");
        }
        List<String> include = strings(root, "include", lines);
        List<String> exclude = strings(root, "exclude", lines);
        for (String g : concat(include, exclude)) {
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + g);
            } catch (RuntimeException e) {
                throw lines.error(include.contains(g) ? "include" : "exclude", null, "'" + g + "' is not a valid glob: " + e.getMessage());
            }
        }
        List<Path> models = new ArrayList<>();
        Path dir = file.toAbsolutePath().getParent();
        for (String m : strings(root, "models", lines)) {
            Path p = dir.resolve(m).normalize();
            if (!Files.isRegularFile(p)) throw lines.error("models", null, "model file '" + m + "' does not exist (" + p + ")");
            models.add(p);
        }
        return new Config(rules, failOn, include, exclude, models);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<String> strings(JsonNode root, String key, Lines lines) throws ConfigException {
        JsonNode n = root.path(key);
        if (n.isMissingNode() || n.isNull()) return List.of();
        List<String> out = new ArrayList<>();
        if (n.isTextual()) {
            out.add(n.asText());
            return out;
        }
        if (!n.isArray()) throw lines.error(key, null, "'" + key + "' must be a list of strings");
        for (JsonNode x : n) {
            if (!x.isTextual()) throw lines.error(key, null, "'" + key + "' must be a list of strings, found " + x);
            out.add(x.asText());
        }
        return out;
    }

    static Severity severity(String s) {
        for (Severity v : Severity.values()) if (v.id().equals(s)) return v;
        return null;
    }

    /** The rules to run: the defaults, minus those turned off, plus opt-in ones turned on or given a severity. */
    public List<Rule> rules(List<Rule> defaults) {
        List<Rule> out = new ArrayList<>();
        for (Rule r : defaults) if (!"off".equals(rules.get(r.meta().id()))) out.add(r);
        for (Map.Entry<String, String> e : rules.entrySet()) {
            if (e.getValue().equals("off")) continue;
            Rule r = RuleRegistry.byId(e.getKey()).orElseThrow();
            if (!out.contains(r)) out.add(r);
        }
        return out;
    }

    /** The severity a rule's findings get, or null to keep the rule's own. */
    public Severity severityOf(String rule) {
        return severity(rules.getOrDefault(rule, ""));
    }

    /** The scan with each finding of a rule this configuration gives a severity set to it. */
    public dev.prodlint.engine.ScanResult withSeverities(dev.prodlint.engine.ScanResult r) {
        if (rules.values().stream().noneMatch(v -> severity(v) != null)) return r;
        List<dev.prodlint.engine.ReportedFinding> out = new ArrayList<>();
        for (dev.prodlint.engine.ReportedFinding rf : r.findings()) {
            Severity s = severityOf(rf.finding().rule());
            dev.prodlint.rules.Finding f = rf.finding();
            out.add(s == null ? rf : new dev.prodlint.engine.ReportedFinding(new dev.prodlint.rules.Finding(f.rule(), s, f.message(), f.why(),
                    f.fix(), f.path(), f.range(), f.related(), f.function()), rf.fingerprint(), rf.frameStart(), rf.frame()));
        }
        return r.withFindings(out);
    }

    /** Findings this severe or worse fail the run (exit 1); null means any finding. */
    public Severity failOn() {
        return failOn;
    }

    public List<Path> models() {
        return models;
    }

    /** Whether a file, by its report path, is scanned: it matches an include glob (if any) and no exclude glob. */
    public boolean scans(String reportPath) {
        Path p = Path.of(reportPath);
        if (!include.isEmpty() && include.stream().noneMatch(g -> matcher(g).matches(p))) return false;
        return exclude.stream().noneMatch(g -> matcher(g).matches(p));
    }

    public boolean filtersFiles() {
        return !include.isEmpty() || !exclude.isEmpty();
    }

    private static PathMatcher matcher(String glob) {
        return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    }

    /** Finds the line a key is written on, for messages. */
    private record Lines(Path file, String text) {
        ConfigException error(String key, String parent, String message) {
            int line = lineOf(key, parent);
            return new ConfigException(file + (line > 0 ? ":" + line : "") + ": " + message);
        }

        int lineOf(String key, String parent) {
            String[] ls = text.split("\n", -1);
            boolean inParent = parent == null;
            Pattern own = Pattern.compile("^\\s*[\"']?" + Pattern.quote(key) + "[\"']?\\s*:");
            Pattern top = Pattern.compile("^[\"']?" + (parent == null ? "" : Pattern.quote(parent)) + "[\"']?\\s*:");
            for (int i = 0; i < ls.length; i++) {
                if (!inParent && parent != null && top.matcher(ls[i]).find()) {
                    inParent = true;
                    continue;
                }
                Matcher m = own.matcher(ls[i]);
                if (inParent && m.find()) return i + 1;
            }
            return 0;
        }
    }
}
