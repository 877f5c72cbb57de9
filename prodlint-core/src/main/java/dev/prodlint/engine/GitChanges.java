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
        Result commit = git(root, "rev-parse", "--verify", "--quiet", rev + "^{commit}");
        if (commit.code != 0) throw new GitProblem("revision '" + rev + "' does not exist in " + root);
        Set<String> changed = new LinkedHashSet<>();
        // committed, staged and unstaged changes against REV, and files git does not track yet
        Result diff = git(root, "diff", "--name-only", "--no-renames", "-z", rev, "--");
        if (diff.code != 0) throw new GitProblem("git diff against '" + rev + "' failed: " + diff.error().strip());
        for (String p : diff.text().split("\0")) if (!p.isEmpty()) changed.add(p);
        Result untracked = git(root, "ls-files", "--others", "--exclude-standard", "-z");
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

    private static Result git(Path dir, String... args) throws GitProblem {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.add("-C");
        cmd.add(dir.toString());
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE).start();
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
