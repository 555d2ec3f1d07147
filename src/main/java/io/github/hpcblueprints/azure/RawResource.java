package io.github.hpcblueprints.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Resource;
import java.util.Objects;

/**
 * The escape hatch: any resource type and apiVersion with a JSON body, for what is not typed yet. No secure
 * defaults are applied; the rules still judge it like any other resource.
 */
public final class RawResource implements AzureResource {

    private final Resource resource;

    private RawResource(Resource resource) {
        this.resource = Objects.requireNonNull(resource);
    }

    /** A raw resource of {@code type}, with properties; location and everything else come from the builder. */
    public static RawResource of(String type, String apiVersion, Expr name, JsonNode properties) {
        return new RawResource(Resource.builder(type, apiVersion, name).properties(properties).build());
    }

    /** Wraps a fully built ARM resource. */
    public static RawResource of(Resource resource) {
        return new RawResource(resource);
    }

    @Override
    public String resourceType() {
        return resource.type();
    }

    @Override
    public String apiVersion() {
        return resource.apiVersion();
    }

    @Override
    public Resource toResource() {
        return resource;
    }
}
