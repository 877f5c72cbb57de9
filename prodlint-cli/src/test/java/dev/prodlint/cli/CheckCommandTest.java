package dev.prodlint.cli;

import static dev.prodlint.cli.CliTestSupport.LEAKY_JAVA;
import static dev.prodlint.cli.CliTestSupport.LEAKY_TS;
import static dev.prodlint.cli.CliTestSupport.SAFE_TS;
import static dev.prodlint.cli.CliTestSupport.git;
import static dev.prodlint.cli.CliTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private int run(String... args) {
        return Main.run(args);
    }

    @Test
    void exitCodesTellFindingsCleanAndErrors() throws Exception {
        write(dir, "clean/src/orders.ts", SAFE_TS);
        write(dir, "leaky/src/orders.ts", LEAKY_TS);
        Path out = dir.resolve("out.txt");
        assertThat(run("check", dir.resolve("clean").toString(), "-o", out.toString())).isEqualTo(0);
        assertThat(run("check", dir.resolve("leaky").toString(), "-o", out.toString())).isEqualTo(1);
        assertThat(run("check", dir.resolve("missing").toString(), "-o", out.toString())).isEqualTo(2);
        assertThat(run("check", "--no-such-flag", dir.toString())).isEqualTo(2);
        assertThat(run("check", "--threads", "0", dir.toString(), "-o", out.toString())).isEqualTo(2);
        assertThat(run("rules")).isEqualTo(0);
        assertThat(run("explain", "connection-leak")).isEqualTo(0);
        assertThat(run("explain", "no-such-rule")).isEqualTo(2);
        assertThat(run("--version")).isEqualTo(0);
    }

    @Test
    void docsWritesTheGeneratedPartOfEachRulePageAndCheckReportsDrift() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        write(docs, "connection-leak.md", "# connection-leak\n\n## What it finds\n\nhand-written\n");
        assertThat(run("docs", "--check", docs.toString())).isEqualTo(1);
        assertThat(run("docs", docs.toString())).isEqualTo(0);
        String page = Files.readString(docs.resolve("connection-leak.md"));
        assertThat(page).startsWith("# connection-leak\n").contains("Flagged:").contains("prodlint-ignore connection-leak:")
                .endsWith("## What it finds\n\nhand-written\n");
        assertThat(docs.resolve("swallowed-error.md")).exists();
        assertThat(docs.resolve("swallowed-error-experimental.md")).doesNotExist();
        assertThat(run("docs", "--check", docs.toString())).isEqualTo(0);
        assertThat(run("docs", dir.resolve("no-such-dir").toString())).isEqualTo(2);
    }

    @Test
    void newSinceReportsOnlyWhatTheChangeIntroducedEvenOnAnUntouchedLine() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("git", "--version").start().waitFor() == 0, "git is installed");
        Path repo = dir.resolve("repo");
        String safe = """
                import { pool } from './db';

                export async function count(id: string) {
                  const client = await pool.connect();
                  try {
                    const r = await client.query('SELECT count(*) FROM orders WHERE customer_id = $1', [id]);
                    return r.rows[0];
                  } finally {
                    client.release();
                  }
                }
                """;
        write(repo, "src/orders.ts", safe);
        write(repo, "src/legacy.ts", LEAKY_TS);
        git(repo, "init", "-q");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "base");
        // the change deletes the finally: the acquire line, untouched, now leaks; legacy.ts moves down a line
        write(repo, "src/orders.ts", safe.replace("  try {\n", "").replace("  } finally {\n    client.release();\n  }\n",
                "  client.release();\n").replace("    const r", "  const r").replace("    return", "  return"));
        write(repo, "src/legacy.ts", "// moved\n" + LEAKY_TS);
        Path out = dir.resolve("new.json");
        assertThat(run("check", repo.resolve("src").toString(), "--root", repo.toString(), "--new-since", "HEAD", "--format", "json",
                "-o", out.toString())).isEqualTo(1);
        JsonNode findings = JSON.readTree(out.toFile()).get("findings");
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).get("path").asText()).isEqualTo("src/orders.ts");
        assertThat(findings.get(0).get("line").asInt()).isEqualTo(4);
        // the report says what it compared: two changed files, one finding before (legacy.ts), two now, one new
        JsonNode since = JSON.readTree(out.toFile()).get("newSince");
        assertThat(since.get("revision").asText()).isEqualTo("HEAD");
        assertThat(since.get("changedFiles").asInt()).isEqualTo(2);
        assertThat(since.get("findingsBefore").asInt()).isEqualTo(1);
        assertThat(since.get("findingsNow").asInt()).isEqualTo(2);
        assertThat(since.get("new").asInt()).isEqualTo(1);
        Path sarif = dir.resolve("new.sarif");
        assertThat(run("check", repo.resolve("src").toString(), "--root", repo.toString(), "--new-since", "HEAD", "--format", "sarif",
                "-o", sarif.toString())).isEqualTo(1);
        assertThat(JSON.readTree(sarif.toFile()).at("/runs/0/properties/prodlint/newSince/new").asInt()).isEqualTo(1);
        // a revision that does not exist, and a directory outside git, are usage errors
        assertThat(run("check", repo.resolve("src").toString(), "--new-since", "no-such-rev", "-o", out.toString())).isEqualTo(2);
        Path outside = dir.resolve("outside");
        write(outside, "a.ts", SAFE_TS);
        org.junit.jupiter.api.Assumptions.assumeFalse(new ProcessBuilder("git", "-C", outside.toString(), "rev-parse").start().waitFor() == 0,
                "the temp folder is not itself inside a git repository");
        assertThat(run("check", outside.toString(), "--new-since", "HEAD", "-o", out.toString())).isEqualTo(2);
    }

    @Test
    void aBaselineHidesTodaysFindingsAcrossLineShiftsAndCountsStaleEntries() throws Exception {
        write(dir, "src/orders.ts", LEAKY_TS);
        write(dir, "src/Leaky.java", LEAKY_JAVA);
        Path base = dir.resolve("prodlint-baseline.json");
        assertThat(run("baseline", dir.resolve("src").toString(), "--root", dir.toString(), "-o", base.toString())).isEqualTo(0);
        assertThat(JSON.readTree(base.toFile()).get("findings").size()).isEqualTo(2);
        Path out = dir.resolve("out.json");
        // nothing new: clean, even after the code moved down
        write(dir, "src/orders.ts", "// a header comment\n\n" + LEAKY_TS);
        assertThat(run("check", dir.resolve("src").toString(), "--root", dir.toString(), "--baseline", base.toString(),
                "--format", "json", "-o", out.toString())).isEqualTo(0);
        // the Java leak fixed, a new TypeScript leak added: one new finding, one stale entry
        Files.delete(dir.resolve("src/Leaky.java"));
        write(dir, "src/more.ts", LEAKY_TS.replace("orders", "invoices"));
        java.io.StringWriter errText = new java.io.StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(new Main());
        cl.setErr(new java.io.PrintWriter(errText));
        int code = cl.execute("check", dir.resolve("src").toString(), "--root", dir.toString(), "--baseline", base.toString(),
                "--format", "json", "-o", out.toString());
        assertThat(code).isEqualTo(1);
        assertThat(JSON.readTree(out.toFile()).get("findings").get(0).get("path").asText()).isEqualTo("src/more.ts");
        assertThat(errText.toString()).contains("hid 1 finding").contains("1 baseline entry matches nothing");
        JsonNode summary = JSON.readTree(out.toFile()).get("baseline");
        assertThat(summary.get("file").asText()).isEqualTo(base.toString());
        assertThat(summary.get("hidden").asInt()).isEqualTo(1);
        assertThat(summary.get("stale").asInt()).isEqualTo(1);
        Path sarif = dir.resolve("out.sarif");
        assertThat(run("check", dir.resolve("src").toString(), "--root", dir.toString(), "--baseline", base.toString(),
                "--format", "sarif", "-o", sarif.toString())).isEqualTo(1);
        assertThat(JSON.readTree(sarif.toFile()).at("/runs/0/properties/prodlint/baseline/stale").asInt()).isEqualTo(1);
        // a broken baseline is a usage error
        Files.writeString(base, "{\"findings\": 3}");
        assertThat(run("check", dir.resolve("src").toString(), "--baseline", base.toString(), "-o", out.toString())).isEqualTo(2);
    }

    @Test
    void aConfigurationTurnsRulesOffSetsSeveritiesFailOnExcludesFilesAndAddsModels() throws Exception {
        // a team's own pool wrapper, taught to prodlint by a model file next to the configuration
        write(dir, "prodlint/tenant-pool.yaml", """
                library: tenant-pool
                language: javascript
                types:
                  - id: "acme#TenantPool"
                    nameHints: ["tenantPool"]
                    methods:
                      - { names: [checkout], role: acquire, returns: "acme#Lease" }
                      - { names: [checkin], role: release, resourceArg: 0 }
                """);
        write(dir, "src/tenants.ts", """
                import { tenantPool } from './pool';
                export async function tenantName(id: string) {
                  const lease = await tenantPool.checkout();
                  const row = await lease.query('SELECT name FROM tenants WHERE id = $1', [id]);
                  tenantPool.checkin(lease);
                  return row;
                }
                """);
        write(dir, "src/orders.ts", LEAKY_TS);
        write(dir, "src/generated/client.ts", LEAKY_TS);
        Path out = dir.resolve("out.json");
        String[] check = {"check", dir.resolve("src").toString(), "--root", dir.toString(), "--format", "json", "-o", out.toString()};
        assertThat(run(check)).isEqualTo(1);
        assertThat(JSON.readTree(out.toFile()).get("findings").size()).isEqualTo(2);
        write(dir, "prodlint.yaml", """
                rules:
                  connection-leak: note
                failOn: warning
                exclude: ["src/generated/**"]
                models: ["prodlint/tenant-pool.yaml"]
                """);
        // the wrapper's leak is found, generated code is not scanned, and notes do not fail the run
        assertThat(run(check)).isEqualTo(0);
        JsonNode findings = JSON.readTree(out.toFile()).get("findings");
        assertThat(findings).extracting(f -> f.get("path").asText()).containsExactlyInAnyOrder("src/orders.ts", "src/tenants.ts");
        assertThat(findings).allSatisfy(f -> assertThat(f.get("severity").asText()).isEqualTo("note"));
        write(dir, "prodlint.yaml", "rules:\n  connection-leak: off\n");
        assertThat(run(check)).isEqualTo(0);
        assertThat(JSON.readTree(out.toFile()).get("findings").size()).isEqualTo(0);
        // an invalid file names the line and the key, and is a usage error
        write(dir, "prodlint.yaml", "failOn: warning\nrules:\n  conection-leak: off\n");
        java.io.StringWriter errText = new java.io.StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(new Main());
        cl.setErr(new java.io.PrintWriter(errText));
        assertThat(cl.execute(check)).isEqualTo(2);
        assertThat(errText.toString()).contains("prodlint.yaml:3: unknown rule 'conection-leak'");
    }

    @Test
    void githubFormatIsOneWorkflowCommandPerFindingWithEscapedData() throws Exception {
        write(dir, "src/orders.ts", LEAKY_TS);
        Path out = dir.resolve("gh.txt");
        assertThat(run("check", dir.resolve("src").toString(), "--root", dir.toString(), "--format", "github", "-o", out.toString())).isEqualTo(1);
        java.util.List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(1);
        String cmd = lines.get(0);
        // ::error file=...,line=...,endLine=...,col=...,title=...::message; newlines in the message are escaped
        assertThat(cmd).matches("::error file=src/orders\\.ts,line=5,endLine=\\d+,col=\\d+,title=prodlint connection-leak::.+");
        assertThat(cmd).contains("%0A%0AWhy: ").contains("%0A%0AFix: ");
        assertThat(cmd.substring(cmd.indexOf("::", 2) + 2)).doesNotContain("\n");
    }

    @Test
    void gitlabFormatIsACodeQualityReport() throws Exception {
        write(dir, "src/orders.ts", LEAKY_TS);
        write(dir, "src/Leaky.java", LEAKY_JAVA);
        Path out = dir.resolve("gl-code-quality-report.json");
        assertThat(run("check", dir.resolve("src").toString(), "--root", dir.toString(), "--format", "gitlab", "-o", out.toString())).isEqualTo(1);
        JsonNode report = JSON.readTree(out.toFile());
        assertThat(report.isArray()).isTrue();
        assertThat(report.size()).isGreaterThanOrEqualTo(2);
        java.util.Set<String> fingerprints = new java.util.HashSet<>();
        for (JsonNode issue : report) {
            // the fields GitLab requires, with its severity names
            assertThat(issue.get("description").asText()).isNotBlank();
            assertThat(issue.get("check_name").asText()).isNotBlank();
            assertThat(issue.get("severity").asText()).isIn("info", "minor", "major", "critical", "blocker");
            assertThat(issue.get("location").get("path").asText()).startsWith("src/");
            assertThat(issue.get("location").get("lines").get("begin").asInt()).isPositive();
            assertThat(fingerprints.add(issue.get("fingerprint").asText())).isTrue();
        }
    }

    @Test
    void optInRulesRunOnlyWhenEnabledAndAnUnknownOneIsAUsageError() throws Exception {
        // an empty catch around a database write: an opt-in form of swallowed-error
        write(dir, "src/orders.ts", """
                import { prisma } from './db';
                export async function cancel(orderId: string) {
                  try {
                    await prisma.order.update({ where: { id: orderId }, data: { status: 'CANCELLED' } });
                  } catch (err) {
                  }
                  return { success: true };
                }
                """);
        Path out = dir.resolve("report.json");
        assertThat(run("check", dir.resolve("src").toString(), "--format", "json", "-o", out.toString())).isEqualTo(0);
        assertThat(Files.readString(out)).doesNotContain("swallowed-error");
        assertThat(run("check", dir.resolve("src").toString(), "--enable", "swallowed-error-experimental", "--format", "json",
                "-o", out.toString())).isEqualTo(1);
        assertThat(JSON.readTree(out.toFile()).get("findings").get(0).get("rule").asText()).isEqualTo("swallowed-error-experimental");
        assertThat(run("check", dir.resolve("src").toString(), "--enable", "no-such-rule", "-o", out.toString())).isEqualTo(2);
    }

    @Test
    void textReportHasLocationRuleFrameWhyFixAndSummary() throws Exception {
        write(dir, "src/orders.ts", LEAKY_TS);
        Path out = dir.resolve("report.txt");
        run("check", dir.resolve("src").toString(), "--root", dir.toString(), "-o", out.toString());
        String text = Files.readString(out);
        assertThat(text).contains("src/orders.ts:5:24  error  connection-leak");
        assertThat(text).contains(" > 5 |   const client = await pool.connect();");
        assertThat(text).contains("why: ").contains("fix: ").contains("finally");
        assertThat(text).contains("1 finding in 1 file");
    }

    @Test
    void jsonFollowsTheContractAndIsStable() throws Exception {
        write(dir, "b/orders.ts", LEAKY_TS);
        write(dir, "a/Repo.java", LEAKY_JAVA);
        write(dir, "a/broken.ts", "export function ( {");
        Path out1 = dir.resolve("1.json");
        Path out2 = dir.resolve("2.json");
        assertThat(run("check", dir.toString(), "--root", dir.toString(), "--format", "json", "-o", out1.toString())).isEqualTo(1);
        run("check", dir.toString(), "--root", dir.toString(), "--format", "json", "--threads", "1", "-o", out2.toString());
        JsonNode root = JSON.readTree(out1.toFile());
        assertThat(root.path("tool").path("name").asText()).isEqualTo("prodlint");
        assertThat(root.path("tool").path("version").asText()).isNotEmpty();
        JsonNode findings = root.path("findings");
        assertThat(findings).hasSize(2);
        JsonNode first = findings.get(0);
        assertThat(first.path("path").asText()).isEqualTo("a/Repo.java");
        assertThat(findings.get(1).path("path").asText()).isEqualTo("b/orders.ts");
        for (String field : new String[] {"rule", "severity", "message", "path", "line", "column", "endLine", "endColumn", "related"}) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(first.path("line").asInt()).isEqualTo(11);
        assertThat(first.path("column").asInt()).isEqualTo(24);
        assertThat(first.path("related").get(0).path("line").asInt()).isEqualTo(12);
        assertThat(root.path("errors")).hasSize(1);
        assertThat(root.path("errors").get(0).path("path").asText()).isEqualTo("a/broken.ts");
        assertThat(root.path("stats").path("files").asInt()).isEqualTo(2);
        assertThat(root.path("stats").has("lines")).isTrue();
        assertThat(root.path("stats").has("skipped")).isTrue();
        assertThat(root.path("stats").has("millis")).isTrue();
        // Two runs, different thread counts: the same bytes but for the timing.
        String a = Files.readString(out1).replaceAll("\"millis\" : \\d+", "");
        String b = Files.readString(out2).replaceAll("\"millis\" : \\d+", "");
        assertThat(a).isEqualTo(b);
    }

    @Test
    void sarifValidatesAgainstTheOfficialSchema() throws Exception {
        write(dir, "src/orders.ts", LEAKY_TS);
        write(dir, "src/Repo.java", LEAKY_JAVA);
        write(dir, "src/broken.ts", "export function ( {");
        Path out = dir.resolve("out.sarif");
        run("check", dir.toString(), "--root", dir.toString(), "--format", "sarif", "-o", out.toString());
        JsonNode sarif = JSON.readTree(out.toFile());
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        Set<ValidationMessage> problems = schema.validate(sarif);
        assertThat(problems).isEmpty();
        JsonNode run = sarif.path("runs").get(0);
        JsonNode rules = run.path("tool").path("driver").path("rules");
        assertThat(rules).extracting(r -> r.path("id").asText()).contains("cache-stampede", "connection-leak");
        rules.forEach(r -> assertThat(r.path("help").path("text").asText()).isNotEmpty());
        JsonNode result = run.path("results").get(0);
        assertThat(result.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText())
                .isEqualTo("src/Repo.java");
        assertThat(result.path("relatedLocations")).isNotEmpty();
        assertThat(result.path("partialFingerprints").path("prodlint/v1").asText()).hasSize(32);
        assertThat(run.path("invocations").get(0).path("toolExecutionNotifications")).hasSize(1);
    }

    @Test
    void fingerprintsSurviveLineShifts() throws Exception {
        write(dir, "v1/orders.ts", LEAKY_TS);
        write(dir, "v2/orders.ts", "// a comment added above\n\n" + LEAKY_TS);
        Path o1 = dir.resolve("1.json");
        Path o2 = dir.resolve("2.json");
        run("check", dir.resolve("v1").toString(), "--root", dir.resolve("v1").toString(), "--format", "json", "-o", o1.toString());
        run("check", dir.resolve("v2").toString(), "--root", dir.resolve("v2").toString(), "--format", "json", "-o", o2.toString());
        JsonNode f1 = JSON.readTree(o1.toFile()).path("findings").get(0);
        JsonNode f2 = JSON.readTree(o2.toFile()).path("findings").get(0);
        assertThat(f2.path("line").asInt()).isEqualTo(f1.path("line").asInt() + 2);
        assertThat(f2.path("fingerprint").asText()).isEqualTo(f1.path("fingerprint").asText());
    }

    @Test
    void badInputBecomesErrorsOrNotesAndTheScanGoesOn() throws Exception {
        write(dir, "src/orders.ts", LEAKY_TS);
        write(dir, "src/broken.ts", "const = ;");
        Files.write(dir.resolve("src/binary.ts"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3});
        Files.write(dir.resolve("src/latin1.ts"), "const caf\u00e9 = 1;\n".getBytes(StandardCharsets.ISO_8859_1));
        write(dir, "src/deep.ts", "const x = " + "(\n".repeat(5000) + "1" + ")\n".repeat(5000) + ";\n");
        write(dir, "src/Deep.java", "class D { int x = " + "(".repeat(3000) + "1" + ")".repeat(3000) + "; }\n");
        write(dir, "src/node_modules/pg/index.js", LEAKY_TS);
        write(dir, "src/dist/bundle.js", LEAKY_TS);
        write(dir, "src/orders.test.ts", LEAKY_TS);
        write(dir, ".gitignore", "ignored/\n");
        write(dir, "src/ignored/orders.ts", LEAKY_TS);
        Path outside = Files.createTempDirectory("prodlint-outside");
        write(outside, "secret.ts", LEAKY_TS);
        Files.createSymbolicLink(dir.resolve("src/link.ts"), outside.resolve("secret.ts"));
        Files.createDirectories(dir.resolve("src/loop"));
        Files.createSymbolicLink(dir.resolve("src/loop/self"), dir.resolve("src"));
        Path out = dir.resolve("out.json");
        int code = run("check", dir.toString(), "--root", dir.toString(), "--format", "json", "-o", out.toString());
        assertThat(code).isEqualTo(1);
        JsonNode root = JSON.readTree(out.toFile());
        assertThat(root.path("findings")).hasSize(1);
        assertThat(root.path("findings").get(0).path("path").asText()).isEqualTo("src/orders.ts");
        String errors = root.path("errors").toString();
        assertThat(errors).contains("src/broken.ts").contains("src/deep.ts");
        assertThat(errors).doesNotContain("binary.ts").doesNotContain("latin1.ts");
        assertThat(root.path("stats").path("skipped").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void nothingAnalysableIsAnError() throws Exception {
        write(dir, "broken.ts", "const = ;");
        Path out = dir.resolve("out.json");
        assertThat(run("check", dir.resolve("broken.ts").toString(), "--format", "json", "-o", out.toString())).isEqualTo(2);
    }
}
