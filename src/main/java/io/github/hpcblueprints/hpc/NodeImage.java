package io.github.hpcblueprints.hpc;

import java.util.Locale;
import java.util.Objects;

/**
 * The image cluster nodes boot: a CycleCloud image name ({@code cycle.image.ubuntu22}), a marketplace URN
 * ({@code publisher:offer:sku:version}) or a custom image resource id. Custom images must carry (or be able to
 * install) CycleCloud's node agent, Jetpack; the docs say how.
 */
public sealed interface NodeImage permits NodeImage.CycleCloud, NodeImage.Marketplace, NodeImage.Custom {

    /** The value of a CycleCloud {@code ImageName}. */
    String imageName();

    record CycleCloud(String name) implements NodeImage {
        public CycleCloud {
            Objects.requireNonNull(name);
        }

        @Override
        public String imageName() {
            return name;
        }
    }

    record Marketplace(String urn) implements NodeImage {
        public Marketplace {
            if (urn.split(":").length != 4) {
                throw new IllegalArgumentException("marketplace image '" + urn
                        + "' must be publisher:offer:sku:version");
            }
        }

        @Override
        public String imageName() {
            return urn;
        }
    }

    record Custom(String resourceId) implements NodeImage {
        public Custom {
            if (!resourceId.toLowerCase(Locale.ROOT).startsWith("/subscriptions/")) {
                throw new IllegalArgumentException("custom image '" + resourceId + "' must be a resource id "
                        + "(/subscriptions/.../images/... or a gallery image version)");
            }
        }

        @Override
        public String imageName() {
            return resourceId;
        }
    }

    /** Reads a blueprint value: a resource id, a URN, or a CycleCloud image name. */
    static NodeImage parse(String text) {
        if (text.startsWith("/")) {
            return new Custom(text);
        }
        if (text.contains(":")) {
            return new Marketplace(text);
        }
        return new CycleCloud(text);
    }
}
