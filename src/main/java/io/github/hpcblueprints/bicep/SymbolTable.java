package io.github.hpcblueprints.bicep;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.ExprParser;
import io.github.hpcblueprints.arm.Parameter;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.arm.ResourceId;
import io.github.hpcblueprints.arm.Scope;
import io.github.hpcblueprints.arm.Template;
import io.github.hpcblueprints.arm.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The symbolic names of one Bicep file. Parameters and variables keep their ARM names; resources get names derived
 * from their own ({@code vnet-genomics} → {@code vnetGenomics}, a subnet {@code admin} of it →
 * {@code vnetGenomicsAdmin}), unique across the file's single namespace and never a keyword or a function name.
 */
final class SymbolTable {

    /** A resource (deployed, existing, or a nested deployment rendered as a module) and its symbol. */
    record Entry(Resource resource, String symbol, ResourceId id, boolean existing, boolean module) {
    }

    private final Scope scope;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Entry> byKey = new HashMap<>();
    private final Set<String> taken = new HashSet<>();

    SymbolTable(Template t) {
        this.scope = t.scope();
        for (Parameter p : t.parameters()) {
            parameters.put(p.name().toLowerCase(Locale.ROOT), claim(identifier(p.name(), "param"), "Param"));
        }
        for (Variable v : t.variables()) {
            variables.put(v.name().toLowerCase(Locale.ROOT), claim(identifier(v.name(), "var"), "Var"));
        }
        // existing resources first: deployed children may name them as parent
        for (Resource r : t.existingResources()) {
            add(r, true);
        }
        for (Resource r : t.resources()) {
            addWithChildren(r, false);
        }
    }

    /** A resource and, after it, the children declared inside it, each as the top-level resource it is. */
    private void addWithChildren(Resource r, boolean existing) {
        List<Resource> all = r.withChildrenAtTopLevel();
        add(r, existing); // the template's own object: findings and callers look symbols up by it
        all.subList(1, all.size()).forEach(c -> add(c, existing));
    }

    private void add(Resource r, boolean existing) {
        boolean module = BicepWriter.isModule(r);
        ResourceId id = r.id(scope);
        String symbol = claim(suggest(r, id), module ? "Module" : "Resource");
        Entry e = new Entry(r, symbol, id, existing, module);
        entries.add(e);
        byKey.putIfAbsent(id.key(), e);
    }

    private static String identifier(String name, String fallbackPrefix) {
        if (BicepText.isIdentifier(name)) {
            return name;
        }
        String c = BicepText.camel(name);
        return c.isEmpty() || !Character.isLetter(c.charAt(0)) ? fallbackPrefix + BicepText.capitalize(c) : c;
    }

    /** A unique symbol: {@code base}, else {@code base2}, {@code base3} ...; a reserved word gets {@code suffix}. */
    private String claim(String base, String suffix) {
        String b = base;
        if (b.isEmpty() || BicepText.RESERVED.contains(b.toLowerCase(Locale.ROOT))) {
            b = b + suffix;
        }
        String candidate = b;
        for (int n = 2; taken.contains(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = b + n;
        }
        taken.add(candidate.toLowerCase(Locale.ROOT));
        return candidate;
    }

    /** A readable name: from the resource's own literal name, a variable it is named by, or what its name is made of. */
    private String suggest(Resource r, ResourceId id) {
        if (r.isType("Microsoft.Authorization/roleAssignments")) {
            return roleAssignment(r);
        }
        List<Expr> segs = r.nameSegments();
        String typeWord = lastTypeWord(r.type());
        String own = hint(segs.get(segs.size() - 1));
        if (segs.size() > 1) {
            Optional<Entry> parent = parentOf(id);
            String parentPart = parent.map(Entry::symbol).orElse(hint(segs.get(segs.size() - 2)));
            return parentPart + BicepText.capitalize(own.isEmpty() ? typeWord : own);
        }
        if (!own.isEmpty()) {
            return own;
        }
        return typeWord;
    }

    /**
     * A role assignment is named by what it grants and to whom, not by its guid: {@code keyVaultRoleForAdmins},
     * {@code roleForResearchers} at the resource group.
     */
    private String roleAssignment(Resource r) {
        String on = r.scope().flatMap(ResourceId::parseScope).flatMap(this::resolve).map(Entry::symbol).orElse("");
        String to = "";
        JsonNode principal = r.properties().map(p -> p.get("principalId")).orElse(null);
        if (principal != null && principal.isTextual()) {
            ExprParser.Result parsed = ExprParser.tryParseArmString(principal.textValue());
            if (parsed.ok()) {
                to = principalHint(parsed.expr().orElseThrow());
            }
        }
        String base = on.isEmpty() ? "role" : on + "Role";
        return to.isEmpty() ? base + "Assignment" : base + "For" + BicepText.capitalize(to);
    }

    /** {@code parameters('adminsGroupObjectId')} → admins group; {@code reference(identity).principalId} → identity. */
    private String principalHint(Expr e) {
        if (e instanceof Expr.Call c && (c.is("parameters") || c.is("variables"))) {
            return hint(e).replaceAll("(Principal|Group)$", "");
        }
        Expr root = e;
        while (root instanceof Expr.Member m) {
            root = m.target();
        }
        if (root instanceof Expr.Call c && c.is("reference") && !c.args().isEmpty()) {
            Optional<ResourceId> id = ResourceId.parse(c.arg(0));
            if (id.isPresent()) {
                return resolve(id.get()).map(Entry::symbol)
                        .orElse(hint(id.get().names().get(id.get().names().size() - 1)));
            }
        }
        return "";
    }

    /** What a name segment is called: a literal's words, a variable's name without "Name", a guid's first hint. */
    private String hint(Expr e) {
        if (e instanceof Expr.Str s) {
            return s.value().matches("[0-9a-fA-F-]{36}") ? "" : firstLetter(BicepText.camel(s.value()));
        }
        if (e instanceof Expr.Call c && (c.is("variables") || c.is("parameters")) && c.args().size() == 1
                && c.arg(0) instanceof Expr.Str n) {
            return firstLetter(BicepText.camel(n.value().replaceAll("(Name|ObjectId|Id)$", "")));
        }
        if (e instanceof Expr.Call c && c.is("format") && !c.args().isEmpty() && c.arg(0) instanceof Expr.Str f) {
            // the words of the format string: format('privatelink.blob.{0}', ...) → privatelinkBlob
            return firstLetter(BicepText.camel(f.value().replaceAll("\\{\\d+}", " ")));
        }
        if (e instanceof Expr.Call c && c.is("guid")) {
            for (Expr a : c.args()) {
                String h = guidHint(a);
                if (!h.isEmpty()) {
                    return h;
                }
            }
        }
        return "";
    }

    private String guidHint(Expr a) {
        if (a instanceof Expr.Str s && !s.value().contains("/")) {
            return hint(a);
        }
        if (a instanceof Expr.Call c && (c.is("parameters") || c.is("variables"))) {
            return hint(a);
        }
        Optional<ResourceId> id = ResourceId.parse(a);
        if (id.isPresent() && !id.get().type().equalsIgnoreCase("Microsoft.Authorization/roleDefinitions")) {
            return hint(id.get().names().get(id.get().names().size() - 1));
        }
        return "";
    }

    private static String firstLetter(String camel) {
        return camel.isEmpty() || Character.isLetter(camel.charAt(0)) ? camel : "r" + camel;
    }

    private static String lastTypeWord(String type) {
        String last = type.substring(type.lastIndexOf('/') + 1);
        String singular = last.endsWith("ies") ? last.substring(0, last.length() - 3) + "y"
                : last.endsWith("ses") ? last.substring(0, last.length() - 2)
                : last.endsWith("s") ? last.substring(0, last.length() - 1) : last;
        return BicepText.camel(singular);
    }

    // ---- lookups --------------------------------------------------------------------------------------------

    String parameter(String armName) {
        return parameters.getOrDefault(armName.toLowerCase(Locale.ROOT), armName);
    }

    boolean isParameter(String armName) {
        return parameters.containsKey(armName.toLowerCase(Locale.ROOT));
    }

    String variable(String armName) {
        return variables.getOrDefault(armName.toLowerCase(Locale.ROOT), armName);
    }

    List<Entry> entries() {
        return entries;
    }

    Scope scope() {
        return scope;
    }

    /** The resource an id points at, when this file declares it. */
    Optional<Entry> resolve(ResourceId id) {
        return Optional.ofNullable(byKey.get(id.key()));
    }

    /** The declared parent of a child resource ({@code a/b} for {@code a/b/c}). */
    Optional<Entry> parentOf(ResourceId id) {
        String type = id.type();
        int slash = type.lastIndexOf('/');
        if (slash <= type.indexOf('/') || id.names().size() < 2) {
            return Optional.empty();
        }
        List<Expr> names = id.names().subList(0, id.names().size() - 1);
        ResourceId parent = new ResourceId(id.kind(), id.scopeArgs(), type.substring(0, slash), names);
        return Optional.ofNullable(byKey.get(parent.key()));
    }
}
