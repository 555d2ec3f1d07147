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

    /**
     * True for a marketplace image sold under a purchase plan whose terms must be accepted in the subscription
     * before a VM or scale set can use it (third-party listings such as AlmaLinux's HPC image). CycleCloud accepts
     * them when its account says {@code AcceptMarketplaceTerms} and its identity may sign agreements.
     */
    default boolean needsTermsAccepted() {
        return false;
    }

    /**
     * A CycleCloud image name. Only the Linux images CycleCloud ships and still supports can run Slurm nodes (its
     * image list: almalinux-8, cycle.image.ubuntu20/22/24, the SLES HPC images); CentOS and Windows names are
     * refused.
     */
    record CycleCloud(String name) implements NodeImage {
        static final java.util.List<String> LINUX = java.util.List.of("cycle.image.ubuntu24", "cycle.image.ubuntu22",
                "cycle.image.ubuntu20", "almalinux-8", "cycle.image.sles15-hpc", "cycle.image.sles12-hpc");

        public CycleCloud {
            Objects.requireNonNull(name);
            if (!LINUX.contains(name)) {
                String guess = io.github.hpcblueprints.diagnostics.Suggest.closest(name, LINUX);
                String why = name.startsWith("cycle.image.win") ? " (Windows cannot run Slurm nodes)"
                        : name.startsWith("cycle.image.centos") ? " (CentOS is end of life)" : "";
                throw new IllegalArgumentException("image '" + name + "' is not a CycleCloud Linux image name" + why
                        + "; use " + (guess.isEmpty() ? "" : guess + " or another of ") + String.join(", ", LINUX)
                        + ", a publisher:offer:sku:version URN or an image resource id");
            }
        }

        @Override
        public String imageName() {
            return name;
        }
    }

    record Marketplace(String urn) implements NodeImage {
        /** Publishers whose listings carry no purchase plan: Microsoft's own and the distributions' first-party ones. */
        static final java.util.Set<String> PLANLESS_PUBLISHERS = java.util.Set.of("canonical", "microsoft-dsvm",
                "microsoftwindowsserver", "microsoftcblmariner", "openlogic", "redhat", "suse", "debian",
                "azurecyclecloud");

        public Marketplace {
            if (urn.split(":").length != 4) {
                throw new IllegalArgumentException("marketplace image '" + urn
                        + "' must be publisher:offer:sku:version");
            }
        }

        public String publisher() {
            return urn.split(":")[0];
        }

        @Override
        public boolean needsTermsAccepted() {
            return !PLANLESS_PUBLISHERS.contains(publisher().toLowerCase(Locale.ROOT));
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
