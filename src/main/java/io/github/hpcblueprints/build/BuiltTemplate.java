package io.github.hpcblueprints.build;

import io.github.hpcblueprints.arm.ArmDocument;
import io.github.hpcblueprints.arm.ParametersFile;
import io.github.hpcblueprints.arm.Template;
import java.util.Objects;

/**
 * One deployment template of a build: the file it is written to, the typed template, its parameters file, the JSON
 * text exactly as written, and that text read back (every node with its line and column) for the rules, which
 * locate findings in the file a user opens.
 *
 * @param file the file name in the output folder ({@code azuredeploy.json}, {@code subscription.json})
 * @param baseName the name its Bicep twin takes ({@code main}, {@code subscription})
 */
public record BuiltTemplate(String file, String baseName, Template template, ParametersFile parameters, String json,
        ArmDocument document) {

    public BuiltTemplate {
        Objects.requireNonNull(file);
        Objects.requireNonNull(baseName);
        Objects.requireNonNull(template);
        Objects.requireNonNull(parameters);
        Objects.requireNonNull(json);
        Objects.requireNonNull(document);
    }

    /** The parameters file's name ({@code azuredeploy.parameters.json}). */
    public String parametersFile() {
        return file.replaceAll("\\.json$", ".parameters.json");
    }
}
