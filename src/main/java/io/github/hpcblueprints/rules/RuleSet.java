package io.github.hpcblueprints.rules;

import java.util.List;

/**
 * Rules contributed from above this package: the domain's rules, which judge the model a template was compiled from
 * (projects, partitions, sign-in) rather than ARM JSON. A provider is named in
 * {@code META-INF/services/io.github.hpcblueprints.rules.RuleSet}, so {@link Catalogue#standard()} lists every rule
 * while this package knows nothing of the domain. Such rules read their model through
 * {@link RuleContext#model(Class)} and find nothing when a context carries none ({@code lint}).
 */
public interface RuleSet {

    List<Rule> rules();
}
