package io.github.hpcblueprints.bench;

import io.github.hpcblueprints.generate.GenerateService;
import io.github.hpcblueprints.generate.GeneratedFiles;
import java.nio.file.Path;
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
 * Warm, in-process time to load, check, compile and render one shipped blueprint (no file writes). Run with
 * {@code .ci/bench GenerateBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GenerateBenchmark {

    @Param({"minimal-slurm-nfs", "secure-slurm-lustre", "research-instances", "existing-vnet"})
    public String blueprint;

    private GenerateService service;
    private Path file;

    @Setup
    public void setUp() {
        service = new GenerateService();
        file = Path.of(System.getProperty("hpcb.projectDir", "."), "blueprints", blueprint + ".yaml");
    }

    @Benchmark
    public GeneratedFiles render() {
        return service.render(file, Optional.empty());
    }
}
