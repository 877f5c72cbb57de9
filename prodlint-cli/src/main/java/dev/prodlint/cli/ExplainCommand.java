package dev.prodlint.cli;

import dev.prodlint.rules.RuleMeta;
import dev.prodlint.rules.RuleRegistry;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `prodlint explain RULE`: what a rule finds, why it matters, and an example of each side. */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "Explain a rule.")
final class ExplainCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RULE")
    String id;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Optional<RuleMeta> meta = RuleRegistry.byId(id).map(r -> r.meta());
        if (meta.isEmpty()) {
            spec.commandLine().getErr().println("prodlint: unknown rule '" + id + "' (see `prodlint rules`)");
            return Main.EXIT_ERROR;
        }
        RuleMeta m = meta.get();
        PrintWriter out = spec.commandLine().getOut();
        out.println(m.id() + " (" + m.severity().id() + "): " + m.title());
        out.println();
        out.println(m.rationale());
        out.println();
        out.println("Flagged:");
        m.badExample().lines().forEach(l -> out.println("    " + l));
        out.println();
        out.println("Fixed:");
        m.goodExample().lines().forEach(l -> out.println("    " + l));
        out.println();
        out.println("Suppress one finding, with the reason, on its line or the line above:");
        out.println("    // prodlint-ignore " + m.id() + ": <why it does not apply here>");
        out.println("or a whole file: // prodlint-ignore-file " + m.id() + ": <why>. Details: docs/rules/" + dev.prodlint.rules.RuleDocPage.pageOf(m.id()) + ".md");
        return Main.EXIT_CLEAN;
    }
}
