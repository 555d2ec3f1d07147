package io.github.hpcblueprints.cyclecloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.blueprint.BlueprintLoader;
import io.github.hpcblueprints.generate.GenerateService;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.hpc.SharedStorage;
import io.github.hpcblueprints.testing.Golden;
import io.github.hpcblueprints.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our cluster templates use only what the official CycleCloud Slurm template (or the facts we checked) uses: section
 * kinds, node attributes, mount settings and every {@code slurm.*} / {@code cyclecloud.*} configuration key.
 */
class ClusterTemplateStructureTest {

    private static final Pattern FACT_KEY = Pattern.compile("\\b((?:slurm|cyclecloud)\\.[a-z_]+(?:\\.[a-z_]+)*)");

    static Stream<Path> clusterBlueprints() {
        return GenerateService.blueprintsIn(Golden.projectDir().resolve("blueprints")).stream()
                .filter(b -> load(b).cluster().isPresent());
    }

    static ClusterEnvironment load(Path b) {
        return new BlueprintLoader(Path.of("target/profile-cache"), Duration.ofSeconds(1)).load(b).environment();
    }

    record Official(Set<String> kinds, Set<String> nodeAttributes, Set<String> configKeys, Set<String> mountKeys,
            Set<String> sectionNamePrefixes) {
    }

    static Official official() throws IOException {
        Path corpus = Shared.corpus().resolve("cyclecloud-slurm/slurm.txt");
        List<TemplateText.Section> sections = TemplateText.parse(Files.readString(corpus));
        Set<String> kinds = new TreeSet<>();
        Set<String> nodeAttributes = new TreeSet<>();
        Set<String> configKeys = new TreeSet<>();
        Set<String> mountKeys = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        for (TemplateText.Section s : sections) {
            kinds.add(s.kind());
            if (s.kind().equals("node") || s.kind().equals("nodearray")) {
                s.attributes().forEach(a -> nodeAttributes.add(a.key()));
            }
            if (s.kind().equals("configuration")) {
                if (s.name().isEmpty()) {
                    s.attributes().forEach(a -> configKeys.add(a.key()));
                } else {
                    prefixes.add(prefix(s.name()));
                    s.attributes().forEach(a -> mountKeys.add(a.key()));
                }
            }
        }
        Matcher m = FACT_KEY.matcher(Files.readString(Shared.folder().resolve("cyclecloud-facts.md")));
        while (m.find()) {
            configKeys.add(m.group(1));
        }
        // CycleCloud's node attribute for a node's own cloud-init (CycleCloud's "cloud-init" documentation and
        // templates that use it): the Slurm template does not, we do, to mount /shared before users are created
        nodeAttributes.add("CloudInit");
        return new Official(kinds, nodeAttributes, configKeys, mountKeys, prefixes);
    }

    /** {@code cyclecloud.mounts.nfs_shared} → {@code cyclecloud.mounts}: the last segment is a name we choose. */
    static String prefix(String sectionName) {
        return sectionName.substring(0, sectionName.lastIndexOf('.'));
    }

    @ParameterizedTest
    @MethodSource("clusterBlueprints")
    void usesOnlySectionsAttributesAndKeysTheOfficialTemplateHas(Path blueprint) throws IOException {
        Official official = official();
        assertThat(official.configKeys()).contains("slurm.version", "slurm.additional.config", "slurm.role");
        List<TemplateText.Section> ours = TemplateText.parse(ClusterTemplate.render(load(blueprint)));
        assertThat(ours).isNotEmpty();
        List<String> unknown = new ArrayList<>();
        for (TemplateText.Section s : ours) {
            if (!official.kinds().contains(s.kind())) {
                unknown.add("section kind [" + s.kind() + "] at line " + s.line());
            }
            for (TemplateText.Attribute a : s.attributes()) {
                boolean ok = switch (s.kind()) {
                    case "node", "nodearray" -> official.nodeAttributes().contains(a.key());
                    case "configuration" -> s.name().isEmpty()
                            ? !a.key().matches("(slurm|cyclecloud)\\..*") || official.configKeys().contains(a.key())
                            : official.mountKeys().contains(a.key());
                    default -> true;
                };
                if (!ok) {
                    unknown.add(s.kind() + " key " + a.key() + " at line " + a.line());
                }
            }
            if (s.kind().equals("configuration") && !s.name().isEmpty()
                    && !official.sectionNamePrefixes().contains(prefix(s.name()))) {
                unknown.add("configuration section " + s.name() + " at line " + s.line());
            }
        }
        assertThat(unknown).as(blueprint.getFileName().toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("clusterBlueprints")
    void idleReleaseIsExplicitInEveryCluster(Path blueprint) {
        ClusterEnvironment env = load(blueprint);
        List<TemplateText.Section> ours = TemplateText.parse(ClusterTemplate.render(env));
        String additional = ours.stream().filter(s -> s.kind().equals("configuration") && s.name().isEmpty())
                .flatMap(s -> s.attributes().stream()).filter(a -> a.key().equals("slurm.additional.config"))
                .map(TemplateText.Attribute::value).findFirst().orElse("");
        int seconds = env.cluster().orElseThrow().idleReleaseSeconds();
        // the template takes the lines from a Text parameter; the parameters file gives them, one per line
        assertThat(additional).isEqualTo("$AdditionalSlurmConfig");
        assertThat(ClusterTemplate.parameterValues(env).get("AdditionalSlurmConfig").split("\n"))
                .contains("SuspendTime=" + seconds);
    }

    @ParameterizedTest
    @MethodSource("clusterBlueprints")
    void lustreGetsTerminateNotificationsAndLustreExportPaths(Path blueprint) {
        ClusterEnvironment env = load(blueprint);
        List<TemplateText.Section> ours = TemplateText.parse(ClusterTemplate.render(env));
        TemplateText.Section defaults = ours.stream().filter(s -> s.kind().equals("node") && s.name().equals(
                "defaults")).findFirst().orElseThrow();
        boolean lustre = env.storage().stream().anyMatch(s -> s instanceof SharedStorage
                .Lustre);
        assertThat(defaults.attributes()).filteredOn(a -> a.key().equals("EnableTerminateNotification"))
                .extracting(TemplateText.Attribute::value).isEqualTo(lustre ? List.of("true") : List.of());
        List<TemplateText.Section> lustreMounts = ours.stream().filter(s -> s.name().startsWith("cyclecloud.mounts."))
                .filter(s -> s.attributes().stream().anyMatch(a -> a.key().equals("type") && a.value().equals(
                        "lustre"))).toList();
        assertThat(lustreMounts).hasSize(lustre ? 1 : 0);
        lustreMounts.forEach(s -> assertThat(s.attributes()).anySatisfy(a -> {
            assertThat(a.key()).isEqualTo("export_path");
            assertThat(a.value()).startsWith("tcp:/lustrefs");
        }));
    }

    /**
     * Every cluster-init spec the template names exists: ours in the rendered project (a folder under specs/ and a
     * [spec] in project.ini), CycleCloud's Slurm project's pinned to the release that installs the cluster's Slurm.
     * CycleCloud stops a node's configuration at a spec it cannot find.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("clusterBlueprints")
    void everyClusterInitSpecTheTemplateNamesExistsAndIsPinned(Path b) {
        ClusterEnvironment env = load(b);
        String template = ClusterTemplate.render(env);
        java.util.Map<String, String> project = ClusterInitProject.render(env);
        java.util.regex.Matcher m = Pattern.compile("\\[\\[\\[cluster-init ([^:\\]]+):([^:\\]]+)(?::([^\\]]+))?\\]\\]\\]")
                .matcher(template);
        int ours = 0;
        while (m.find()) {
            String name = m.group(1);
            String spec = m.group(2);
            assertThat(m.group(3)).as(m.group() + " is pinned").isNotBlank();
            if (name.equals(ClusterTemplate.projectName(env))) {
                ours++;
                assertThat(project.keySet()).as(m.group()).anyMatch(k -> k.startsWith("specs/" + spec + "/"));
                assertThat(project.get("project.ini")).contains("[spec " + spec + "]");
                assertThat(m.group(3)).isEqualTo(ClusterTemplate.PROJECT_VERSION);
            } else {
                assertThat(name).isEqualTo("cyclecloud/slurm");
                assertThat(m.group(3)).isEqualTo(env.cluster().orElseThrow().slurmProjectRelease());
            }
        }
        assertThat(ours).isPositive();
        // and the project declares no spec the template leaves unused
        java.util.regex.Matcher declared = Pattern.compile("\\[spec ([a-z]+)\\]").matcher(project.get("project.ini"));
        while (declared.find()) {
            assertThat(template).contains(ClusterTemplate.projectName(env) + ":" + declared.group(1) + ":");
        }
    }
}
