package io.github.hpcblueprints.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.hpc.SharedStorage;
import io.github.hpcblueprints.json.JsonTrees;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * One shape: the records Jackson binds, the published schema and the defaults an environment gets are the same
 * declaration. A blueprint that leaves a key out gets exactly the default the schema publishes.
 */
class BlueprintDocumentTest {

    static final String MINIMAL = """
            name: demo
            region: uksouth
            tags: {owner: me}
            network: {addressSpace: 10.40.0.0/16}
            cluster:
              partitions:
                - {name: htc, vmSize: Standard_F4s_v2, maxNodes: 4}
            storage:
              lustre: {sku: AMLFS-Durable-Premium-125, capacityTiB: 16}
              azureFiles: {quotaGiB: 1024}
            """;

    static JsonNode schemaDefault(String path) {
        JsonNode n = BlueprintFormat.schema();
        for (String key : path.split("\\.")) {
            n = key.equals("[]") ? n.path("items") : n.path("properties").path(key);
        }
        assertThat(n.has("default")).as(path + " publishes a default").isTrue();
        return n.get("default");
    }

    @Test
    void anAbsentKeyTakesTheDefaultTheSchemaPublishes() {
        ClusterEnvironment env = new BlueprintLoader().load(MINIMAL, "demo.yaml", Path.of("."), "demo.yaml")
                .environment();
        var cluster = env.cluster().orElseThrow();
        assertThat(cluster.slurmVersion()).isEqualTo(schemaDefault("cluster.slurmVersion").asText());
        assertThat(cluster.idleReleaseSeconds()).isEqualTo(schemaDefault("cluster.idleReleaseMinutes").asInt() * 60);
        assertThat(cluster.partitions().get(0).spot()).isEqualTo(schemaDefault("cluster.partitions.[].spot")
                .asBoolean());
        var lustre = env.storage(SharedStorage.Lustre.class).orElseThrow();
        assertThat(lustre.mountPoint()).isEqualTo(schemaDefault("storage.lustre.mountPoint").asText());
        assertThat(lustre.zone()).isEqualTo(schemaDefault("storage.lustre.zone").asText());
        var files = env.storage(SharedStorage.AzureFilesNfs.class).orElseThrow();
        assertThat(files.mountPoint()).isEqualTo(schemaDefault("storage.azureFiles.mountPoint").asText());
        assertThat(env.profile().name().toLowerCase()).isEqualTo(schemaDefault("profile").asText());
        // a section left out gets the domain's defaults, which are the same constants
        assertThat(env.cycleCloud().orElseThrow().vmSize()).isEqualTo(schemaDefault("cycleCloud.vmSize").asText());
        assertThat(env.cycleCloud().orElseThrow().version()).isEqualTo(schemaDefault("cycleCloud.version").asText());
    }

    @Test
    void defaultsFillOnlySectionsThatAreThereAndNeverOverrideAValue() {
        JsonNode tree = JsonTrees.parse("""
                {"name": "demo", "region": "uksouth", "cluster": {"slurmVersion": "24.05.1",
                 "partitions": [{"name": "a", "vmSize": "Standard_F4s_v2", "maxNodes": 1, "spot": true}]}}""");
        JsonNode filled = Spec.withDefaults(BlueprintFormat.root(), tree);
        assertThat(filled.path("cluster").path("slurmVersion").asText()).isEqualTo("24.05.1");
        assertThat(filled.path("cluster").path("partitions").get(0).path("spot").asBoolean()).isTrue();
        assertThat(filled.path("cluster").path("partitions").get(0).path("infiniband").isBoolean()).isTrue();
        assertThat(filled.path("cluster").path("idleReleaseMinutes").asInt()).isEqualTo(15);
        assertThat(filled.has("storage")).isFalse();
        assertThat(filled.path("profile").asText()).isEqualTo("hardened");
        assertThat(tree.has("profile")).as("the input tree is not changed").isFalse();
        BlueprintDocument.Root root = BlueprintMapper.bind(tree);
        assertThat(root.cluster().partitions().get(0).isDefault()).isFalse();
        assertThat(root.cluster().login()).isNull();
    }

    @Test
    void keysJavaReservesAreStillTheFormatsNames() {
        assertThat(BlueprintFormat.schema().path("properties").has("extends")).isTrue();
        assertThat(BlueprintFormat.schema().path("properties").path("cluster").path("properties").path("partitions")
                .path("items").path("properties").has("default")).isTrue();
    }
}
