package dev.prodlint.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prodlint.engine.ReportedFinding;
import dev.prodlint.engine.ScanResult;
import dev.prodlint.rules.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.Set;

/**
 * GitLab Code Quality report (the {@code codequality} artifact of a job): a JSON array of issues with
 * description, check name, unique fingerprint, severity and location. GitLab shows them in the merge
 * request widget and the diff.
 */
public final class GitlabReporter implements Reporter {
    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        ArrayNode issues = Json.MAPPER.createArrayNode();
        Set<String> seen = new HashSet<>();
        for (ReportedFinding r : result.findings()) {
            Finding f = r.finding();
            ObjectNode o = issues.addObject();
            o.put("type", "issue");
            o.put("check_name", f.rule());
            o.put("description", f.message());
            o.putArray("categories").add("Bug Risk");
            ObjectNode content = o.putObject("content");
            content.put("body", "Why: " + f.why() + "\n\nFix: " + f.fix());
            o.put("severity", switch (f.severity()) {
                case ERROR -> "critical";
                case WARNING -> "major";
                case NOTE -> "minor";
            });
            // GitLab needs each fingerprint once per report; identical findings get a counter
            String fp = r.fingerprint();
            for (int i = 2; !seen.add(fp); i++) fp = r.fingerprint() + "-" + i;
            o.put("fingerprint", fp);
            ObjectNode location = o.putObject("location");
            location.put("path", f.path());
            ObjectNode lines = location.putObject("lines");
            lines.put("begin", f.range().startLine());
            lines.put("end", f.range().endLine());
        }
        Json.MAPPER.writeValue(out, issues);
    }
}
