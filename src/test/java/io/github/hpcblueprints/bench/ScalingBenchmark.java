package io.github.hpcblueprints.bench;

import io.github.hpcblueprints.generate.GenerateService;
import io.github.hpcblueprints.generate.GeneratedFiles;
import io.github.hpcblueprints.hpc.AutoShutdown;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.hpc.CostControls;
import io.github.hpcblueprints.hpc.Project;
import io.github.hpcblueprints.hpc.ResearchInstance;
import io.github.hpcblueprints.hpc.SharedStorage;
import io.github.hpcblueprints.hpc.SlurmCluster;
import io.github.hpcblueprints.rules.Report;
import io.github.hpcblueprints.validate.ValidationService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How the pipeline scales (issue 12: time(1000)/time(100) at most 12), on what can grow that far:
 * <ul>
 *   <li>{@code lint}: reading and judging a synthetic template with {@code size} subnets, {@code size} role
 *       assignments and one NSG of {@code size} rules (the reader, the reference and dependency checks, the rules);
 *   <li>{@code generate}: the whole pipeline for an environment with {@code size / 20} projects and research
 *       instances (identities, role assignments, data, budgets, VMs). An environment cannot have 1,000 partitions:
 *       the cluster template rides in the CycleCloud server's custom data, which Azure caps at 64 KiB (about 40
 *       partitions), and ARM caps a template at 800 resources.
 * </ul>
 * {@code .ci/bench ScalingBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class ScalingBenchmark {

    @Param({"100", "1000"})
    public int size;

    private ClusterEnvironment env;
    private Path template;
    private final GenerateService service = new GenerateService();
    private final ValidationService validation = new ValidationService();

    @Setup
    public void setUp() throws IOException {
        ClusterEnvironment.Builder b = ClusterEnvironment.named("scale").region("uksouth")
                .tag("owner", "research-computing")
                .network(n -> n.addressSpace("10.0.0.0/12"))
                .cluster(SlurmCluster.named("scale").idleReleaseSeconds(600)
                        .partition("htc", p -> p.vmSize("Standard_F2s_v2").maxNodes(8).spot()).build())
                .storage(SharedStorage.azureFilesNfs("shared", 100, "/shared"))
                .cost(CostControls.defaults().withMonthlyBudget(100_000).withContactEmails("hpc@example.org"));
        for (int i = 0; i < size / 20; i++) {
            b.project(new Project("q" + i, "owner" + i, "q" + i + "GroupObjectId", "", 100, List.of()));
            b.instance(new ResearchInstance("ws" + i, "Standard_D2as_v5", "ubuntu2404", "q" + i, List.of("/shared"),
                    AutoShutdown.at("1900", "UTC")));
        }
        env = b.build();
        template = Files.createTempFile("scale-" + size, ".json");
        Files.writeString(template, syntheticTemplate(size));
    }

    static String syntheticTemplate(int n) {
        StringBuilder sb = new StringBuilder("""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                 "contentVersion": "1.0.0.0",
                 "parameters": {"location": {"type": "string", "defaultValue": "[resourceGroup().location]"},
                                "principalId": {"type": "string"}},
                 "resources": [
                  {"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2025-07-01", "name": "nsg",
                   "location": "[parameters('location')]", "properties": {"securityRules": [
                """);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",\n").append("{\"name\": \"r").append(i).append("\", \"properties\": {")
                    .append("\"priority\": ").append(100 + i).append(", \"direction\": \"Inbound\", \"access\": ")
                    .append("\"Allow\", \"protocol\": \"Tcp\", \"sourceAddressPrefix\": \"10.0.0.0/8\", ")
                    .append("\"sourcePortRange\": \"*\", \"destinationAddressPrefix\": \"*\", ")
                    .append("\"destinationPortRange\": \"").append(1000 + i).append("\"}}");
        }
        sb.append("]}},\n  {\"type\": \"Microsoft.Network/virtualNetworks\", \"apiVersion\": \"2025-07-01\", "
                + "\"name\": \"vnet\", \"location\": \"[parameters('location')]\", \"properties\": "
                + "{\"addressSpace\": {\"addressPrefixes\": [\"10.0.0.0/8\"]}}}");
        for (int i = 0; i < n; i++) {
            sb.append(",\n  {\"type\": \"Microsoft.Network/virtualNetworks/subnets\", \"apiVersion\": "
                    + "\"2025-07-01\", \"name\": \"vnet/s").append(i).append("\", \"dependsOn\": ["
                    + "\"[resourceId('Microsoft.Network/virtualNetworks', 'vnet')]\"], \"properties\": "
                    + "{\"addressPrefix\": \"10.").append(i / 256).append('.').append(i % 256)
                    .append(".0/24\", \"networkSecurityGroup\": {\"id\": \"[resourceId("
                            + "'Microsoft.Network/networkSecurityGroups', 'nsg')]\"}}}");
            sb.append(",\n  {\"type\": \"Microsoft.Authorization/roleAssignments\", \"apiVersion\": "
                    + "\"2022-04-01\", \"scope\": \"[resourceId('Microsoft.Network/virtualNetworks', 'vnet')]\", "
                    + "\"name\": \"[guid(resourceGroup().id, 'ra").append(i).append("')]\", \"dependsOn\": ["
                    + "\"[resourceId('Microsoft.Network/virtualNetworks', 'vnet')]\"], \"properties\": "
                    + "{\"roleDefinitionId\": \"[subscriptionResourceId('Microsoft.Authorization/"
                    + "roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')]\", \"principalId\": "
                    + "\"[parameters('principalId')]\", \"principalType\": \"Group\"}}");
        }
        return sb.append("\n]}\n").toString();
    }

    @Benchmark
    public Report lint() {
        return validation.lint(List.of(template), false, Optional.empty(), List.of());
    }

    @Benchmark
    public GeneratedFiles generate() {
        return service.render("scale", env);
    }
}
