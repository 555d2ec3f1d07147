package io.github.hpcblueprints.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.hpcblueprints.generate.GenerateService;
import io.github.hpcblueprints.generate.GeneratedFiles;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Issue 12's table, per shipped blueprint and in one run: the warm time of the whole pipeline (load, compile,
 * render, judge: what {@code generate} does before writing, {@code validate} included) and the floor, the time
 * Jackson alone needs to serialise the same JSON output (the templates, parameters and findings, as trees).
 * {@code .ci/bench PipelineBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PipelineBenchmark {

    @Param({"minimal-slurm-nfs", "secure-slurm-lustre", "research-instances", "existing-vnet"})
    public String blueprint;

    private GenerateService service;
    private Path file;
    private final ObjectMapper jackson = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final List<JsonNode> jsonOutput = new ArrayList<>();

    @Setup
    public void setUp() throws Exception {
        service = new GenerateService();
        file = Path.of(System.getProperty("hpcb.projectDir", "."), "blueprints", blueprint + ".yaml");
        GeneratedFiles files = service.render(file, Optional.empty());
        for (var e : files.files().entrySet()) {
            if (e.getKey().endsWith(".json")) {
                jsonOutput.add(jackson.readTree(e.getValue()));
            }
        }
    }

    @Benchmark
    public GeneratedFiles generateAndValidate() {
        return service.render(file, Optional.empty());
    }

    @Benchmark
    public int jacksonFloor() throws Exception {
        int n = 0;
        for (JsonNode tree : jsonOutput) {
            n += jackson.writeValueAsString(tree).length();
        }
        return n;
    }
}
