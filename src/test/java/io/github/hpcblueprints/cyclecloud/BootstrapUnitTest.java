package io.github.hpcblueprints.cyclecloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.blueprint.BlueprintLoader;
import io.github.hpcblueprints.testing.Golden;
import io.github.hpcblueprints.testing.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CycleCloud server's bootstrap unit, read by systemd's own parser ({@code systemd-analyze verify}): cloud-init
 * runs its commands once per instance, so the retries and the run at every boot until done are systemd's, and a
 * setting systemd would ignore (it only warns) would silently lose them.
 */
class BootstrapUnitTest {

    @TempDir
    Path tmp;

    @Test
    void systemdReadsTheUnitWithoutAWarning() throws Exception {
        Path analyze = Tools.require("/usr/bin/systemd-analyze", "systemd");
        var env = new BlueprintLoader().load(Golden.projectDir().resolve("blueprints/minimal-slurm-nfs.yaml"))
                .environment();
        String unit = CycleCloudFiles.bootstrapUnit(env);
        assertThat(unit).contains("Restart=on-failure").contains("ConditionPathExists=!/var/lib/hpcb/bootstrap.done")
                .contains("WantedBy=multi-user.target");
        // verify checks that ExecStart exists: point it at a stand-in
        Path exec = Files.writeString(tmp.resolve("bootstrap.sh"), "#!/bin/sh\n");
        exec.toFile().setExecutable(true);
        Path file = Files.writeString(tmp.resolve("hpcb-bootstrap.service"),
                unit.replace("ExecStart=/opt/hpcb/bootstrap.sh", "ExecStart=" + exec));
        Process p = new ProcessBuilder(analyze.toString(), "verify", file.toString()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out.lines().filter(l -> l.contains(file.getFileName().toString()))).as(out).isEmpty();
    }
}
