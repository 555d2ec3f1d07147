package io.github.hpcblueprints.blueprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.hpc.SecurityProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented merge rules of {@code extends:}, one test per rule. */
class ProfileMergeTest {

    static final String PROFILE = String.join("\n",
            "region: uksouth",
            "profile: hardened",
            "tags:",
            "  owner: central-it",
            "  costCentre: IT-1",
            "network:",
            "  natGateway: true",
            "  privateEndpoints: true",
            "cluster:",
            "  idleReleaseMinutes: 30",
            "  partitions:",
            "    - {name: prof, vmSize: Standard_F2s_v2, maxNodes: 2}",
            "cost:",
            "  budget: 500",
            "  contactEmails: [a@example.org, b@example.org]",
            "");

    @TempDir
    Path tmp;

    private ClusterEnvironment load(String blueprint) throws IOException {
        Files.writeString(tmp.resolve("profile.yaml"), PROFILE);
        Path file = tmp.resolve("bp.yaml");
        Files.writeString(file, "extends: profile.yaml\nname: merge\n" + blueprint);
        return new BlueprintLoader(tmp.resolve("cache"), Duration.ofSeconds(1)).load(file).environment();
    }

    private static final String INSTANCE = "researchInstances:\n  - {name: ws01, vmSize: Standard_D4as_v5}\n"
            + "network:\n  addressSpace: 10.70.0.0/22\n";

    @Test
    void valuesTheBlueprintDoesNotSetComeFromTheProfile() throws IOException {
        ClusterEnvironment env = load(INSTANCE);
        assertThat(env.region()).isEqualTo("uksouth");
        assertThat(env.profile()).isEqualTo(SecurityProfile.HARDENED);
        assertThat(env.cost().budget()).isEqualTo(500);
    }

    @Test
    void aValueInTheBlueprintReplacesTheProfiles() throws IOException {
        ClusterEnvironment env = load(INSTANCE + "region: westeurope\nprofile: baseline\n");
        assertThat(env.region()).isEqualTo("westeurope");
        assertThat(env.profile()).isEqualTo(SecurityProfile.BASELINE);
    }

    @Test
    void mapsMergeKeyByKey() throws IOException {
        ClusterEnvironment env = load(INSTANCE + "tags:\n  project: p1\n  owner: lab-7\n");
        assertThat(env.tags()).containsEntry("owner", "lab-7").containsEntry("costCentre", "IT-1")
                .containsEntry("project", "p1");
    }

    @Test
    void listsReplaceWhole() throws IOException {
        ClusterEnvironment env = load(INSTANCE + "cost:\n  contactEmails: [c@example.org]\n");
        assertThat(env.cost().contactEmails()).containsExactly("c@example.org");
        assertThat(env.cost().budget()).isEqualTo(500);
    }

    @Test
    void aNullValueRemovesTheInheritedKey() throws IOException {
        ClusterEnvironment env = load(INSTANCE + "tags:\n  costCentre: ~\n");
        assertThat(env.tags()).doesNotContainKey("costCentre").containsEntry("owner", "central-it");
    }

    @Test
    void sectionsThatCreateSomethingApplyOnlyWhenTheBlueprintHasThem() throws IOException {
        assertThat(load(INSTANCE).cluster()).isEmpty();

        ClusterEnvironment withCluster = load("network:\n  addressSpace: 10.70.0.0/20\ncluster:\n  partitions:\n"
                + "    - {name: htc, vmSize: Standard_F4s_v2, maxNodes: 4}\n");
        assertThat(withCluster.cluster()).hasValueSatisfying(c -> {
            assertThat(c.idleReleaseSeconds()).isEqualTo(30 * 60);          // merged from the profile
            assertThat(c.partitions()).extracting(p -> p.name()).containsExactly("htc");   // list replaced
        });
    }

    @Test
    void profilesChainAndTheNearestWins() throws IOException {
        Files.writeString(tmp.resolve("base.yaml"), "region: northeurope\ntags:\n  owner: base\n  tier: gold\n");
        Files.writeString(tmp.resolve("dept.yaml"), "extends: base.yaml\ntags:\n  owner: dept\n");
        Path file = tmp.resolve("bp.yaml");
        Files.writeString(file, "extends: dept.yaml\nname: chain\n" + INSTANCE);
        ClusterEnvironment env = new BlueprintLoader(tmp.resolve("cache"), Duration.ofSeconds(1)).load(file)
                .environment();
        assertThat(env.region()).isEqualTo("northeurope");
        assertThat(env.tags()).containsEntry("owner", "dept").containsEntry("tier", "gold");
    }

    @Test
    void aCycleIsNamedWithItsWholeChain() throws IOException {
        Files.writeString(tmp.resolve("a.yaml"), "extends: b.yaml\nregion: uksouth\n");
        Files.writeString(tmp.resolve("b.yaml"), "extends: a.yaml\n");
        Path file = tmp.resolve("bp.yaml");
        Files.writeString(file, "extends: a.yaml\nname: cyc\n" + INSTANCE);
        BlueprintException e = catchThrowableOfType(BlueprintException.class,
                () -> new BlueprintLoader(tmp.resolve("cache"), Duration.ofSeconds(1)).load(file));
        Problem p = e.problems().get(0);
        assertThat(p.message()).contains("cycle").contains("a.yaml -> ").contains("b.yaml");
        assertThat(p.location().source()).endsWith("b.yaml");
    }

    @Test
    void aMistakeInTheProfileIsReportedInTheProfile() throws IOException {
        Files.writeString(tmp.resolve("bad.yaml"), "region: uksouth\ntags:\n  owner: x\ncost:\n  budgte: 5\n");
        Path file = tmp.resolve("bp.yaml");
        Files.writeString(file, "extends: bad.yaml\nname: badp\n" + INSTANCE);
        BlueprintException e = catchThrowableOfType(BlueprintException.class,
                () -> new BlueprintLoader(tmp.resolve("cache"), Duration.ofSeconds(1)).load(file));
        assertThat(e.problems()).hasSize(1);
        Problem p = e.problems().get(0);
        assertThat(p.location().source()).endsWith("bad.yaml");
        assertThat(p.location().line()).isEqualTo(5);
        assertThat(p.hint()).contains("did you mean 'budget'?");
    }

    @Test
    void aVmSizeOutsideTheProfilesAllowedSizesIsRefusedWhereItIsWritten() throws IOException {
        Files.writeString(tmp.resolve("strict.yaml"), "region: uksouth\ntags:\n  owner: x\ngovernance:\n"
                + "  allowedVmSizes: [Standard_D4as_v5]\n");
        Path file = tmp.resolve("bp.yaml");
        Files.writeString(file, "extends: strict.yaml\nname: sizes\nnetwork:\n  addressSpace: 10.70.0.0/22\n"
                + "researchInstances:\n  - {name: ws01, vmSize: Standard_D4as_v5}\n"
                + "  - {name: ws02, vmSize: Standard_NC24ads_A100_v4}\n");
        BlueprintException e = catchThrowableOfType(BlueprintException.class,
                () -> new BlueprintLoader(tmp.resolve("cache"), Duration.ofSeconds(1)).load(file));
        assertThat(e.problems()).hasSize(1);
        Problem p = e.problems().get(0);
        assertThat(p.location().source()).endsWith("bp.yaml");
        assertThat(p.location().line()).isEqualTo(7);
        assertThat(p.location().jsonPath()).isEqualTo("$.researchInstances[1].vmSize");
        assertThat(p.message()).contains("Standard_NC24ads_A100_v4").contains("allowedVmSizes");
    }
}
