package dev.prodlint.cli;

import dev.prodlint.model.Language;
import dev.prodlint.rules.Rule;
import dev.prodlint.rules.RuleMeta;
import dev.prodlint.rules.RuleRegistry;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/** `prodlint rules`: the rules, one line each. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List the rules.")
final class RulesCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        int width = RuleRegistry.all().stream().mapToInt(r -> r.meta().id().length()).max().orElse(20);
        for (Rule r : RuleRegistry.all()) {
            RuleMeta m = r.meta();
            String langs = m.languages().stream().map(Language::id).collect(Collectors.joining(","));
            String title = r.enabledByDefault() ? m.title() : "(opt-in: --enable " + m.id() + ") " + m.title();
            spec.commandLine().getOut().printf("%-" + width + "s %-8s %-40s %s%n", m.id(), m.severity().id(), langs, title);
        }
    }
}
