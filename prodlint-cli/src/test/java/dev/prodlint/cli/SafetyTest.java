package dev.prodlint.cli;

import static dev.prodlint.cli.CliTestSupport.LEAKY_TS;
import static dev.prodlint.cli.CliTestSupport.git;
import static dev.prodlint.cli.CliTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What prodlint does to the machine it runs on, asserted from the outside: it writes its report
 * and baseline and nothing else (not in the scanned tree, not in git's index), runs nothing the
 * scanned repository brings (npm scripts, static initialisers, git hooks, fsmonitor, filters), and
 * opens no network connection.
 */
class SafetyTest {
    @TempDir
    Path dir;

    /** Every file under the folder with its content hash and modification time. */
    private static Map<String, String> snapshot(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
                out.put(root.relativize(p).toString(), hash + " " + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return out;
    }

    @Test
    void writesOnlyItsOutputsAndRunsNothingTheRepositoryBrings() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("git", "--version").start().waitFor() == 0, "git is installed");
        Path repo = dir.resolve("repo");
        Path markers = Files.createDirectories(dir.resolve("markers"));
        String touch = "touch " + markers.toAbsolutePath() + "/";
        write(repo, "src/orders.ts", LEAKY_TS);
        write(repo, "src/run-me.ts", "import { writeFileSync } from 'fs';\nwriteFileSync('" + markers.resolve("ts-ran") + "', 'x');\n");
        write(repo, "src/Boot.java", "class Boot { static { try { new java.io.File(\"" + markers.resolve("java-ran")
                + "\").createNewFile(); } catch (Exception e) { } } }\n");
        write(repo, "package.json", "{ \"name\": \"x\", \"scripts\": { \"postinstall\": \"" + touch + "npm-ran\", \"prepare\": \"" + touch + "npm-ran\" } }\n");
        write(repo, ".gitattributes", "*.ts filter=evil diff=evil\n");
        git(repo, "init", "-q");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "base");
        // a hostile local git configuration: every way git can run a command while we diff
        git(repo, "config", "core.fsmonitor", touch + "fsmonitor-ran; echo");
        git(repo, "config", "filter.evil.clean", touch + "filter-ran; cat");
        git(repo, "config", "filter.evil.smudge", touch + "filter-ran; cat");
        git(repo, "config", "diff.external", touch + "extdiff-ran");
        git(repo, "config", "diff.evil.textconv", touch + "textconv-ran; cat");
        Files.writeString(repo.resolve(".git/hooks/post-checkout"), "#!/bin/sh\n" + touch + "hook-ran\n");
        repo.resolve(".git/hooks/post-checkout").toFile().setExecutable(true);
        write(repo, "src/orders.ts", LEAKY_TS.replace("orders", "invoices"));   // a change for --new-since to read

        Path outs = Files.createDirectories(dir.resolve("outs"));
        Map<String, String> before = snapshot(dir);
        assertThat(Main.run("check", repo.toString(), "--root", repo.toString(), "--format", "json", "-o", outs.resolve("a.json").toString())).isEqualTo(1);
        assertThat(Main.run("check", repo.resolve("src").toString(), "--root", repo.toString(), "--new-since", "HEAD", "--format", "sarif",
                "-o", outs.resolve("b.sarif").toString())).isEqualTo(1);
        assertThat(Main.run("baseline", repo.toString(), "--root", repo.toString(), "-o", outs.resolve("base.json").toString())).isEqualTo(0);
        assertThat(Main.run("check", repo.toString(), "--root", repo.toString(), "--baseline", outs.resolve("base.json").toString(),
                "-o", outs.resolve("c.txt").toString())).isEqualTo(0);
        Map<String, String> after = snapshot(dir);

        assertThat(markers).isEmptyDirectory();
        Map<String, String> changed = new TreeMap<>(after);
        before.forEach((k, v) -> { if (v.equals(changed.get(k))) changed.remove(k); });
        assertThat(changed.keySet()).containsExactlyInAnyOrder("outs/a.json", "outs/b.sarif", "outs/base.json", "outs/c.txt");
        assertThat(after.keySet()).containsAll(before.keySet());   // nothing deleted either, .git/index included
    }

    @Test
    void opensNoNetworkConnectionEvenWhenTheCodeIsFullOfAddresses() throws Exception {
        write(dir, "src/client.ts", "import x from 'https://cdn.example.com/lib.js';\n"
                + "/// <reference types=\"https://example.com/types.d.ts\" />\n" + LEAKY_TS);
        write(dir, "src/Client.java", "// see http://example.com/schema.xsd\nclass Client { String u = \"jdbc:postgresql://db.example.com/x\"; }\n");
        write(dir, "prodlint.yaml", "# yaml-language-server: $schema=https://example.com/prodlint.schema.json\nfailOn: warning\n");
        // every socket the JVM opens goes to this SOCKS "proxy" first; it must never be called
        try (ServerSocket trap = new ServerSocket(0)) {
            trap.setSoTimeout(200);
            String host = System.getProperty("socksProxyHost");
            String port = System.getProperty("socksProxyPort");
            System.setProperty("socksProxyHost", "127.0.0.1");
            System.setProperty("socksProxyPort", String.valueOf(trap.getLocalPort()));
            try {
                assertThat(Main.run("check", dir.toString(), "--root", dir.toString(), "-o", dir.resolve("out.txt").toString())).isEqualTo(1);
            } finally {
                restore("socksProxyHost", host);
                restore("socksProxyPort", port);
            }
            boolean called;
            try {
                trap.accept().close();
                called = true;
            } catch (SocketTimeoutException e) {
                called = false;
            }
            assertThat(called).as("a connection was attempted").isFalse();
        }
    }

    private static void restore(String key, String value) {
        if (value == null) System.clearProperty(key);
        else System.setProperty(key, value);
    }
}
