package io.github.hpcblueprints.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.testing.Golden;
import io.github.hpcblueprints.validate.ValidationService;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code src/test/resources/lint/insecure.json} breaks rules on purpose; lint must report exactly these rules at
 * exactly these JSON paths (and nothing else: a new finding here is a false positive or a new rule to add).
 */
class LintInsecureTemplateTest {

    static final Path FILE = Golden.projectDir().resolve("src/test/resources/lint/insecure.json");
    static Report report;

    @BeforeAll
    static void lint() {
        report = new ValidationService().lint(List.of(FILE), false, Optional.empty(), List.of());
    }

    static final List<String> EXPECTED = List.of(
            "HPCB-STRUCT-011 $.parameters.adminPassword.defaultValue",
            "HPCB-STRUCT-008 $.parameters.forgotten",
            "HPCB-STRUCT-009 $.variables.unused",
            "HPCB-COST-001 $.resources",
            "HPCB-GOV-001 $.resources",
            "HPCB-GOV-002 $.resources",
            "HPCB-GOV-003 $.resources",
            "HPCB-ACCESS-002 $.resources[0].properties.securityRules[0].properties",
            "HPCB-ACCESS-003 $.resources[0].properties.securityRules[1].properties",
            "HPCB-ACCESS-004 $.resources[0].properties.securityRules[2].properties",
            "HPCB-GOV-005 $.resources[1]",
            "HPCB-NET-003 $.resources[1].properties.subnets[0]",
            "HPCB-NET-006 $.resources[1].properties.subnets[0]",
            "HPCB-NET-003 $.resources[1].properties.subnets[1]",
            "HPCB-NET-006 $.resources[1].properties.subnets[1]",
            "HPCB-NET-002 $.resources[1].properties.subnets[1].properties.addressPrefix",
            "HPCB-NET-001 $.resources[1].properties.subnets[2].properties.addressPrefix",
            "HPCB-DATA-006 $.resources[2]",
            "HPCB-DATA-007 $.resources[2]",
            "HPCB-DATA-008 $.resources[2]",
            "HPCB-GOV-004 $.resources[2]",
            "HPCB-NET-004 $.resources[2]",
            "HPCB-STRUCT-007 $.resources[2].name",
            "HPCB-STRUCT-010 $.resources[2].location",
            "HPCB-DATA-019 $.resources[2].sku.name",
            "HPCB-DATA-001 $.resources[2].properties.supportsHttpsTrafficOnly",
            "HPCB-DATA-002 $.resources[2].properties.minimumTlsVersion",
            "HPCB-DATA-003 $.resources[2].properties.allowBlobPublicAccess",
            "HPCB-DATA-005 $.resources[2].properties.allowSharedKeyAccess",
            "HPCB-DATA-004 $.resources[2].properties.networkAcls.defaultAction",
            "HPCB-DATA-003 $.resources[3].properties.publicAccess",
            "HPCB-GOV-004 $.resources[4]",
            "HPCB-NET-004 $.resources[4]",
            "HPCB-DATA-013 $.resources[4].properties",
            "HPCB-DATA-015 $.resources[4].properties",
            "HPCB-DATA-014 $.resources[4].properties.enableRbacAuthorization",
            "HPCB-ACCESS-005 $.resources[6].properties.ipConfigurations[0].properties.publicIPAddress",
            "HPCB-COST-005 $.resources[7]",
            "HPCB-COST-003 $.resources[7].tags",
            "HPCB-DATA-016 $.resources[7].properties",
            "HPCB-ACCESS-011 $.resources[7].properties.osProfile",
            "HPCB-ACCESS-001 $.resources[7].properties.osProfile.adminPassword",
            "HPCB-DATA-017 $.resources[7].properties.osProfile.customData",
            "HPCB-ACCESS-006 $.resources[8].properties.roleDefinitionId",
            "HPCB-ACCESS-007 $.resources[8].properties.principalType",
            "HPCB-ACCESS-008 $.resources[9].properties.permissions[0].actions[0]",
            "HPCB-GOV-006 $.resources[9].properties.roleName",
            "HPCB-STRUCT-012 $.outputs.password.value");

    @Test
    void reportsExactlyTheExpectedRulesAtTheExpectedPaths() {
        List<String> found = report.findings().stream().map(f -> f.ruleId() + " " + f.location().jsonPath()).toList();
        assertThat(found).containsExactlyInAnyOrderElementsOf(EXPECTED);
    }

    @Test
    void everyFindingHasFileLineAndColumnInTheTemplate() {
        assertThat(report.findings()).allSatisfy(f -> {
            assertThat(f.location().source()).endsWith("insecure.json");
            assertThat(f.location().line()).isPositive();
            assertThat(f.location().column()).isPositive();
        });
        Finding ssh = one("HPCB-ACCESS-002");
        assertThat(ssh.location().line()).isEqualTo(48);
        assertThat(ssh.message()).contains("SSH (port 22)");
    }

    @Test
    void aParameterWithoutDefaultIsUnknownAtBuildTimeNotAFailure() {
        Finding tls = one("HPCB-DATA-002");
        assertThat(tls.unknown()).isTrue();
        assertThat(tls.severity()).isEqualTo(Severity.INFO);
        assertThat(tls.message()).contains("unknown at build time").contains("parameter 'tlsVersion' has no default");
    }

    @Test
    void allowedValuesAreJudgedAsAChoiceAndNamed() {
        Finding sku = one("HPCB-DATA-019");
        assertThat(sku.unknown()).isFalse();
        assertThat(sku.message()).contains("Standard_LRS").contains("parameter 'replication'");
    }

    @Test
    void aParameterDefaultIsFollowedIntoTheStorageNameRule() {
        assertThat(one("HPCB-STRUCT-007").message()).contains("'R_D'").contains("lower-case letters and digits");
    }

    @Test
    void theSecretInCustomDataIsFoundAfterDecodingAndMasked() {
        Finding secret = one("HPCB-DATA-017");
        assertThat(secret.message()).contains("line 5 of the custom data").doesNotContain("Winter2024");
    }

    @Test
    void hardenedRaisesTheSameFindingsToTheirHardenedSeverity() {
        Report hardened = new ValidationService().lint(List.of(FILE), true, Optional.empty(), List.of());
        assertThat(hardened.findings()).hasSameSizeAs(report.findings());
        Finding baselineKeys = one("HPCB-DATA-005");
        assertThat(baselineKeys.severity()).isEqualTo(Severity.WARNING);
        assertThat(hardened.findings()).filteredOn(f -> f.ruleId().equals("HPCB-DATA-005"))
                .extracting(Finding::severity).containsExactly(Severity.ERROR);
        assertThat(hardened.findings()).filteredOn(f -> f.unknown()).extracting(Finding::severity)
                .containsOnly(Severity.INFO);
    }

    static Finding one(String rule) {
        List<Finding> found = report.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
        assertThat(found).as(rule).hasSize(1);
        return found.get(0);
    }
}
