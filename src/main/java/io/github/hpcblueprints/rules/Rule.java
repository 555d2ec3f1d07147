package io.github.hpcblueprints.rules;

import java.util.function.BiConsumer;

/** A check with its description. Rules are stateless: the engine runs each on a context. */
public interface Rule {

    RuleInfo info();

    void check(RuleContext context, Findings out);

    static Rule of(RuleInfo info, BiConsumer<RuleContext, Findings> check) {
        return new Rule() {
            @Override
            public RuleInfo info() {
                return info;
            }

            @Override
            public void check(RuleContext context, Findings out) {
                check.accept(context, out);
            }
        };
    }
}
