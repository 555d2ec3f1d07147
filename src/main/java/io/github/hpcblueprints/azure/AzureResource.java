package io.github.hpcblueprints.azure;

import io.github.hpcblueprints.arm.Resource;

/**
 * A typed Azure resource: knows its ARM type, its pinned apiVersion and its name, and produces the
 * {@link Resource} that goes into a template. Every implementation starts from secure defaults; loosening one takes
 * an explicit call that says what is given up.
 */
public interface AzureResource {

    /** The fully qualified ARM resource type. */
    String resourceType();

    /** The apiVersion this type is pinned to (current and non-preview in Azure's published schemas). */
    String apiVersion();

    /** The ARM resource, validated: a value outside Azure's rules is refused here with the field and the range. */
    Resource toResource();
}
