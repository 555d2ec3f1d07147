package io.github.hpcblueprints.azure.resources;

import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.azure.AzureResource;
import java.util.Objects;

/**
 * The deployment's resource group's own tags ({@code Microsoft.Resources/tags} named {@code default}). The resource
 * replaces the whole set, so {@link #adding} keeps the tags already there and adds one: a value recorded on the
 * first deployment that later deployments read back through {@code resourceGroup().tags}.
 */
public final class ResourceGroupTags implements AzureResource {

    public static final String TYPE = "Microsoft.Resources/tags";
    public static final String API_VERSION = "2025-04-01";

    private final String key;
    private final Expr value;

    private ResourceGroupTags(String key, Expr value) {
        this.key = Objects.requireNonNull(key);
        this.value = Objects.requireNonNull(value);
    }

    /** The resource group's tags as they are, plus {@code key: value}. */
    public static ResourceGroupTags adding(String key, Expr value) {
        return new ResourceGroupTags(key, value);
    }

    /** {@code resourceGroup().tags}, or an empty object for a group without tags. */
    public static Expr current() {
        return Expr.call("if", Expr.call("contains", Expr.call("resourceGroup"), Expr.str("tags")),
                Expr.call("resourceGroup").prop("tags"), Expr.call("createObject"));
    }

    /** The value of tag {@code key} on the resource group when it has one, else {@code otherwise}. */
    public static Expr readOr(String key, Expr otherwise) {
        // if() evaluates only the branch it takes, so the missing tag is never read
        return Expr.call("if", Expr.call("contains", current(), Expr.str(key)),
                Expr.call("resourceGroup").prop("tags").prop(key), otherwise);
    }

    @Override
    public String resourceType() {
        return TYPE;
    }

    @Override
    public String apiVersion() {
        return API_VERSION;
    }

    @Override
    public Resource toResource() {
        return Resource.builder(TYPE, API_VERSION, Expr.str("default")).properties(Json.obj("tags",
                Expr.call("union", current(), Expr.call("createObject", Expr.str(key), value)))).build();
    }
}
