package io.github.hpcblueprints.bicep;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.bicep.BicepReader.Declaration;
import io.github.hpcblueprints.bicep.BicepReader.Node;
import io.github.hpcblueprints.testing.Golden;
import io.github.hpcblueprints.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Bicep linter's default rules that can be decided from the text alone, applied to every committed
 * {@code .bicep} file: what a person running {@code bicep lint} on our output would be warned about. Each check
 * names the linter rule it stands for.
 */
class BicepLintTest {

    /** Hosts the no-hardcoded-env-urls rule flags by default. */
    private static final List<String> ENVIRONMENT_HOSTS = List.of("core.windows.net", "management.azure.com",
            "login.microsoftonline.com", "graph.windows.net", "vault.azure.net", "database.windows.net",
            "gallery.azure.com", "trafficmanager.net", "datalake.azure.net", "azuredatalakestore.net",
            "azuredatalakeanalytics.net", "api.loganalytics.io", "asazure.windows.net");

    static Stream<Path> bicepFiles() throws IOException {
        try (Stream<Path> s = Files.walk(Golden.projectDir().resolve("generated"))) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".bicep")).sorted().toList();
            assertThat(files).hasSizeGreaterThanOrEqualTo(7);
            return files.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bicepFiles")
    void noLinterWarningThatTheTextCanShow(Path file) throws IOException {
        assertThat(lint(Files.readString(file))).as(file.toString()).isEmpty();
    }

    /** The checks can fail: a file with one instance of each problem gets one warning per rule. */
    @Test
    void eachCheckFindsItsProblem() {
        String bad = """
                param unused string
                @secure()
                param password string = 'hunter2'
                param dbPassword string
                param location string = 'westeurope'
                var notUsed = 1
                var joined = concat('a', password)
                var only = '${dbPassword}'
                resource hub 'Microsoft.Network/virtualNetworks@2025-07-01' existing = {
                  name: 'hub'
                }
                resource st 'Microsoft.Storage/storageAccounts@2019-06-01-preview' = {
                  name: 'st'
                  location: 'westeurope'
                  properties: {
                    endpoint: 'https://x.blob.core.windows.net'
                    at: resourceGroup().location
                    region: location
                    other: joined
                    also: only
                    osProfile: {
                      adminUsername: 'azureuser'
                    }
                  }
                }
                resource blob 'Microsoft.Storage/storageAccounts/blobServices@2026-04-01' = {
                  name: 'st/default'
                }
                output secret string = password
                output key string = st.listKeys().keys[0].value
                """;
        List<String> rules = lint(bad).stream().map(w -> w.substring(0, w.indexOf(':'))).distinct().sorted().toList();
        assertThat(rules).containsExactly("adminusername-should-not-be-literal", "no-hardcoded-env-urls",
                "no-hardcoded-location", "no-loc-expr-outside-params", "no-unused-existing-resources",
                "no-unused-params", "no-unused-vars", "outputs-should-not-contain-secrets", "prefer-interpolation",
                "secure-parameter-default", "secure-secrets-in-params", "simplify-interpolation",
                "use-parent-property", "use-recent-api-versions");
    }

    /** The API versions are those the linter wants: not preview, and within two years of the newest stable one. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bicepFiles")
    void apiVersionsAreRecent(Path file) throws IOException {
        Map<String, LocalDate> newest = new HashMap<>();
        for (String line : Files.readAllLines(Shared.armSchemas().resolve("index.tsv"))) {
            String[] f = line.split("\t");
            if (f.length > 2 && f[2].matches("\\d{4}-\\d{2}-\\d{2}")) {
                newest.merge(f[1].toLowerCase(Locale.ROOT), LocalDate.parse(f[2]),
                        (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        for (Declaration d : BicepReader.read(Files.readString(file))) {
            if (!d.keyword().equals("resource")) {
                continue;
            }
            String[] typeApi = d.type().split("@");
            assertThat(typeApi[1]).as(d.type()).matches("\\d{4}-\\d{2}-\\d{2}");
            LocalDate latest = newest.get(typeApi[0].toLowerCase(Locale.ROOT));
            assertThat(latest).as("the schemas know " + typeApi[0]).isNotNull();
            assertThat(ChronoUnit.DAYS.between(LocalDate.parse(typeApi[1]), latest))
                    .as("use-recent-api-versions: %s (newest stable %s)", d.type(), latest).isLessThanOrEqualTo(730);
        }
    }

    /** ARM functions Bicep does not have (it has operators, literals or symbols instead): a compile error there. */
    static List<String> armOnlyFunctions(String text) {
        Set<String> armOnly = Set.of("parameters", "variables", "copyindex", "equals", "not", "and", "or", "if",
                "add", "sub", "mul", "div", "mod", "less", "lessorequals", "greater", "greaterorequals",
                "createobject", "null", "true", "false");
        List<String> out = new ArrayList<>();
        for (Declaration d : BicepReader.read(text)) {
            walk(d.value(), x -> {
                if (x instanceof BicepReader.Call c && armOnly.contains(c.name().toLowerCase(Locale.ROOT))) {
                    out.add(c.name() + "() in " + d.name());
                }
            });
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bicepFiles")
    void noArmOnlyFunctionIsLeft(Path file) throws IOException {
        assertThat(armOnlyFunctions(Files.readString(file))).as(file.toString()).isEmpty();
        assertThat(armOnlyFunctions("var x = add(1, 2)\nvar y = x")).containsExactly("add() in x");
    }

    // ---- the checks ---------------------------------------------------------------------------------------------

    static List<String> lint(String text) {
        List<Declaration> decls = BicepReader.read(text);
        List<String> out = new ArrayList<>();
        Map<String, Integer> uses = new HashMap<>();
        for (Declaration d : decls) {
            if (d.value() != null) {
                count(d.value(), uses);
            }
            d.decorators().values().forEach(args -> args.forEach(a -> count(a, uses)));
        }
        for (Declaration d : decls) {
            String name = d.name();
            String lower = name.toLowerCase(Locale.ROOT);
            switch (d.keyword()) {
                case "param" -> {
                    if (uses.getOrDefault(name, 0) == 0) {
                        out.add("no-unused-params: " + name);
                    }
                    boolean secure = d.decorators().containsKey("secure");
                    if (secure && d.value() != null && !(d.value() instanceof BicepReader.Str s && s.literal().isEmpty()
                            && s.isLiteral())) {
                        out.add("secure-parameter-default: " + name);
                    }
                    if (!secure && Stream.of("password", "pwd", "secret", "accountkey", "acctkey")
                            .anyMatch(lower::contains)) {
                        out.add("secure-secrets-in-params: " + name);
                    }
                    if (lower.contains("location") && d.value() instanceof BicepReader.Str s && s.isLiteral()
                            && !s.literal().equals("global")) {
                        out.add("no-hardcoded-location: param " + name);
                    }
                }
                case "var" -> {
                    if (uses.getOrDefault(name, 0) == 0) {
                        out.add("no-unused-vars: " + name);
                    }
                }
                case "resource" -> resource(d, uses, out);
                case "output" -> {
                    Set<String> secureParams = new java.util.HashSet<>();
                    decls.stream().filter(p -> p.keyword().equals("param") && p.decorators().containsKey("secure"))
                            .forEach(p -> secureParams.add(p.name()));
                    if (lower.contains("password") || lower.contains("secret") || mentions(d.value(), secureParams)
                            || callsList(d.value())) {
                        out.add("outputs-should-not-contain-secrets: " + name);
                    }
                }
                default -> {
                }
            }
            if (d.value() != null && !d.keyword().equals("param")) {
                expressions(d.value(), out, d.name());
            }
        }
        return out;
    }

    private static void resource(Declaration d, Map<String, Integer> uses, List<String> out) {
        String[] typeApi = d.type().split("@");
        if (typeApi[1].contains("preview")) {
            out.add("use-recent-api-versions: " + d.type());
        }
        if (d.existing() && uses.getOrDefault(d.name(), 0) == 0) {
            out.add("no-unused-existing-resources: " + d.name());
        }
        BicepReader.Obj body = body(d.value());
        Node name = body.get("name");
        if (typeApi[0].split("/").length > 2 && name instanceof BicepReader.Str s && s.parts().stream()
                .anyMatch(p -> p instanceof String lit && lit.contains("/"))) {
            out.add("use-parent-property: " + d.name());
        }
        Node location = body.get("location");
        if (location instanceof BicepReader.Str s && !(s.isLiteral() && s.literal().equals("global"))) {
            out.add("no-hardcoded-location: " + d.name());
        }
        if (typeApi[0].equalsIgnoreCase("Microsoft.Resources/deployments")) {
            out.add("no-deployments-resources: " + d.name());
        }
        literalAdminUser(body, d.name(), out);
    }

    private static void literalAdminUser(Node n, String where, List<String> out) {
        if (n instanceof BicepReader.Obj o) {
            for (Map.Entry<Object, Node> e : o.entries()) {
                if ("adminUsername".equals(e.getKey()) && e.getValue() instanceof BicepReader.Str s && s.isLiteral()) {
                    out.add("adminusername-should-not-be-literal: " + where);
                }
                literalAdminUser(e.getValue(), where, out);
            }
        } else if (n instanceof BicepReader.Arr a) {
            a.items().forEach(i -> literalAdminUser(i, where, out));
        }
    }

    private static BicepReader.Obj body(Node v) {
        if (v instanceof BicepReader.ForLoop f) {
            v = f.body();
        }
        if (v instanceof BicepReader.IfBody i) {
            v = i.body();
        }
        return (BicepReader.Obj) v;
    }

    /** Checks on every expression: interpolation, locations, environment URLs. */
    private static void expressions(Node n, List<String> out, String where) {
        // a computed object key is written '${x}' in Bicep: that is not an interpolation to simplify
        Set<Node> keys = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        walk(n, x -> {
            if (x instanceof BicepReader.Obj o) {
                o.entries().forEach(e -> {
                    if (e.getKey() instanceof Node k) {
                        keys.add(k);
                    }
                });
            }
        });
        walk(n, x -> {
            if (x instanceof BicepReader.Call c && c.name().equalsIgnoreCase("concat")
                    && c.args().stream().anyMatch(a -> a instanceof BicepReader.Str)) {
                out.add("prefer-interpolation: " + where);
            }
            if (x instanceof BicepReader.Str s && s.parts().size() == 1 && !(s.parts().get(0) instanceof String)
                    && !keys.contains(x)) {
                out.add("simplify-interpolation: " + where);
            }
            if (x instanceof BicepReader.Member m && m.name().equals("location")
                    && m.target() instanceof BicepReader.Call c
                    && (c.name().equals("resourceGroup") || c.name().equals("deployment"))) {
                out.add("no-loc-expr-outside-params: " + where);
            }
            if (x instanceof BicepReader.Str s) {
                for (Object p : s.parts()) {
                    if (p instanceof String lit) {
                        for (String host : ENVIRONMENT_HOSTS) {
                            if (lit.matches("(?s).*(^|[^A-Za-z0-9-])" + java.util.regex.Pattern.quote(host) + "([^A-Za-z0-9-].*|$)")) {
                                out.add("no-hardcoded-env-urls: " + where + " (" + host + ")");
                            }
                        }
                    }
                }
            }
        });
    }

    private static boolean mentions(Node n, Set<String> names) {
        boolean[] found = {false};
        walk(n, x -> found[0] |= x instanceof BicepReader.Ident i && names.contains(i.name()));
        return found[0];
    }

    private static boolean callsList(Node n) {
        boolean[] found = {false};
        walk(n, x -> found[0] |= x instanceof BicepReader.Call c && c.name().matches("(?i)(.*\\.)?list.*"));
        return found[0];
    }

    private static void count(Node n, Map<String, Integer> uses) {
        walk(n, x -> {
            if (x instanceof BicepReader.Ident i) {
                uses.merge(i.name(), 1, Integer::sum);
            }
            if (x instanceof BicepReader.Call c && c.name().contains(".")) {
                uses.merge(c.name().substring(0, c.name().indexOf('.')), 1, Integer::sum);
            }
        });
    }

    private static void walk(Node n, java.util.function.Consumer<Node> visit) {
        if (n == null) {
            return;
        }
        visit.accept(n);
        if (n instanceof BicepReader.Str s) {
            s.parts().forEach(p -> {
                if (p instanceof Node inner) {
                    walk(inner, visit);
                }
            });
        } else if (n instanceof BicepReader.Member m) {
            walk(m.target(), visit);
        } else if (n instanceof BicepReader.IndexAt i) {
            walk(i.target(), visit);
            walk(i.index(), visit);
        } else if (n instanceof BicepReader.Call c) {
            c.args().forEach(a -> walk(a, visit));
        } else if (n instanceof BicepReader.Obj o) {
            o.entries().forEach(e -> {
                if (e.getKey() instanceof Node k) {
                    walk(k, visit);
                }
                walk(e.getValue(), visit);
            });
        } else if (n instanceof BicepReader.Arr a) {
            a.items().forEach(x -> walk(x, visit));
        } else if (n instanceof BicepReader.Unary u) {
            walk(u.operand(), visit);
        } else if (n instanceof BicepReader.Binary b) {
            walk(b.left(), visit);
            walk(b.right(), visit);
        } else if (n instanceof BicepReader.Ternary t) {
            walk(t.condition(), visit);
            walk(t.whenTrue(), visit);
            walk(t.whenFalse(), visit);
        } else if (n instanceof BicepReader.ForLoop f) {
            walk(f.iterable(), visit);
            walk(f.condition(), visit);
            walk(f.body(), visit);
        } else if (n instanceof BicepReader.IfBody i) {
            walk(i.condition(), visit);
            walk(i.body(), visit);
        }
    }
}
