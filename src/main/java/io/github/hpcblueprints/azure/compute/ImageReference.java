package io.github.hpcblueprints.azure.compute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import java.util.Objects;
import java.util.Optional;

/** Which image a VM boots: a marketplace image (optionally with its purchase plan) or a custom image by id. */
public sealed interface ImageReference permits ImageReference.Marketplace, ImageReference.Custom {

    /** The {@code storageProfile.imageReference} object. */
    ObjectNode toJson();

    /** The purchase plan a marketplace image needs, if any. */
    default Optional<ObjectNode> plan() {
        return Optional.empty();
    }

    /** A marketplace image by publisher, offer, SKU and version ({@code latest} or a pinned version). */
    record Marketplace(String publisher, String offer, String sku, String version, boolean needsPlan)
            implements ImageReference {
        public Marketplace {
            Objects.requireNonNull(publisher);
            Objects.requireNonNull(offer);
            Objects.requireNonNull(sku);
            Objects.requireNonNull(version);
            if (publisher.isBlank() || offer.isBlank() || sku.isBlank() || version.isBlank()) {
                throw new IllegalArgumentException("a marketplace image needs publisher, offer, sku and version");
            }
        }

        @Override
        public ObjectNode toJson() {
            return Json.obj("publisher", publisher, "offer", offer, "sku", sku, "version", version);
        }

        @Override
        public Optional<ObjectNode> plan() {
            return needsPlan ? Optional.of(Json.obj("name", sku, "product", offer, "publisher", publisher))
                    : Optional.empty();
        }
    }

    /** A custom image: a Compute Gallery image (version) or managed image resource id. */
    record Custom(Expr id) implements ImageReference {
        public Custom {
            Objects.requireNonNull(id);
        }

        @Override
        public ObjectNode toJson() {
            return Json.obj("id", id);
        }
    }

    static Marketplace marketplace(String publisher, String offer, String sku, String version) {
        return new Marketplace(publisher, offer, sku, version, false);
    }

    /** A marketplace image whose terms must be accepted (it carries a purchase plan). */
    static Marketplace marketplaceWithPlan(String publisher, String offer, String sku, String version) {
        return new Marketplace(publisher, offer, sku, version, true);
    }

    static Custom custom(Expr id) {
        return new Custom(id);
    }

    /** Ubuntu Server 24.04 LTS (Gen2), Canonical's current LTS. */
    static Marketplace ubuntu2404() {
        return marketplace("Canonical", "ubuntu-24_04-lts", "server", "latest");
    }

    /** Ubuntu Server 22.04 LTS (Gen2). */
    static Marketplace ubuntu2204() {
        return marketplace("Canonical", "0001-com-ubuntu-server-jammy", "22_04-lts-gen2", "latest");
    }

    /** Ubuntu 22.04 HPC (Gen2) from Microsoft, with InfiniBand drivers, MPI libraries and GPU drivers. */
    static Marketplace ubuntuHpc2204() {
        return marketplace("microsoft-dsvm", "ubuntu-hpc", "2204", "latest");
    }

    /** AlmaLinux 8.10 HPC (Gen2), with InfiniBand drivers and MPI libraries. */
    static Marketplace almaLinuxHpc8() {
        return marketplace("almalinux", "almalinux-hpc", "8_10-hpc-gen2", "latest");
    }
}
