package io.github.hpcblueprints.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.testing.Golden;
import io.github.hpcblueprints.validate.RuleCatalogueWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogueTest {

    static final List<RuleInfo> RULES = Catalogue.standard().infos();

    @Test
    void atLeastFortyRulesInEveryCategoryWithUniqueIdsInOrder() {
        assertThat(RULES).hasSizeGreaterThanOrEqualTo(40);
        assertThat(RULES).extracting(RuleInfo::id).doesNotHaveDuplicates().isSorted();
        Map<Category, Long> byCategory = RULES.stream().collect(Collectors.groupingBy(RuleInfo::category,
                Collectors.counting()));
        assertThat(byCategory.keySet()).containsExactlyInAnyOrder(Category.values());
    }

    @Test
    void everyRuleSaysWhatWhyAndHowToFix() {
        assertThat(RULES).allSatisfy(r -> {
            assertThat(r.title()).isNotBlank().doesNotEndWith(".");
            assertThat(r.rationale()).hasSizeGreaterThan(30).endsWith(".");
            assertThat(r.fix()).hasSizeGreaterThan(10);
            assertThat(r.hardened()).as(r.id() + ": hardened is never more lenient")
                    .matches(h -> h.atLeast(r.baseline()));
            assertThat(r.docsAnchor()).isEqualTo("learning-path/rules.md#" + r.id().toLowerCase(Locale.ROOT));
        });
    }

    @Test
    void equivalentIdsHaveTheirToolsShape() {
        assertThat(RULES).allSatisfy(r -> {
            assertThat(r.checkov()).allMatch(id -> id.matches("CKV2?_AZURE_\\d+"), "checkov ids");
            assertThat(r.psrule()).allMatch(id -> id.matches("Azure\\.[A-Za-z]+\\.[A-Za-z]+"), "PSRule names");
            assertThat(r.bicep()).allMatch(id -> id.matches("[a-z]+(-[a-z]+)*"), "Bicep linter rules");
        });
        // a checkov check maps to one rule, so a checkov failure is explained by exactly one of ours
        List<String> all = RULES.stream().flatMap(r -> r.checkov().stream()).toList();
        assertThat(all).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void explainGivesWhyFixEquivalentsAndTheLesson() {
        String text = RuleCatalogueWriter.explain(Catalogue.standard().info("HPCB-ACCESS-002").orElseThrow());
        assertThat(text).contains("SSH open to the internet").contains("why: ").contains("fix: ")
                .contains("checkov `CKV_AZURE_10`").contains("learning-path/rules.md#hpcb-access-002");
    }

    @Test
    void theTextListHasOneLinePerRule() {
        String[] lines = RuleCatalogueWriter.text(RULES).split("\n");
        assertThat(lines).hasSize(RULES.size() + 2);
        assertThat(Arrays.stream(lines).skip(1).limit(RULES.size())).allMatch(l -> l.startsWith("HPCB-"));
    }

    @Test
    void thePublishedCatalogueIsTheCode() {
        String md = RuleCatalogueWriter.markdown(RULES);
        for (RuleInfo r : RULES) {
            assertThat(md).contains("\n### " + r.id().toLowerCase(Locale.ROOT) + "\n");
        }
        Golden.assertProjectFile("learning-path/rules.md", md);
    }

    @Test
    void theReadmeCountsTheRulesThereAreAndNamesOnlyRealOnes() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(Golden.projectDir().resolve("README.md"));
        assertThat(readme).contains("The " + RULES.size() + " rules (STRUCT, DATA,");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("HPCB-[A-Z]+-\\d{3}").matcher(readme);
        List<String> ids = RULES.stream().map(RuleInfo::id).toList();
        while (m.find()) {
            assertThat(ids).as("README names " + m.group()).contains(m.group());
        }
    }
}
