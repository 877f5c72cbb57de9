package dev.prodlint.engine;

/** A file that could not be read, parsed or analysed; the rest of the scan went on. */
public record ScanError(String path, String message) {
}
