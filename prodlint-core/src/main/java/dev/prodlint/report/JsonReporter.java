package dev.prodlint.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prodlint.Version;
import dev.prodlint.engine.ReportedFinding;
import dev.prodlint.engine.ScanError;
import dev.prodlint.engine.ScanResult;
import dev.prodlint.rules.Finding;
import java.io.IOException;
import java.io.Writer;

/** The JSON contract documented in the README (format version 1). */
public final class JsonReporter implements Reporter {
    public static final int FORMAT_VERSION = 1;

    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "prodlint");
        tool.put("version", Version.get());
        root.put("formatVersion", FORMAT_VERSION);
        ArrayNode findings = root.putArray("findings");
        for (ReportedFinding r : result.findings()) {
            Finding f = r.finding();
            ObjectNode o = findings.addObject();
            o.put("rule", f.rule());
            o.put("severity", f.severity().id());
            o.put("message", f.message());
            o.put("why", f.why());
            o.put("fix", f.fix());
            o.put("path", f.path());
            o.put("line", f.range().startLine());
            o.put("column", f.range().startColumn());
            o.put("endLine", f.range().endLine());
            o.put("endColumn", f.range().endColumn());
            o.put("function", f.function());
            o.put("fingerprint", r.fingerprint());
            ArrayNode related = o.putArray("related");
            for (Finding.Related rel : f.related()) {
                ObjectNode ro = related.addObject();
                ro.put("path", rel.path());
                ro.put("line", rel.range().startLine());
                ro.put("column", rel.range().startColumn());
                ro.put("message", rel.message());
            }
        }
        ArrayNode errors = root.putArray("errors");
        for (ScanError e : result.errors()) {
            ObjectNode o = errors.addObject();
            o.put("path", e.path());
            o.put("message", e.message());
        }
        ObjectNode stats = root.putObject("stats");
        stats.put("files", result.stats().files());
        stats.put("lines", result.stats().lines());
        stats.put("skipped", result.stats().skipped());
        stats.put("millis", result.stats().millis());
        ComparisonJson.write(result.comparison(), root);
        Json.MAPPER.writeValue(out, root);
        out.write(System.lineSeparator());
    }
}
