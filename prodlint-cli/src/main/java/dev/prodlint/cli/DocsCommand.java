package dev.prodlint.cli;

import dev.prodlint.rules.RuleDocPage;
import dev.prodlint.rules.RuleMeta;
import dev.prodlint.rules.RuleRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `prodlint docs [DIR]`: rewrites the generated part of every rule page from the rules' metadata
 * (creating a page for a rule that has none); `--check` only reports the pages that differ.
 */
@Command(name = "docs", mixinStandardHelpOptions = true,
        description = "Regenerate the metadata part of the rule pages (docs/rules) from the rules.")
final class DocsCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = "docs/rules")
    Path dir;

    @Option(names = "--check", description = "Change nothing; exit 1 when a page differs from the rules' metadata.")
    boolean check;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(dir)) {
            err.println("prodlint: " + dir + ": not a directory");
            return Main.EXIT_ERROR;
        }
        int differing = 0;
        try {
            for (List<RuleMeta> group : RuleDocPage.pages(RuleRegistry.all())) {
                RuleMeta main = group.get(0);
                List<RuleMeta> variants = group.subList(1, group.size());
                Path page = dir.resolve(main.id() + ".md");
                String before = Files.isRegularFile(page) ? Files.readString(page) : null;
                String after = before == null ? RuleDocPage.newPage(main, variants) : RuleDocPage.update(before, main, variants);
                if (after.equals(before)) continue;
                differing++;
                if (check) {
                    out.println(page + ": differs from the rule's metadata");
                } else {
                    Files.writeString(page, after);
                    out.println(page + (before == null ? ": created" : ": updated"));
                }
            }
        } catch (IOException e) {
            err.println("prodlint: " + e.getMessage());
            return Main.EXIT_ERROR;
        }
        return check && differing > 0 ? Main.EXIT_FINDINGS : Main.EXIT_CLEAN;
    }
}
