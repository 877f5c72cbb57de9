package dev.prodlint.report;

import dev.prodlint.engine.ScanResult;
import java.io.IOException;
import java.io.Writer;

/** Writes a scan result in one output format. */
public interface Reporter {
    void write(ScanResult result, Writer out) throws IOException;
}
