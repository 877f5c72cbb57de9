package dev.prodlint.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What changed in a git working tree since a revision, and the files as they were then, read with
 * {@code git show} (nothing is checked out). Runs the git command line; never the scanned code.
 */
public final class GitChanges {
    private static final long TIMEOUT_SECONDS = 60;

    /** Why the revision or the repository cannot be used; the message is for the user. */
    public static final class GitProblem extends Exception {
        public GitProblem(String message) {
            super(message);
        }
    }

    /** @param changed paths relative to the repository's top level, with '/' separators */
    public record Changes(Path top, String rev, List<String> changed) {
    }

    private GitChanges() {
    }

    public static Changes since(Path dir, String rev) throws GitProblem {
        Result top = git(dir, "rev-parse", "--show-toplevel");
        if (top.code != 0) throw new GitProblem(dir + " is not inside a git repository (--new-since needs one)");
        Path root = Path.of(top.text().strip());
        List<String> noFilters = disabledFilters(root);
        Result commit = git(root, "rev-parse", "--verify", "--quiet", rev + "^{commit}");
        if (commit.code != 0) throw new GitProblem("revision '" + rev + "' does not exist in " + root);
        Set<String> changed = new LinkedHashSet<>();
        // committed, staged and unstaged changes against REV, and files git does not track yet
        List<String> diffArgs = new ArrayList<>(noFilters);
        diffArgs.addAll(List.of("diff", "--name-only", "--no-renames", "--no-ext-diff", "--no-textconv", "-z", rev, "--"));
        Result diff = git(root, diffArgs.toArray(String[]::new));
        if (diff.code != 0) throw new GitProblem("git diff against '" + rev + "' failed: " + diff.error().strip());
        for (String p : diff.text().split("\0")) if (!p.isEmpty()) changed.add(p);
        List<String> lsArgs = new ArrayList<>(noFilters);
        lsArgs.addAll(List.of("ls-files", "--others", "--exclude-standard", "-z"));
        Result untracked = git(root, lsArgs.toArray(String[]::new));
        if (untracked.code == 0) for (String p : untracked.text().split("\0")) if (!p.isEmpty()) changed.add(p);
        return new Changes(root, rev, new ArrayList<>(changed));
    }

    /** The file's bytes at the revision, or null when it did not exist then. */
    public static byte[] show(Changes c, String path) throws GitProblem {
        Result r = git(c.top(), "cat-file", "blob", c.rev() + ":" + path);
        return r.code == 0 ? r.out : null;
    }

    private record Result(int code, byte[] out, byte[] err) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }

        String error() {
            return new String(err, StandardCharsets.UTF_8);
        }
    }

    /**
     * `-c` options that switch off every clean/smudge filter the repository's configuration names:
     * comparing the working tree runs them, and a repository's local configuration is not ours to trust.
     */
    private static List<String> disabledFilters(Path root) throws GitProblem {
        Result r = git(root, "config", "--get-regexp", "^filter\\.");
        List<String> out = new ArrayList<>();
        if (r.code != 0) return out;
        Set<String> drivers = new LinkedHashSet<>();
        for (String line : r.text().split("\n")) {
            String key = line.split(" ", 2)[0];
            int last = key.lastIndexOf('.');
            if (key.startsWith("filter.") && last > "filter.".length()) drivers.add(key.substring("filter.".length(), last));
        }
        for (String d : drivers) {
            for (String kind : List.of("clean", "smudge", "process")) out.addAll(List.of("-c", "filter." + d + "." + kind + "="));
        }
        return out;
    }

    /**
     * Runs git with everything that could run a command taken from the repository switched off
     * (fsmonitor, hooks, external diff and textconv are off per call, filters per driver), and
     * without optional locks, so that git does not rewrite the index of the repository we read.
     */
    private static Result git(Path dir, String... args) throws GitProblem {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "core.fsmonitor=false",
                "-c", "core.hooksPath=/dev/null", "-c", "core.untrackedCache=false"));
        cmd.addAll(List.of(args));
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE);
            pb.environment().put("GIT_OPTIONAL_LOCKS", "0");
            pb.environment().put("GIT_TERMINAL_PROMPT", "0");
            Process p = pb.start();
            p.getOutputStream().close();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> copy(p.getErrorStream(), err));
            errReader.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new GitProblem("git " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            errReader.join(1000);
            return new Result(p.exitValue(), out, err.toByteArray());
        } catch (IOException e) {
            throw new GitProblem("cannot run git (is it installed?): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitProblem("interrupted while running git");
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the exit code tells what matters
        }
    }
}
