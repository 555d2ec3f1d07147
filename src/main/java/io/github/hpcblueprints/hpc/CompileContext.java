package io.github.hpcblueprints.hpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Parameter;
import io.github.hpcblueprints.azure.Deployment;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.ResourceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the parts of one compilation share: the deployment being built and its append-only accumulators (parameter
 * values, boot facts, the grants CycleCloud's server waits for, deliberate suppressions). What a part makes for later
 * parts is its typed result ({@link NetworkResources}, {@link Identities}, {@link StorageResources}), passed as an
 * argument, so the order of the parts is the compiler's to check.
 */
final class CompileContext {

    final ClusterEnvironment env;
    final Naming names;
    final Deployment d;
    final Expr location;
    final boolean hardened;
    /** Values for the parameters file, by parameter name (never for secure parameters). */
    final Map<String, JsonNode> parameterValues = new LinkedHashMap<>();
    /** Facts the VMs read from their userData at boot, in order. */
    final Map<String, Expr> facts = new LinkedHashMap<>();

    /** CycleCloud's role assignments: its server waits for them, so first boot finds its rights in place. */
    final List<Ref<?>> cycleCloudGrants = new ArrayList<>();
    /** The calls the rendered scripts make, declared where they are rendered; the domain rules prove each. */
    final List<Call> calls = new ArrayList<>();
    /** Identities on machines users sign in to, beyond the project and node identities, by what carries them. */
    final Map<String, Expr> exposedIdentities = new LinkedHashMap<>();
    /** Deliberate exceptions to rules, with their reasons: written to the template's metadata for linters. */
    final List<Map<String, String>> suppressions = new ArrayList<>();

    CompileContext(ClusterEnvironment env) {
        this.env = env;
        this.names = new Naming(env);
        this.d = Deployment.resourceGroup();
        this.hardened = env.profile() == SecurityProfile.HARDENED;
        this.location = param(Parameter.string("location").withDefault(Expr.resourceGroupLocation())
                .withDescription("Region of every resource; the blueprint's region is in the parameters file."),
                Json.literal(env.region()));
    }

    /** Declares a parameter, and its value for the parameters file when there is one. */
    Expr param(Parameter p, JsonNode value) {
        Expr ref = d.parameter(p);
        if (value != null && !p.isSecure()) {
            parameterValues.put(p.name(), value);
        }
        return ref;
    }

    Expr param(Parameter p) {
        return param(p, null);
    }

    /** Tags a resource as the project's (or shared) and sets its location. */
    <S extends ResourceSpec<S>> S place(S spec, String project) {
        return spec.location(location).tags(names.tags(project));
    }

    <S extends ResourceSpec<S>> S place(S spec) {
        return place(spec, Naming.SHARED);
    }

    boolean privateEndpoints() {
        return env.network().privateEndpoints();
    }

    /** Records that {@code target} (a resource's name as written in the template) breaks {@code rule} on purpose. */
    void suppress(String rule, Expr target, String reason) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("rule", rule);
        s.put("target", target.render()); // as it appears inside the name, with or without brackets
        s.put("reason", reason);
        suppressions.add(s);
    }
}
