package dev.prodlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every rule has its page under docs/rules (an opt-in variant on its rule's page), headed by its id
 * and its title as `prodlint rules` and SARIF show it: the page drifts from the metadata, this fails.
 */
class RuleDocsTest {
    @Test
    void everyRuleHasAPageWithItsIdAndTitle() throws Exception {
        Path docs = Path.of("..", "docs", "rules");
        List<String> problems = new ArrayList<>();
        for (Rule rule : RuleRegistry.all()) {
            RuleMeta m = rule.meta();
            String page = m.id().replaceFirst("-experimental$", "");
            Path file = docs.resolve(page + ".md");
            if (!Files.isRegularFile(file)) {
                problems.add(m.id() + ": no " + file);
                continue;
            }
            String text = Files.readString(file);
            if (!text.startsWith("# " + page + "\n")) problems.add(m.id() + ": " + file + " does not start with '# " + page + "'");
            if (!page.equals(m.id())) {
                if (!text.contains(m.id())) problems.add(m.id() + ": " + file + " does not mention the opt-in id");
                continue;
            }
            String bold = text.lines().filter(l -> l.startsWith("**")).findFirst().orElse("");
            String docTitle = bold.replaceFirst("^\\*\\*(.*?)\\*\\*.*$", "$1");
            // the page may leave out a parenthetical the one-line title adds: "(cache stampede)"
            if (docTitle.isEmpty() || !m.title().startsWith(docTitle)) {
                problems.add(m.id() + ": title '" + docTitle + "' on the page, '" + m.title() + "' in the rule");
            }
        }
        assertThat(problems).isEmpty();
    }
}
