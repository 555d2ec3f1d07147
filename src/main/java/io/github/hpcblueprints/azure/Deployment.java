package io.github.hpcblueprints.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Output;
import io.github.hpcblueprints.arm.Parameter;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.arm.ResourceId;
import io.github.hpcblueprints.arm.ResourceNames;
import io.github.hpcblueprints.arm.ResourceRef;
import io.github.hpcblueprints.arm.Scope;
import io.github.hpcblueprints.arm.Template;
import java.util.ArrayList;
import java.util.List;

/**
 * The friendly way to build a template from typed resources: {@link #add(AzureResource)} returns a typed
 * {@link Ref} for the others to point at; {@link #build()} gives the checked {@link Template} (dependencies made
 * explicit, dangling references refused).
 *
 * <pre>{@code
 * Deployment d = Deployment.resourceGroup();
 * Ref<NetworkSecurityGroup> nsg = d.add(NetworkSecurityGroup.named("nsg-compute"));
 * Ref<VirtualNetwork> vnet = d.add(VirtualNetwork.named("vnet-hpc").addressSpace("10.20.0.0/16"));
 * d.add(Subnet.of(vnet, "compute", "10.20.1.0/24").networkSecurityGroup(nsg));
 * Template t = d.build();
 * }</pre>
 */
public final class Deployment {

    private final Template.Builder template;
    private final List<AzureResource> added = new ArrayList<>();

    private Deployment(Scope scope) {
        this.template = Template.builder(scope);
    }

    public static Deployment resourceGroup() {
        return new Deployment(Scope.RESOURCE_GROUP);
    }

    public static Deployment subscription() {
        return new Deployment(Scope.SUBSCRIPTION);
    }

    public Scope scope() {
        return template.scope();
    }

    /** Declares a parameter; returns the expression that reads it. */
    public Expr parameter(Parameter p) {
        return template.parameter(p);
    }

    /** Declares a variable; returns the expression that reads it. */
    public Expr variable(String name, JsonNode value) {
        return template.variable(name, value);
    }

    public Deployment metadata(String key, JsonNode value) {
        template.metadata(key, value);
        return this;
    }

    /** Adds a typed resource and returns its handle. */
    @SuppressWarnings("unchecked")
    public <T extends AzureResource> Ref<T> add(T spec) {
        Resource r = spec.toResource();
        ResourceRef ref = template.resource(r);
        added.add(spec);
        return Ref.of((Class<T>) spec.getClass(), spec.apiVersion(), ref.resourceId(), false);
    }

    /** The typed resources added so far, in order: what the domain's rules judge. */
    public List<AzureResource> added() {
        return List.copyOf(added);
    }

    /** Adds an untyped resource (see {@link RawResource}) and returns its handle. */
    public Ref<RawResource> add(RawResource raw) {
        ResourceRef ref = template.resource(raw.toResource());
        return Ref.of(RawResource.class, raw.apiVersion(), ref.resourceId(), false);
    }

    /** Refers to a resource that already exists in this deployment's resource group. */
    public <T> Ref<T> existing(Class<T> kind, String type, String apiVersion, Expr... names) {
        ResourceId id = ResourceId.of(type, names);
        template.existing(Resource.builder(type, apiVersion, ResourceNames.join(
                List.of(names))).build());
        return Ref.of(kind, apiVersion, id, true);
    }

    /** Refers to a resource that already exists in another resource group of the same subscription. */
    public <T> Ref<T> existingIn(Expr resourceGroup, Class<T> kind, String type, String apiVersion, Expr... names) {
        ResourceId id = ResourceId.inResourceGroup(resourceGroup, type, names);
        template.existing(Resource.builder(type, apiVersion, ResourceNames.join(
                List.of(names))).extra("resourceGroup", Json.expr(resourceGroup)).build());
        return Ref.of(kind, apiVersion, id, true);
    }

    public Deployment output(Output o) {
        template.output(o);
        return this;
    }

    /** The underlying template builder, for what the typed API does not cover. */
    public Template.Builder template() {
        return template;
    }

    /** The checked template (see {@link Template.Builder#build()}). */
    public Template build() {
        return template.build();
    }
}
