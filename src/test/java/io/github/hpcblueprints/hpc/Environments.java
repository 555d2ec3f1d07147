package io.github.hpcblueprints.hpc;

import io.github.hpcblueprints.azure.storagecache.AmlSku;
import java.util.List;

/** Environments built in Java for the domain tests. */
final class Environments {

    private Environments() {
    }

    static ClusterEnvironment.Builder full() {
        return ClusterEnvironment.named("genomics")
                .region("uksouth")
                .tag("owner", "research-computing")
                .network(n -> n.addressSpace("10.40.0.0/16"))
                .cluster(SlurmCluster.named("genomics")
                        .partition("htc", p -> p.vmSize("Standard_F4s_v2").maxNodes(32).spot())
                        .partition("hpc", p -> p.vmSize("Standard_HB176rs_v4").maxNodes(4).infiniband())
                        .build())
                .project(new Project("alpha", "alice", "alphaGroupObjectId", "", 1500, List.of("htc", "hpc")))
                .project(new Project("beta", "bob", "betaGroupObjectId", "", 800, List.of("htc")))
                .storage(new SharedStorage.Lustre(AmlSku.DURABLE_PREMIUM_125, 16, "/lustre", "lustre-data", "/",
                        SharedStorage.Export.AUTO, "1"))
                .storage(new SharedStorage.AzureFilesNfs("shared", 1024, "/shared", true, true))
                .instance(new ResearchInstance("viz01", "Standard_D8as_v5", "ubuntu2204", "alpha",
                        List.of("/shared", "/lustre"), AutoShutdown.at("1900", "GMT Standard Time")))
                .cost(new CostControls(5000, List.of(80, 100), List.of(100), false,
                        List.of("hpc-admins@example.org"), AutoShutdown.at("1900", "UTC")));
    }
}
