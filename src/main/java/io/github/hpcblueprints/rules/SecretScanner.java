package io.github.hpcblueprints.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.arm.ArmDocument;
import io.github.hpcblueprints.arm.ArmReader;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.ExprParser;
import io.github.hpcblueprints.arm.ExpressionIndex;
import io.github.hpcblueprints.diagnostics.JsonPath;
import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds secrets in files we write, or in anyone's templates: credential-shaped text in any file, and in ARM templates
 * the structural leaks (a password parameter that is not {@code securestring}, a secure parameter with a default, a
 * secure value or a {@code list*()} result in outputs or tags, a literal password in a resource, a literal value for a
 * secure parameter in a parameters file). Messages never repeat the secret itself.
 */
public final class SecretScanner {

    /**
     * A shape of credential: what it is, its pattern, and the text (lower case) it cannot match without. A line
     * holding none of that text is skipped for the pattern, so the regular expressions run only where a secret could
     * be (they dominated the time of a build).
     */
    private record TextSecret(String what, Pattern pattern, List<String> needs) {
    }

    /** Text that is a credential wherever it appears, in the order the report lists them. */
    private static final List<TextSecret> TEXT = List.of(
            new TextSecret("a 512-bit base64 key (the shape of storage account keys)",
                    Pattern.compile("(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])"), List.of("==")),
            new TextSecret("a JSON Web Token",
                    Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]+"), List.of("eyj")),
            new TextSecret("a SAS token signature", Pattern.compile("[?&]sig=[A-Za-z0-9%+/]{20,}"), List.of("sig=")),
            new TextSecret("a password assigned a literal value",
                    Pattern.compile("(?i)[\"']?\\b(?:[a-z0-9]+_)*(?:admin_?)?(?:password|passwd|pwd|"
                            + "client_?secret)[\"']?\\s*[:=]\\s*[\"']?(?=[^\\s\"']*[0-9])(?=[^\\s\"']*[A-Za-z])"
                            + "[^\\s\"'$<{\\[(%]{8,}"), List.of("pass", "pwd", "secret")),
            new TextSecret("a private key", Pattern.compile("-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----"),
                    List.of("private key-----")),
            new TextSecret("a storage account key in a connection string",
                    Pattern.compile("AccountKey=[A-Za-z0-9+/]{20,}"), List.of("accountkey=")),
            new TextSecret("an Entra ID client secret", Pattern.compile("(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}\\dQ~"
                    + "[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])"), List.of("q~")));

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|passwd|secret|token|"
            + "connectionstring|credential|privatekey|accountkey|accesskey|apikey|primarykey|secondarykey|sastoken|sasurl).*");
    private static final Pattern PUBLIC_NAME = Pattern.compile("(?i).*(publickey|tokenlifetime|secretname|"
            + "secreturi|secretid|passwordauthentication).*");
    private static final Set<String> SECRET_PROPERTIES = Set.of("adminpassword", "password", "secret",
            "clientsecret", "accountkey", "sastoken", "connectionstring");

    private SecretScanner() {
    }

    /** Scans every file under {@code folder}; ARM templates and parameters files also get the structural checks. */
    public static List<Problem> scanFolder(Path folder) {
        List<Problem> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(folder)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path f : files) {
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                continue;   // binary files are not ours to scan
            }
            out.addAll(scanText(f.toString(), text));
            if (f.toString().endsWith(".json")) {
                ArmDocument doc = ArmReader.read(text, f.toString());
                if (doc.isTemplate()) {
                    out.addAll(scanTemplate(doc));
                } else if (doc.root().has("parameters") && doc.root().path("$schema").asText("")
                        .contains("deploymentParameters")) {
                    Path template = f.resolveSibling(f.getFileName().toString().replace(".parameters.json", ".json"));
                    ArmDocument t = Files.isRegularFile(template) ? ArmReader.read(template) : null;
                    out.addAll(scanParameters(doc, t));
                }
            }
        }
        return out;
    }

    /** Credential-shaped text anywhere in a file, located by line and column. */
    public static List<Problem> scanText(String source, String text) {
        List<Problem> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String lower = lines[i].toLowerCase(Locale.ROOT);
            for (TextSecret p : TEXT) {
                if (p.needs().stream().noneMatch(lower::contains)) {
                    continue;
                }
                Matcher m = p.pattern().matcher(lines[i]);
                while (m.find()) {
                    out.add(Problem.of("SECRET-TEXT", "looks like " + p.what() + " ('" + mask(m.group()) + "')",
                            Location.of(source, i + 1, m.start() + 1), "never write credentials into files: take "
                                    + "them from a securestring parameter or a Key Vault reference"));
                }
            }
        }
        return out;
    }

    /** The structural leaks of an ARM template. */
    public static List<Problem> scanTemplate(ArmDocument doc) {
        List<Problem> out = new ArrayList<>();
        JsonNode root = doc.root();
        Set<String> secure = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("parameters").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            String path = JsonPath.child("$.parameters", p.getKey());
            String type = p.getValue().path("type").asText("").toLowerCase(Locale.ROOT);
            boolean isSecure = type.equals("securestring") || type.equals("secureobject");
            if (isSecure) {
                secure.add(p.getKey());
                JsonNode def = p.getValue().get("defaultValue");
                if (def != null && !(def.isTextual() && (def.textValue().isEmpty()
                        || def.textValue().replace(" ", "").equalsIgnoreCase("[newGuid()]")))) {
                    out.add(doc.locate(Problem.at("SECRET-DEFAULT", path + ".defaultValue", "secure parameter '"
                            + p.getKey() + "' has a default value, which is stored in the template in clear",
                            "remove the default; supply the value at deployment or from Key Vault")));
                }
            } else if (isSecretName(p.getKey()) && (type.equals("string") || type.equals("object"))) {
                out.add(doc.locate(Problem.at("SECRET-PARAM-TYPE", path + ".type", "parameter '" + p.getKey()
                        + "' looks like a credential but is a plain " + type + ", which deployment history shows",
                        "make it " + (type.equals("string") ? "securestring" : "secureObject"))));
            }
        }
        for (ExpressionIndex.Site site : doc.expressions().sites()) {
            boolean inOutput = site.section() == ExpressionIndex.Section.OUTPUTS;
            boolean inTag = site.path().matches(".*\\.tags(\\.|\\[).*");
            if (!inOutput && !inTag) {
                continue;
            }
            site.parsed().expr().ifPresent(e -> e.calls().forEach(c -> {
                String leak = null;
                if (c.is("parameters") && c.args().size() == 1 && c.arg(0) instanceof
                        Expr.Str n && secure.contains(n.value())) {
                    leak = "secure parameter '" + n.value() + "'";
                } else if (c.name().toLowerCase(Locale.ROOT).startsWith("list")) {
                    leak = "the result of " + c.name() + "()";
                }
                if (leak != null) {
                    out.add(doc.locate(Problem.at("SECRET-LEAK", site.path(), (inOutput ? "an output" : "a tag")
                            + " exposes " + leak + ": outputs and tags are readable by anyone who can read the "
                            + "deployment or resource", "remove it; consumers read the secret from Key Vault")));
                }
            }));
        }
        literalSecrets(doc, root.path("resources"), "$.resources", out);
        return out;
    }

    /** Literal values given for secure (or credential-named) parameters in a parameters file. */
    public static List<Problem> scanParameters(ArmDocument parameters, ArmDocument template) {
        List<Problem> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = parameters.root().path("parameters").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            String type = template == null ? "" : template.root().path("parameters").path(p.getKey()).path("type")
                    .asText("").toLowerCase(Locale.ROOT);
            boolean secure = type.startsWith("secure") || (type.isEmpty() && isSecretName(p.getKey()));
            JsonNode value = p.getValue().get("value");
            if (secure && value != null && !(value.isTextual() && value.textValue().isEmpty())) {
                out.add(parameters.locate(Problem.at("SECRET-PARAM-VALUE", JsonPath.child(JsonPath.child(
                        "$.parameters", p.getKey()), "value"), "parameters file gives secure parameter '"
                        + p.getKey() + "' a literal value", "use a Key Vault reference ({\"reference\": "
                        + "{\"keyVault\": {\"id\": ...}, \"secretName\": ...}})")));
            }
        }
        return out;
    }

    private static void literalSecrets(ArmDocument doc, JsonNode node, String path, List<Problem> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = JsonPath.child(path, e.getKey());
                JsonNode v = e.getValue();
                if (SECRET_PROPERTIES.contains(e.getKey().toLowerCase(Locale.ROOT)) && v.isTextual()
                        && !v.textValue().isEmpty() && ExprParser.tryParseArmString(v.textValue()).expr()
                        .map(x -> x instanceof Expr.Str).orElse(true)) {
                    out.add(doc.locate(Problem.at("SECRET-LITERAL", child, "'" + e.getKey() + "' is a literal "
                            + "value in the template", "take it from a securestring parameter or a Key Vault "
                            + "reference")));
                }
                if (e.getKey().equalsIgnoreCase("customData") && v.isTextual() && !v.textValue().startsWith("[")) {
                    // cloud-init travels base64-encoded: look inside it too
                    decoded(v.textValue()).ifPresent(text -> scanText(doc.source() + " " + child, text).forEach(
                            p -> out.add(p.withLocation(doc.locate(child).withPath(child)))));
                }
                literalSecrets(doc, v, child, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                literalSecrets(doc, node.get(i), JsonPath.index(path, i), out);
            }
        }
    }

    private static Optional<String> decoded(String base64) {
        try {
            return Optional.of(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name).matches() && !PUBLIC_NAME.matcher(name).matches();
    }

    private static String mask(String secret) {
        return secret.length() <= 6 ? "***" : secret.substring(0, 4) + "...";
    }
}
