package dev.prodlint.report;

import dev.prodlint.engine.ReportedFinding;
import dev.prodlint.engine.ScanError;
import dev.prodlint.engine.ScanResult;
import dev.prodlint.rules.Finding;
import java.io.IOException;
import java.io.Writer;

/**
 * GitHub Actions workflow commands ({@code ::warning file=...,line=...::message}): run in a workflow
 * step, each finding becomes an annotation on the pull request's diff.
 */
public final class GithubReporter implements Reporter {
    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        for (ReportedFinding r : result.findings()) {
            Finding f = r.finding();
            String level = switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case NOTE -> "notice";
            };
            out.write("::" + level + " file=" + property(f.path()) + ",line=" + f.range().startLine() + ",endLine=" + f.range().endLine()
                    + ",col=" + f.range().startColumn() + ",title=" + property("prodlint " + f.rule()) + "::"
                    + data(f.message() + "\n\nWhy: " + f.why() + "\n\nFix: " + f.fix()) + "\n");
        }
        for (ScanError e : result.errors()) {
            out.write("::warning file=" + property(e.path()) + ",title=" + property("prodlint could not analyse this file") + "::" + data(e.message()) + "\n");
        }
    }

    /** Workflow command data: %, CR and LF are escaped. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Workflow command properties: also : and , (they separate properties). */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
