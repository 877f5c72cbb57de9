package dev.prodlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every rule has its page under docs/rules (an opt-in variant on its rule's page), headed by its id,
 * whose generated part is exactly what the metadata gives today: when a rule's title, severity,
 * rationale or examples change and the page was not regenerated (`prodlint docs`), this fails.
 */
class RuleDocsTest {
    private static final Path DOCS = Path.of("..", "docs", "rules");

    @Test
    void everyRulePageCarriesTheCurrentGeneratedPart() throws Exception {
        List<String> problems = new ArrayList<>();
        for (List<RuleMeta> group : RuleDocPage.pages(RuleRegistry.all())) {
            RuleMeta main = group.get(0);
            Path file = DOCS.resolve(main.id() + ".md");
            if (!Files.isRegularFile(file)) {
                problems.add(main.id() + ": no " + file + " (run `./prodlint docs`)");
                continue;
            }
            String text = Files.readString(file);
            if (!text.startsWith("# " + main.id() + "\n")) problems.add(file + " does not start with '# " + main.id() + "'");
            if (!text.contains(RuleDocPage.BEGIN)) problems.add(file + " has no generated part (run `./prodlint docs`)");
            else if (!RuleDocPage.update(text, main, group.subList(1, group.size())).equals(text)) {
                problems.add(file + " differs from the rule's metadata (run `./prodlint docs`)");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aVariantIsNamedOnItsRulesPageAndUpdatingTwiceChangesNothing() {
        List<RuleMeta> swallowed = RuleDocPage.pages(RuleRegistry.all()).stream()
                .filter(g -> g.get(0).id().equals("swallowed-error")).findFirst().orElseThrow();
        assertThat(swallowed).extracting(RuleMeta::id).containsExactly("swallowed-error", "swallowed-error-experimental");
        String page = RuleDocPage.newPage(swallowed.get(0), swallowed.subList(1, 2)) + "\n## What it finds\n\nhand-written\n";
        assertThat(page).contains("`--enable swallowed-error-experimental`").contains("prodlint-ignore swallowed-error:");
        String again = RuleDocPage.update(page, swallowed.get(0), swallowed.subList(1, 2));
        assertThat(again).isEqualTo(page);
        // a stale block is replaced, the hand-written part kept
        String stale = page.replace("Flagged:", "Bad:");
        assertThat(RuleDocPage.update(stale, swallowed.get(0), swallowed.subList(1, 2))).isEqualTo(page);
    }

    @Test
    void examplesAreFencedInTheirLanguage() {
        RuleMeta m = new RuleMeta("x", "t", Severity.WARNING, java.util.Set.of(dev.prodlint.model.Language.JAVA), "r",
                "class A {\n  private listeners = new Map<string, Set<Listener>>();\n}",
                "@Cacheable(value = \"users\", sync = true)\npublic User find(long id) { return repo.findById(id); }");
        String s = RuleDocPage.summary(m, List.of());
        assertThat(s).contains("```ts\nclass A").contains("```java\n@Cacheable");
    }
}
