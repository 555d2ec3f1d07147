package io.github.hpcblueprints.azure.netapp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.azure.network.Cidr;

/**
 * One rule of a NetApp volume's NFS export policy: which client range may mount, read-write or read-only, and
 * whether root on a client is root on the volume. Secure default: root squashed.
 */
public record ExportPolicyRule(int index, String allowedClients, boolean readWrite, boolean rootAccess) {

    public ExportPolicyRule {
        if (index < 1 || index > 5) {
            throw new IllegalArgumentException("export rule index " + index + " is outside 1-5");
        }
        Cidr.parse(allowedClients);
    }

    /** Read-write for {@code cidr}, root squashed. */
    public static ExportPolicyRule readWrite(int index, String cidr) {
        return new ExportPolicyRule(index, cidr, true, false);
    }

    public ExportPolicyRule withRootAccess() {
        return new ExportPolicyRule(index, allowedClients, readWrite, true);
    }

    ObjectNode toJson(boolean nfsv3, boolean nfsv41) {
        return Json.obj("ruleIndex", index, "allowedClients", allowedClients, "unixReadOnly", !readWrite,
                "unixReadWrite", readWrite, "nfsv3", nfsv3, "nfsv41", nfsv41, "cifs", false,
                "hasRootAccess", rootAccess, "chownMode", "Restricted");
    }
}
