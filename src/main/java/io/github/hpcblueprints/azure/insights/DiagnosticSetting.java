package io.github.hpcblueprints.azure.insights;

import io.github.hpcblueprints.json.JsonTrees;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.arm.ResourceId;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.ResourceSpec;
import io.github.hpcblueprints.azure.operationalinsights.LogAnalyticsWorkspace;
import java.util.List;
import java.util.Objects;

/**
 * Sends a resource's logs and metrics to Log Analytics ({@code microsoft.insights/diagnosticSettings}, spelled as
 * the 2016-09-01 schema spells it; ARM types are case-insensitive). Who read which secret, who deleted which blob:
 * without it the answer is gone. The log categories differ per resource type; the factories name them.
 */
public final class DiagnosticSetting extends ResourceSpec<DiagnosticSetting> {

    public static final String TYPE = "microsoft.insights/diagnosticSettings";
    public static final String API_VERSION = "2016-09-01";
    /** The one name the 2016-09-01 schema allows. */
    public static final String NAME = "service";

    private final Expr scope;
    private final Expr workspaceId;
    private final List<String> categories;
    private final boolean metrics;

    private DiagnosticSetting(Expr name, Expr scope, Expr workspaceId, List<String> categories, boolean metrics) {
        super(name, TYPE, API_VERSION);
        this.scope = Objects.requireNonNull(scope);
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.categories = List.copyOf(categories);
        this.metrics = metrics;
    }

    /** Key Vault audit events (every secret read and change). */
    public static DiagnosticSetting forKeyVault(Ref<?> vault, Ref<LogAnalyticsWorkspace> workspace) {
        return new DiagnosticSetting(Expr.str(NAME), vault.scopeRef(), workspace.id(),
                List.of("AuditEvent"), true);
    }

    /** Blob reads, writes and deletes of a storage account. */
    public static DiagnosticSetting forBlobService(Ref<?> storageAccount, Ref<LogAnalyticsWorkspace> workspace) {
        ResourceId blob = storageAccount.resourceId().orElseThrow().child("blobServices", Expr.str("default"));
        return new DiagnosticSetting(Expr.str(NAME), blob.scopeRef(), workspace.id(),
                List.of("StorageRead", "StorageWrite", "StorageDelete"), true);
    }

    /** File reads, writes and deletes of a storage account (Azure Files). */
    public static DiagnosticSetting forFileService(Ref<?> storageAccount, Ref<LogAnalyticsWorkspace> workspace) {
        ResourceId files = storageAccount.resourceId().orElseThrow().child("fileServices", Expr.str("default"));
        return new DiagnosticSetting(Expr.str(NAME), files.scopeRef(), workspace.id(),
                List.of("StorageRead", "StorageWrite", "StorageDelete"), true);
    }

    /** Any resource, with the log categories it has. */
    public static DiagnosticSetting of(Ref<?> target, Ref<LogAnalyticsWorkspace> workspace,
            List<String> categories, boolean metrics) {
        return new DiagnosticSetting(Expr.str(NAME), target.scopeRef(), workspace.id(), categories, metrics);
    }

    @Override
    protected DiagnosticSetting self() {
        return this;
    }

    @Override
    public Resource toResource() {
        ArrayNode logs = JsonTrees.array();
        categories.forEach(c -> logs.add(Json.obj("category", c, "enabled", true)));
        var props = Json.obj("workspaceId", workspaceId, "logs", logs);
        if (metrics) {
            props.set("metrics", Json.arr(Json.obj("enabled", true, "timeGrain", "PT1M")));
        }
        return Resource.builder(TYPE, API_VERSION, name).scope(scope).dependsOn(dependsOn).properties(props).build();
    }
}
