package dev.prodlint.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prodlint.Version;
import dev.prodlint.engine.ReportedFinding;
import dev.prodlint.engine.ScanError;
import dev.prodlint.engine.ScanResult;
import dev.prodlint.model.SourceRange;
import dev.prodlint.rules.Finding;
import dev.prodlint.rules.Rule;
import dev.prodlint.rules.RuleDocPage;
import dev.prodlint.rules.RuleMeta;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it. */
public final class SarifReporter implements Reporter {
    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final String SRCROOT = "%SRCROOT%";

    private final List<Rule> rules;
    private final Path base;

    public SarifReporter(List<Rule> rules, Path base) {
        this.rules = rules;
        this.base = base;
    }

    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "prodlint");
        driver.put("version", Version.get());
        driver.put("semanticVersion", Version.get().replace("-SNAPSHOT", ""));
        ArrayNode ruleArray = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (Rule rule : rules) {
            RuleMeta m = rule.meta();
            ruleIndex.put(m.id(), ruleIndex.size());
            ObjectNode r = ruleArray.addObject();
            r.put("id", m.id());
            // SARIF1001: a name that only differs from the id in case must be left out
            if (!toPascal(m.id()).equalsIgnoreCase(m.id())) r.put("name", toPascal(m.id()));
            r.putObject("shortDescription").put("text", m.title());
            r.putObject("fullDescription").put("text", m.rationale());
            ObjectNode help = r.putObject("help");
            help.put("text", m.rationale() + "\n\nFlagged:\n" + m.badExample() + "\n\nFixed:\n" + m.goodExample()
                    + "\n\nSuppress one finding with the reason: // prodlint-ignore " + m.id() + ": <why>");
            // the same text as the generated part of the rule's docs page
            help.put("markdown", RuleDocPage.summary(m, List.of()));
            r.putObject("defaultConfiguration").put("level", m.severity().id());
            r.putObject("properties").putArray("tags").add("reliability").add("production");
        }
        run.putObject("originalUriBaseIds").putObject(SRCROOT)
                .put("uri", base.toAbsolutePath().normalize().toUri().toString());
        ArrayNode results = run.putArray("results");
        for (ReportedFinding rf : result.findings()) {
            Finding f = rf.finding();
            ObjectNode r = results.addObject();
            r.put("ruleId", f.rule());
            Integer idx = ruleIndex.get(f.rule());
            if (idx != null) r.put("ruleIndex", idx);
            r.put("level", f.severity().id());
            r.putObject("message").put("text", f.message() + " " + f.why() + " Fix: " + f.fix());
            location(r.putArray("locations").addObject(), f.path(), f.range());
            ArrayNode related = r.putArray("relatedLocations");
            int id = 1;
            for (Finding.Related rel : f.related()) {
                ObjectNode loc = related.addObject();
                loc.put("id", id++);
                location(loc, rel.path(), rel.range());
                loc.putObject("message").put("text", rel.message());
            }
            r.putObject("partialFingerprints").put("prodlint/v1", rf.fingerprint());
        }
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
        for (ScanError e : result.errors()) {
            ObjectNode n = notifications.addObject();
            n.put("level", "error");
            n.putObject("message").put("text", e.message());
            n.putArray("locations").addObject().putObject("physicalLocation").putObject("artifactLocation")
                    .put("uri", e.path()).put("uriBaseId", SRCROOT);
        }
        // a property bag, so code scanning ignores it and scripts can still read what was compared
        if (!result.comparison().isEmpty()) ComparisonJson.write(result.comparison(), run.putObject("properties").putObject("prodlint"));
        Json.MAPPER.writeValue(out, root);
        out.write(System.lineSeparator());
    }

    private static void location(ObjectNode loc, String path, SourceRange range) {
        ObjectNode physical = loc.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", path).put("uriBaseId", SRCROOT);
        ObjectNode region = physical.putObject("region");
        region.put("startLine", range.startLine());
        region.put("startColumn", range.startColumn());
        region.put("endLine", range.endLine());
        region.put("endColumn", Math.max(range.endColumn(), 1));
    }

    private static String toPascal(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("-")) {
            if (!part.isEmpty()) sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }
}
