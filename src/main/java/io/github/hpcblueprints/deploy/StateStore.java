package io.github.hpcblueprints.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Generator;
import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.json.JsonPrinter;
import io.github.hpcblueprints.json.JsonTrees;
import io.github.hpcblueprints.json.TextFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The local record of what an environment consists of: {@code <dir>/<environment>.json}, one entry per resource id
 * (sorted, so the file is the same for the same resources). Written whole to a temporary file and moved into place,
 * so an interrupted apply leaves the old record; a file there that this tool did not write is never overwritten.
 */
public final class StateStore {

    private static final String MARK = "hpc-blueprints local state";
    private final Path dir;

    public StateStore(Path dir) {
        this.dir = dir;
    }

    public Path file(String environment) {
        return dir.resolve(environment + ".json");
    }

    /** The recorded resources by id; empty when nothing was applied yet. */
    public Map<String, PlannedResource> read(String environment) {
        Path f = file(environment);
        Map<String, PlannedResource> out = new TreeMap<>();
        if (!Files.exists(f)) {
            return out;
        }
        JsonNode root;
        try {
            root = JsonTrees.parse(TextFiles.read(f));
        } catch (RuntimeException e) {
            throw notOurs(f, "it is not JSON");
        }
        if (!MARK.equals(root.path("kind").asText())) {
            throw notOurs(f, "it was not written by hpcb apply");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("resources").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode r = e.getValue();
            out.put(e.getKey(), new PlannedResource(e.getKey(), r.path("type").asText(), r.path("apiVersion").asText(),
                    r.path("declaration").isObject() ? (ObjectNode) r.get("declaration") : JsonTrees.object(),
                    r.path("template").asText(), java.util.List.of()));
        }
        return out;
    }

    /** Records the resources (an empty map records an environment with nothing left). */
    public void write(String environment, Map<String, PlannedResource> resources) {
        Path f = file(environment);
        if (Files.exists(f)) {
            read(environment); // refuses a file we did not write
        }
        ObjectNode root = JsonTrees.object();
        root.put("kind", MARK);
        root.put("generator", Generator.describe());
        root.put("environment", environment);
        ObjectNode rs = root.putObject("resources");
        new TreeMap<>(resources).forEach((id, r) -> {
            ObjectNode o = rs.putObject(id);
            o.put("type", r.type());
            o.put("apiVersion", r.apiVersion());
            o.put("template", r.template());
            o.set("declaration", r.body());
        });
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + environment, ".tmp");
            try {
                Files.writeString(tmp, JsonPrinter.print(root), StandardCharsets.UTF_8);
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state file " + f + ": " + e.getMessage(), e);
        }
    }

    private static BlueprintException notOurs(Path f, String why) {
        return new BlueprintException(Problem.of("STATE", "the state file " + f + " cannot be used: " + why,
                Location.of(f.toString(), 0, 0), "move it away, or give another folder with --state DIR"));
    }
}
