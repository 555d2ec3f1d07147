package io.github.hpcblueprints.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Every rule, in id order: the one list the engine runs and {@code hpcb rules} prints. The rules over any ARM JSON
 * live in this package; rules that judge a model of their own (the domain's) join through {@link RuleSet}.
 */
public final class Catalogue {

    private static final Catalogue STANDARD = new Catalogue(standardRules());

    private final Map<String, Rule> byId = new LinkedHashMap<>();

    Catalogue(List<Rule> rules) {
        for (Rule r : rules) {
            if (byId.put(r.info().id(), r) != null) {
                throw new IllegalStateException("two rules with id " + r.info().id());
            }
        }
    }

    public static Catalogue standard() {
        return STANDARD;
    }

    private static List<Rule> standardRules() {
        List<Rule> all = new ArrayList<>();
        all.addAll(StructRules.all());
        all.addAll(DataRules.all());
        all.addAll(AccessRules.all());
        all.addAll(CostRules.all());
        all.addAll(NetRules.all());
        all.addAll(GovRules.all());
        all.addAll(RedeployRules.all());
        // this package's own class loader: in a Maven plugin the thread's context loader is Maven's
        for (RuleSet extra : ServiceLoader.load(RuleSet.class, RuleSet.class.getClassLoader())) {
            all.addAll(extra.rules());
        }
        all.sort((a, b) -> a.info().id().compareTo(b.info().id()));
        return all;
    }

    public List<Rule> rules() {
        return Collections.unmodifiableList(new ArrayList<>(byId.values()));
    }

    public List<RuleInfo> infos() {
        return byId.values().stream().map(Rule::info).toList();
    }

    public Optional<RuleInfo> info(String id) {
        return Optional.ofNullable(byId.get(id)).map(Rule::info);
    }
}
