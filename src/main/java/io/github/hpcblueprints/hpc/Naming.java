package io.github.hpcblueprints.hpc;

import io.github.hpcblueprints.json.JsonTrees;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.azure.Deployment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resource names and cost tags. Names follow Azure's recommended abbreviations ({@code vnet-}, {@code nsg-},
 * {@code kv-}, {@code st}); globally unique names (storage, Key Vault) add {@code uniqueString(resourceGroup().id)}
 * so the same blueprint deploys to many resource groups. Every resource carries {@code environment}, {@code owner}
 * and {@code project} ({@code shared} for the environment's common parts) so cost can be traced per project.
 */
public final class Naming {

    /** The project tag value of resources every project shares. */
    public static final String SHARED = "shared";

    private final ClusterEnvironment env;

    public Naming(ClusterEnvironment env) {
        this.env = env;
    }

    public String env() {
        return env.name();
    }

    /** {@code prefix-env} or {@code prefix-env-suffix}. */
    public String name(String prefix, String suffix) {
        return suffix.isEmpty() ? prefix + "-" + env.name() : prefix + "-" + env.name() + "-" + suffix;
    }

    /**
     * A globally unique storage account name: {@code st<env><role><hash>}, 24 characters at most. uniqueString is
     * always 13 characters, so the length is known here and {@code substring} cuts exactly (it fails past the end,
     * unlike take). Checkov cannot evaluate the name and so leaves its naming check undecided instead of failing
     * it; our own HPCB-STRUCT rule checks the prefix.
     */
    public Expr storageAccount(String role) {
        String prefix = "st" + env.name() + role;
        int length = Math.min(24, prefix.length() + UNIQUE_STRING_LENGTH);
        return Expr.call("substring", Expr.format(prefix + "{0}", Expr.uniqueString(Expr.resourceGroupId())),
                Expr.num(0), Expr.num(length));
    }

    /** uniqueString() returns 13 characters, always. */
    static final int UNIQUE_STRING_LENGTH = 13;

    /** A globally unique key vault name: {@code kv-<env>-<hash>}, 24 characters at most. */
    public Expr keyVault() {
        return Expr.call("take", Expr.format("kv-" + env.name() + "-{0}", Expr.uniqueString(Expr.resourceGroupId())),
                Expr.num(24));
    }

    /** A globally unique MySQL server name (it becomes a DNS name): {@code mysql-<env>-<hash>}. */
    public Expr mysqlServer() {
        return Expr.format("mysql-" + env.name() + "-{0}", Expr.uniqueString(Expr.resourceGroupId()));
    }

    /** Declares {@code name} as a template variable holding {@code value}, so resources read {@code variables(name)}. */
    public static Expr variable(Deployment d, String name, Expr value) {
        return d.variable(name, Json.expr(value));
    }

    /**
     * The tags of a resource belonging to {@code project} ({@link #SHARED} for common resources, which carry the
     * blueprint's own {@code project} tag instead when it has one: the whole environment belongs to that project).
     */
    public Map<String, Object> tags(String project) {
        Map<String, Object> t = new LinkedHashMap<>();
        new TreeMap<>(env.tags()).forEach(t::put);
        t.put("environment", env.name());
        t.put("owner", env.tags().getOrDefault("owner", ""));
        t.put("project", SHARED.equals(project) ? env.tags().getOrDefault("project", SHARED) : project);
        t.put("hpcb-blueprint", env.source());
        return t;
    }

    /** The shared tags as one object, for CycleCloud's node tags. */
    public ObjectNode tagsJson(String project) {
        var o = JsonTrees.object();
        tags(project).forEach((k, v) -> o.set(k, Json.node(v)));
        return o;
    }
}
