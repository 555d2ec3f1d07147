package io.github.hpcblueprints.hpc;

import static io.github.hpcblueprints.rules.Specs.E;
import static io.github.hpcblueprints.rules.Specs.W;
import static io.github.hpcblueprints.rules.Specs.rule;

import io.github.hpcblueprints.azure.authorization.RoleAssignment;
import io.github.hpcblueprints.azure.consumption.Budget;
import io.github.hpcblueprints.rules.Findings;
import io.github.hpcblueprints.rules.Rule;
import io.github.hpcblueprints.rules.RuleContext;
import io.github.hpcblueprints.rules.RuleSet;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The rules that judge a compiled environment in its own terms: projects, partitions and sign-in, and the typed
 * resources and references compilation made. They join the catalogue through {@link RuleSet}; on files linted
 * without a blueprint there is no {@link CompiledEnvironment} and they find nothing.
 */
public final class DomainRules implements RuleSet {

    /** Longest idle release the profiles accept, in seconds. */
    static final int BASELINE_IDLE_LIMIT = 3600;
    static final int HARDENED_IDLE_LIMIT = 1800;

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.of(rule("HPCB-ACCESS-009").severity(E, E).title("Project identity reaches another project's data")
                        .why("Each project's nodes run with the project's identity; if it holds data roles outside the "
                                + "project's own container, one project's jobs can read another's data.")
                        .fix("Scope the project identity's data roles to its own container (project-<name>).")
                        .build(), judged(DomainRules::projectIsolation)),
                Rule.of(rule("HPCB-ACCESS-010").severity(W, E).title("Sign-in without Entra ID")
                        .why("Local CycleCloud accounts and local SSH users are passwords and keys nobody else "
                                + "controls; Entra ID brings MFA, conditional access and leavers.")
                        .fix("Use Entra ID sign-in for CycleCloud (access.cycleCloud.signIn: entra) and Entra ID SSH, "
                                + "or write the reason in the blueprint.")
                        .build(), judged(DomainRules::entraSignIn)),
                Rule.of(rule("HPCB-COST-002").severity(W, E).title("Project without its own budget")
                        .why("A project's spend is invisible inside the environment's total unless a budget filters "
                                + "on its tag.")
                        .fix("Give the project a budget (projects[].budget); it is filtered by tag project=<name>.")
                        .build(), judged(DomainRules::projectBudgets)),
                Rule.of(rule("HPCB-COST-004").severity(W, E).title("Idle nodes kept too long")
                        .why("Slurm releases idle nodes after SuspendTime; every idle minute is paid for.")
                        .fix("Set cluster.idleReleaseMinutes to at most 60 (30 when hardened); keep nodes up only in "
                                + "partitions that say why.")
                        .build(), judged(DomainRules::idleRelease)));
    }

    /** A check of the compiled environment, skipped when the context has none. */
    private interface Check {
        void check(CompiledEnvironment compiled, RuleContext context, Findings out);
    }

    private static BiConsumer<RuleContext, Findings> judged(Check check) {
        return (c, out) -> c.model(CompiledEnvironment.class).ifPresent(compiled -> check.check(compiled, c, out));
    }

    /**
     * Judges the typed role assignments by the identity they name, not the text of their expressions: any assignment
     * to a project's principal on a scope other than the project's own container.
     */
    private static void projectIsolation(CompiledEnvironment compiled, RuleContext c, Findings out) {
        List<RoleAssignment> assignments = compiled.resources(RoleAssignment.class);
        List<Project> projects = compiled.environment().projects();
        for (ProjectIdentity p : compiled.projectIdentities()) {
            for (RoleAssignment a : assignments) {
                if (!a.principalId().equals(p.principalId()) || a.scope().equals(java.util.Optional.of(
                        p.ownContainer()))) {
                    continue;
                }
                String scope = a.scope().map(s -> s.toArmString()).orElse("the resource group");
                String message = "project " + p.project() + "'s identity holds a role outside its own container "
                        + "(scope: " + scope + ")";
                var written = c.resource(RoleAssignment.TYPE, a.name().toArmString());
                if (written.isPresent()) {
                    var at = written.get();
                    out.at(at, at.resource().at(at.resource().json().has("scope") ? "scope" : "properties"), message);
                } else {
                    int i = indexOf(projects, p.project());
                    out.inBlueprint("$.projects[" + i + "]", message);
                }
            }
        }
    }

    private static int indexOf(List<Project> projects, String name) {
        for (int i = 0; i < projects.size(); i++) {
            if (projects.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static void entraSignIn(CompiledEnvironment compiled, RuleContext c, Findings out) {
        ClusterEnvironment env = compiled.environment();
        if (env.cluster().isPresent() && !env.access().cycleCloudEntraSignIn()) {
            out.inBlueprint("$.access.cycleCloud.signIn", "CycleCloud signs users in with local accounts");
        }
        if (!env.access().entraSshLogin()) {
            out.inBlueprint("$.access.entraSshLogin", "research instances accept only local SSH keys, not "
                    + "Entra ID sign-in");
        }
    }

    private static void projectBudgets(CompiledEnvironment compiled, RuleContext c, Findings out) {
        List<Budget> budgets = compiled.resources(Budget.class);
        List<Project> projects = compiled.environment().projects();
        for (int i = 0; i < projects.size(); i++) {
            String name = projects.get(i).name();
            if (budgets.stream().noneMatch(b -> b.tagFilter("project").contains(name))) {
                out.inBlueprint("$.projects[" + i + "]", "project " + name + " has no budget of its own");
            }
        }
    }

    private static void idleRelease(CompiledEnvironment compiled, RuleContext c, Findings out) {
        compiled.environment().cluster().ifPresent(cluster -> {
            int limit = c.hardened() ? HARDENED_IDLE_LIMIT : BASELINE_IDLE_LIMIT;
            if (cluster.idleReleaseSeconds() > limit) {
                out.inBlueprint("$.cluster.idleReleaseMinutes", "idle nodes are released after "
                        + cluster.idleReleaseSeconds() / 60 + " minutes; the profile allows at most " + limit / 60);
            }
            for (int i = 0; i < cluster.partitions().size(); i++) {
                if (cluster.partitions().get(i).alwaysOn()) {
                    out.inBlueprint("$.cluster.partitions[" + i + "].alwaysOnReason", "partition "
                            + cluster.partitions().get(i).name() + " is never released when idle");
                }
            }
        });
    }
}
