package dev.prodlint.report;

import dev.prodlint.engine.ReportedFinding;
import dev.prodlint.engine.ScanError;
import dev.prodlint.engine.ScanResult;
import dev.prodlint.engine.ScanStats;
import dev.prodlint.rules.Finding;
import java.io.IOException;
import java.io.Writer;

/** For people: one block per finding with a code frame, why and fix, then a summary line. */
public final class TextReporter implements Reporter {
    private final boolean verbose;

    public TextReporter(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        String nl = System.lineSeparator();
        for (ReportedFinding rf : result.findings()) {
            Finding f = rf.finding();
            out.write(f.path() + ":" + f.range().startLine() + ":" + f.range().startColumn() + "  " + f.severity().id()
                    + "  " + f.rule() + "  " + f.message() + nl);
            int width = String.valueOf(rf.frameStart() + rf.frame().size()).length();
            for (int i = 0; i < rf.frame().size(); i++) {
                int line = rf.frameStart() + i;
                String marker = line == f.range().startLine() ? " > " : "   ";
                out.write(marker + pad(line, width) + " | " + rf.frame().get(i) + nl);
                if (line == f.range().startLine()) {
                    int col = Math.max(1, f.range().startColumn());
                    int len = f.range().endLine() == line ? Math.max(1, f.range().endColumn() - col) : 1;
                    out.write("   " + " ".repeat(width) + " | " + " ".repeat(col - 1) + "^".repeat(Math.min(len, 80)) + nl);
                }
            }
            for (Finding.Related r : f.related()) {
                out.write("   related: " + r.path() + ":" + r.range().startLine() + ":" + r.range().startColumn()
                        + " " + r.message() + nl);
            }
            out.write("   why: " + f.why() + nl);
            out.write("   fix: " + f.fix() + nl + nl);
        }
        for (ScanError e : result.errors()) out.write(e.path() + ": error: " + e.message() + nl);
        if (verbose) {
            for (String note : result.notes()) out.write("note: " + note + nl);
        }
        ScanStats s = result.stats();
        int n = result.findings().size();
        out.write(n + (n == 1 ? " finding" : " findings") + " in " + s.files() + (s.files() == 1 ? " file" : " files")
                + " (" + s.lines() + " lines) in " + s.millis() + " ms"
                + (s.skipped() > 0 ? "; " + s.skipped() + " skipped" + (verbose ? "" : " (--verbose lists them)") : "")
                + (result.errors().isEmpty() ? "" : "; " + result.errors().size() + " could not be analysed")
                + nl);
    }

    private static String pad(int n, int width) {
        String s = String.valueOf(n);
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }
}
