package dev.prodlint.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodlint.apimodel.ApiModels;
import dev.prodlint.engine.ReportedFinding;
import dev.prodlint.engine.ScanError;
import dev.prodlint.engine.ScanOptions;
import dev.prodlint.engine.ScanResult;
import dev.prodlint.engine.Scanner;
import dev.prodlint.rules.RuleRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files no one should write, generated here rather than stored: each is scanned next to a real
 * leak, and the scan must end within a bound, say what it did with the file (skipped with a note,
 * an error entry, or analysed with right line numbers) and still report the leak.
 */
class HostileInputTest {
    /** Every scan here must end within this, JVM warm: far from a hang, lenient for a slow CI machine. */
    private static final long BOUND_MILLIS = 60_000;

    private static final String LEAK = dev.prodlint.TestSources.LEAKY_TS;

    @TempDir
    Path dir;

    /** Beside the scanned folder, for links that lead out of it. */
    @TempDir
    Path elsewhere;

    private ScanResult scan(long maxFileBytes) throws IOException {
        Files.writeString(dir.resolve("orders.ts"), LEAK);
        long start = System.nanoTime();
        ScanResult r = new Scanner(new ScanOptions(dir, 2, maxFileBytes, false, false), ApiModels.bundled(), RuleRegistry.defaults())
                .scan(List.of(dir));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("scan time").isLessThan(BOUND_MILLIS);
        assertThat(r.findings()).extracting(f -> f.finding().path()).contains("orders.ts");
        return r;
    }

    private ScanResult scan() throws IOException {
        return scan(ScanOptions.DEFAULT_MAX_FILE_BYTES);
    }

    private static String errorOf(ScanResult r, String path) {
        return r.errors().stream().filter(e -> e.path().equals(path)).map(ScanError::message).findFirst().orElse(null);
    }

    private static String noteOf(ScanResult r, String path) {
        return r.notes().stream().filter(n -> n.startsWith(path + ":")).findFirst().orElse(null);
    }

    /** The text broken into short lines, so it is not taken for a minified file. */
    private static String lines(String s) {
        StringBuilder out = new StringBuilder(s.length() + s.length() / 40);
        for (int i = 0; i < s.length(); i += 60) out.append(s, i, Math.min(s.length(), i + 60)).append('\n');
        return out.toString();
    }

    @Test
    void aTwentyMegabyteMinifiedBundleIsSkippedWithANote() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 20 * 1024 * 1024; i++) sb.append("function f").append(i).append("(a,b){return a+b*").append(i).append("}");
        Files.writeString(dir.resolve("bundle.js"), sb);
        assertThat(noteOf(scan(), "bundle.js")).contains("over the");
        // raise the size limit and it is still passed over, now as minified
        assertThat(noteOf(scan(64L << 20), "bundle.js")).contains("minified");
    }

    @Test
    void fiftyThousandNestedBracketsParenthesesAndJsxElementsAreRefusedBeforeTheParser() throws IOException {
        int n = 50_000;
        Files.writeString(dir.resolve("parens.ts"), lines("const x = " + "(".repeat(n) + "1" + ")".repeat(n) + ";"));
        Files.writeString(dir.resolve("brackets.js"), lines("var x = " + "[".repeat(n) + "]".repeat(n) + ";"));
        Files.writeString(dir.resolve("jsx.tsx"), lines("export const A = () => " + "<div>".repeat(n) + "</div>".repeat(n) + ";"));
        Files.writeString(dir.resolve("Parens.java"), lines("class P { int x = " + "(".repeat(n) + "1" + ")".repeat(n) + "; }"));
        Files.writeString(dir.resolve("Blocks.java"), lines("class B { void f() { " + "{".repeat(n) + "}".repeat(n) + " } }"));
        ScanResult r = scan();
        for (String p : List.of("parens.ts", "brackets.js", "jsx.tsx")) assertThat(errorOf(r, p)).as(p).contains("nesting").contains("levels deep");
        assertThat(errorOf(r, "Blocks.java")).contains("nesting").contains("levels deep");
        assertThat(errorOf(r, "Parens.java")).isNotNull();
    }

    @Test
    void deepChainsWithoutBracketsAreRefusedInsteadOfRunningForHours() throws IOException {
        int n = 50_000;
        StringBuilder elseIf = new StringBuilder("class E { int f(int x) {\n");
        for (int i = 0; i < n; i++) elseIf.append("if (x == ").append(i).append(") return ").append(i).append("; else\n");
        Files.writeString(dir.resolve("ElseIf.java"), elseIf.append("return 0; } }\n"));
        Files.writeString(dir.resolve("Lambdas.java"), "class L { Object f =\n" + "() ->\n".repeat(n) + "1; }\n");
        ScanResult r = scan();
        assertThat(errorOf(r, "ElseIf.java")).contains("levels deep");
        assertThat(errorOf(r, "Lambdas.java")).contains("levels deep");
    }

    @Test
    void aHundredThousandCaseSwitchIsAnalysedOrRefusedWithinTheBound() throws IOException {
        StringBuilder ts = new StringBuilder("export function f(x: number) {\n  switch (x) {\n");
        StringBuilder java = new StringBuilder("class S {\n  int f(int x) {\n    switch (x) {\n");
        for (int i = 0; i < 100_000; i++) {
            ts.append("    case ").append(i).append(": return ").append(i).append(";\n");
            java.append("      case ").append(i).append(": return ").append(i).append(";\n");
        }
        Files.writeString(dir.resolve("switch.ts"), ts.append("  }\n}\n"));
        Files.writeString(dir.resolve("Switch.java"), java.append("    }\n    return 0;\n  }\n}\n"));
        ScanResult r = scan(8L << 20);
        // analysed (no error) or given up with a reason: never a hang, never a crash
        for (String p : List.of("switch.ts", "Switch.java")) {
            String e = errorOf(r, p);
            assertThat(e == null || e.contains("given up") || e.contains("levels deep")).as(p + ": " + e).isTrue();
        }
        assertThat(r.stats().files()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aFileOverTheTimeBudgetIsGivenUpAndTheScanGoesOn() throws IOException {
        StringBuilder java = new StringBuilder("class Big {\n");
        for (int i = 0; i < 3000; i++) {
            java.append("  int f").append(i).append("(int x) { if (x > ").append(i).append(") { return x * ").append(i).append("; } return 0; }\n");
        }
        String body = java.append("}\n").toString();
        for (int i = 0; i < 3; i++) Files.writeString(dir.resolve("Big" + i + ".java"), body.replace("class Big ", "class Big" + i + " "));
        Files.writeString(dir.resolve("orders.ts"), LEAK);
        // a budget no real file meets: every big file is given up, each on its own worker, and the scan still ends
        ScanResult r = new Scanner(new ScanOptions(dir, 2, ScanOptions.DEFAULT_MAX_FILE_BYTES, false, false, 1), ApiModels.bundled(),
                RuleRegistry.defaults()).scan(List.of(dir));
        for (int i = 0; i < 3; i++) assertThat(errorOf(r, "Big" + i + ".java")).contains("given up").contains("1 ms");
    }

    @Test
    void aOneMegabyteStringLiteralIsPassedOverAsMinifiedOrAnalysed() throws IOException {
        Files.writeString(dir.resolve("string.ts"), "export const s = '" + "a".repeat(1 << 20) + "';\n");
        ScanResult r = scan();
        assertThat(errorOf(r, "string.ts")).isNull();
        assertThat(noteOf(r, "string.ts")).contains("minified");
    }

    @Test
    void encodingsAndLineEndingsKeepLineNumbersRight() throws IOException {
        // UTF-16 with a BOM, CRLF, lone CR and mixed: the leak's acquire is on line 5 in each
        Files.write(dir.resolve("utf16.ts"), ("\uFEFF" + LEAK.replace("orders", "invoices")).getBytes(StandardCharsets.UTF_16LE));
        Files.writeString(dir.resolve("crlf.ts"), LEAK.replace("orders", "refunds").replace("\n", "\r\n"));
        String[] ls = LEAK.replace("orders", "payouts").split("\n");
        StringBuilder mixed = new StringBuilder();
        for (int i = 0; i < ls.length; i++) mixed.append(ls[i]).append(i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\n" : "\r");
        Files.writeString(dir.resolve("mixed.ts"), mixed);
        // invalid UTF-8 in a string: decoded with replacement characters, analysed
        byte[] bad = LEAK.replace("orders", "ledgers").replace("'SELECT", "'\u0001SELECT").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bad.length; i++) if (bad[i] == 1) bad[i] = (byte) 0xff;
        Files.write(dir.resolve("invalid-utf8.ts"), bad);
        ScanResult r = scan();
        for (String p : List.of("utf16.ts", "crlf.ts", "mixed.ts", "invalid-utf8.ts")) {
            List<ReportedFinding> fs = r.findings().stream().filter(f -> f.finding().path().equals(p)).toList();
            assertThat(fs).as(p + " " + r.errors() + " " + r.notes()).hasSize(1);
            assertThat(fs.get(0).finding().range().startLine()).as(p).isEqualTo(5);
            assertThat(fs.get(0).finding().range().startColumn()).as(p).isEqualTo(24);
        }
    }

    @Test
    void nulBytesBinariesAndADirectoryNamedLikeASourceFileArePassedOver() throws IOException {
        Files.write(dir.resolve("nul.ts"), new byte[100_000]);
        byte[] random = new byte[200_000];
        new Random(42).nextBytes(random);
        Files.write(dir.resolve("binary.ts"), random);
        Files.createDirectories(dir.resolve("foo.ts"));
        Files.writeString(dir.resolve("foo.ts/inner.ts"), LEAK.replace("orders", "inner"));
        ScanResult r = scan();
        assertThat(noteOf(r, "nul.ts")).contains("binary");
        assertThat(noteOf(r, "binary.ts")).isNotNull();
        assertThat(r.errors()).isEmpty();
        assertThat(r.findings()).extracting(f -> f.finding().path()).contains("foo.ts/inner.ts");
    }

    @Test
    void symlinkLoopsAndLinksOutOfTheRootAreNotFollowed() throws IOException {
        Path outside = elsewhere;
        Files.writeString(outside.resolve("secret.ts"), LEAK.replace("orders", "secrets"));
        Files.createDirectories(dir.resolve("src/loop"));
        Files.createSymbolicLink(dir.resolve("src/loop/again"), dir.resolve("src"));
        Files.createSymbolicLink(dir.resolve("src/loop/self"), dir.resolve("src/loop/self"));   // dangling, points at itself
        Files.createSymbolicLink(dir.resolve("src/out.ts"), outside.resolve("secret.ts"));
        Files.createSymbolicLink(dir.resolve("src/outdir"), outside);
        ScanResult r = scan();
        assertThat(r.findings()).extracting(f -> f.finding().path()).noneMatch(p -> p.contains("secret") || p.startsWith("src/out"));
        assertThat(r.findings().stream().map(f -> f.finding().path()).collect(Collectors.toSet())).containsExactly("orders.ts");
    }

    @Test
    void aNamedPipeIsNotReadEitherInADirectoryOrNamedOnTheCommandLine() throws Exception {
        Path fifo = dir.resolve("pipe.ts");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo works here");
        ScanResult r = scan();   // reading it would block for ever
        assertThat(r.errors()).isEmpty();
        ScanResult named = new Scanner(new ScanOptions(dir, 2, ScanOptions.DEFAULT_MAX_FILE_BYTES, false, false), ApiModels.bundled(),
                RuleRegistry.defaults()).scan(List.of(fifo));
        assertThat(named.notes()).anyMatch(n -> n.contains("pipe.ts") && n.contains("not a regular file"));
    }

    @Test
    void anUnreadableFileIsAnErrorAndTheRestIsScanned() throws IOException {
        Path locked = dir.resolve("locked.ts");
        Files.writeString(locked, LEAK);
        try {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        } catch (UnsupportedOperationException e) {
            org.junit.jupiter.api.Assumptions.abort("no POSIX permissions here");
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(locked), "running as a user that reads everything (root)");
        ScanResult r = scan();
        assertThat(errorOf(r, "locked.ts")).contains("cannot be read");
    }
}
