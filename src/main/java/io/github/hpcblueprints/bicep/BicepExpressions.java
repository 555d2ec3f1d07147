package io.github.hpcblueprints.bicep;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.ExprParser;
import io.github.hpcblueprints.arm.ResourceId;
import io.github.hpcblueprints.arm.Scope;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ARM expressions and JSON values in Bicep syntax: {@code parameters('x')} → {@code x}, {@code resourceId(...)} of a
 * declared resource → {@code symbol.id}, {@code reference(...).y} → {@code symbol.properties.y}, {@code format} and
 * string {@code concat} → interpolation, {@code createObject} → an object literal, comparisons and {@code if} →
 * operators. What has no Bicep sugar stays a function call, which Bicep accepts as it is.
 *
 * <p>Every symbol an expression uses is recorded in {@code refs}: Bicep orders resources by those references, so
 * only the remaining {@code dependsOn} need writing.
 */
final class BicepExpressions {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)\\}");
    private static final Map<String, String> OPERATORS = Map.of("add", "+", "sub", "-", "mul", "*", "div", "/",
            "mod", "%", "less", "<", "lessorequals", "<=", "greater", ">", "greaterorequals", ">=");
    static final String INDENT = "  ";

    private final SymbolTable symbols;
    private final Map<String, String> loops;

    BicepExpressions(SymbolTable symbols, Map<String, String> loops) {
        this.symbols = symbols;
        this.loops = loops;
    }

    /** A JSON value from a template: objects and arrays over lines, strings read as ARM expressions. */
    String value(JsonNode n, int indent, Set<SymbolTable.Entry> refs) {
        if (n == null || n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            ExprParser.Result parsed = ExprParser.tryParseArmString(n.textValue());
            if (!parsed.ok()) {
                throw new IllegalArgumentException("not a valid ARM expression: " + n.textValue());
            }
            return expr(parsed.expr().orElseThrow(), indent, refs);
        }
        if (n.isBoolean()) {
            return Boolean.toString(n.booleanValue());
        }
        if (n.isIntegralNumber()) {
            return n.asText();
        }
        if (n.isNumber()) {
            // Bicep has no decimal literal
            return "json(" + BicepText.literal(n.decimalValue().toPlainString()) + ")";
        }
        List<String> items = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(item -> items.add(value(item, indent + 1, refs)));
            return block("[", items, indent, "]");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            items.add(objectKey(f.getKey(), indent + 1, refs) + ": " + value(f.getValue(), indent + 1, refs));
        }
        return block("{", items, indent, "}");
    }

    /** An array or object over lines, one item per line one level in; {@code []} or {@code {}} when empty. */
    static String block(String open, List<String> items, int indent, String close) {
        if (items.isEmpty()) {
            return open + close;
        }
        StringBuilder sb = new StringBuilder(open).append('\n');
        items.forEach(i -> sb.append(INDENT.repeat(indent + 1)).append(i).append('\n'));
        return sb.append(INDENT.repeat(indent)).append(close).toString();
    }

    /** A key that ARM evaluates (such as a user-assigned identity's id) becomes an interpolated key. */
    private String objectKey(String key, int indent, Set<SymbolTable.Entry> refs) {
        ExprParser.Result parsed = ExprParser.tryParseArmString(key);
        if (parsed.ok() && !(parsed.expr().orElseThrow() instanceof Expr.Str)) {
            String computed = expr(parsed.expr().orElseThrow(), indent, refs);
            // an interpolated string is a key as it stands; anything else is interpolated into one
            return computed.startsWith("'") && computed.endsWith("'") ? computed : "'${" + computed + "}'";
        }
        return BicepText.key(parsed.ok() ? ((Expr.Str) parsed.expr().orElseThrow()).value() : key);
    }

    String expr(Expr e, int indent, Set<SymbolTable.Entry> refs) {
        if (e instanceof Expr.Str s) {
            return BicepText.literal(s.value());
        }
        if (e instanceof Expr.Num n) {
            return Long.toString(n.value());
        }
        if (e instanceof Expr.Bool b) {
            return Boolean.toString(b.value());
        }
        if (e instanceof Expr.Null) {
            return "null";
        }
        if (e instanceof Expr.Member || e instanceof Expr.Index) {
            String viaSymbol = accessOnSymbol(e, indent, refs);
            if (viaSymbol != null) {
                return viaSymbol;
            }
            if (e instanceof Expr.Member m) {
                return expr(m.target(), indent, refs) + access(m.name());
            }
            Expr.Index ix = (Expr.Index) e;
            return expr(ix.target(), indent, refs) + "[" + expr(ix.index(), indent, refs) + "]";
        }
        return call((Expr.Call) e, indent, refs);
    }

    private String call(Expr.Call c, int indent, Set<SymbolTable.Entry> refs) {
        String fn = c.name().toLowerCase(Locale.ROOT);
        List<Expr> a = c.args();
        switch (fn) {
            case "parameters":
                if (a.size() == 1 && a.get(0) instanceof Expr.Str p) {
                    return symbols.parameter(p.value());
                }
                break;
            case "variables":
                if (a.size() == 1 && a.get(0) instanceof Expr.Str v) {
                    return symbols.variable(v.value());
                }
                break;
            case "resourceid", "subscriptionresourceid", "extensionresourceid", "tenantresourceid": {
                SymbolTable.Entry target = idTarget(c);
                if (target != null) {
                    refs.add(target);
                    return target.symbol() + ".id";
                }
                String child = childOfDeclared(c, indent, refs);
                if (child != null) {
                    return child;
                }
                break;
            }
            case "reference": {
                SymbolTable.Entry target = referenceTarget(c);
                if (target != null) {
                    refs.add(target);
                    return target.symbol() + (target.module() || full(c) ? "" : ".properties");
                }
                break;
            }
            case "format": {
                String s = interpolateFormat(a, indent, refs);
                if (s != null) {
                    return s;
                }
                break;
            }
            case "concat":
                if (a.stream().anyMatch(x -> x instanceof Expr.Str)) {
                    return interpolate(a, indent, refs);
                }
                break;
            case "createobject":
                if (a.size() % 2 == 0) {
                    return objectLiteral(a, indent, refs);
                }
                break;
            case "createarray":
                return arrayLiteral(a, indent, refs);
            case "equals":
                if (a.size() == 2) {
                    return "(" + expr(a.get(0), indent, refs) + " == " + expr(a.get(1), indent, refs) + ")";
                }
                break;
            case "not":
                if (a.size() == 1) {
                    String operand = expr(a.get(0), indent, refs);
                    return "!" + (isWrapped(operand) ? operand : "(" + operand + ")");
                }
                break;
            case "and", "or":
                if (a.size() >= 2) {
                    List<String> parts = new ArrayList<>();
                    a.forEach(x -> parts.add(expr(x, indent, refs)));
                    return "(" + String.join(fn.equals("and") ? " && " : " || ", parts) + ")";
                }
                break;
            case "add", "sub", "mul", "div", "mod", "less", "lessorequals", "greater", "greaterorequals":
                // Bicep has operators, not these functions
                if (a.size() == 2) {
                    return "(" + expr(a.get(0), indent, refs) + " " + OPERATORS.get(fn) + " "
                            + expr(a.get(1), indent, refs) + ")";
                }
                break;
            case "null":
                if (a.isEmpty()) {
                    return "null";
                }
                break;
            case "true", "false":
                if (a.isEmpty()) {
                    return fn;
                }
                break;
            case "if":
                if (a.size() == 3) {
                    return "(" + expr(a.get(0), indent, refs) + " ? " + expr(a.get(1), indent, refs) + " : "
                            + expr(a.get(2), indent, refs) + ")";
                }
                break;
            case "copyindex": {
                String loop = loopVariable(a);
                if (loop != null) {
                    Expr offset = a.isEmpty() || a.get(0) instanceof Expr.Str ? null
                            : a.get(0);
                    if (a.size() == 2) {
                        offset = a.get(1);
                    }
                    return offset == null ? loop : "(" + loop + " + " + expr(offset, indent, refs) + ")";
                }
                break;
            }
            default:
                break;
        }
        List<String> args = new ArrayList<>();
        a.forEach(x -> args.add(expr(x, indent, refs)));
        return c.name() + "(" + String.join(", ", args) + ")";
    }

    // ---- resources by symbol ----------------------------------------------------------------------------------

    /**
     * The declared resource a resourceId-family call names, when {@code symbol.id} means exactly that id. It does
     * not for a role definition deployed from a resource-group template (its id is subscription-level), nor for a
     * call that names another subscription or resource group.
     */
    private SymbolTable.Entry idTarget(Expr.Call c) {
        ResourceId id = ResourceId.parse(c).orElse(null);
        return id == null ? null : idTargetOf(id);
    }

    private SymbolTable.Entry idTargetOf(ResourceId id) {
        SymbolTable.Entry e = symbols.resolve(id).orElse(null);
        if (e == null || e.module()) {
            return null;
        }
        ResourceId.Kind natural = e.id().kind();
        boolean sameKind = id.kind() == natural || (symbols.scope() == Scope.SUBSCRIPTION
                && id.kind() == ResourceId.Kind.SUBSCRIPTION && natural == ResourceId.Kind.SUBSCRIPTION);
        boolean local = id.scopeArgs().isEmpty() || id.kind() == ResourceId.Kind.EXTENSION;
        if (e.existing()) {
            // an existing resource elsewhere is that resource only when the call names the same place
            return sameKind && id.scopeArgs().equals(existingScope(e)) ? e : null;
        }
        return sameKind && local ? e : null;
    }

    /**
     * The id of an undeclared child of a declared resource (a subnet of an existing VNet) as the parent's id plus
     * the child's path: {@code '${vnetHub.id}/subnets/compute'}, which is what ARM computes for it.
     */
    private String childOfDeclared(Expr.Call c, int indent, Set<SymbolTable.Entry> refs) {
        ResourceId id = ResourceId.parse(c).orElse(null);
        if (id == null || id.kind() == ResourceId.Kind.EXTENSION) {
            return null;
        }
        String[] typeParts = id.type().split("/");
        for (int keep = id.names().size() - 1; keep >= 1; keep--) {
            String parentType = String.join("/", java.util.Arrays.copyOfRange(typeParts, 0, keep + 1));
            ResourceId parentId = new ResourceId(id.kind(), id.scopeArgs(), parentType, id.names().subList(0, keep));
            SymbolTable.Entry parent = idTargetOf(parentId);
            if (parent == null) {
                continue;
            }
            refs.add(parent);
            StringBuilder sb = new StringBuilder("'${").append(parent.symbol()).append(".id}");
            for (int i = keep; i < id.names().size(); i++) {
                sb.append('/');
                BicepText.appendEscaped(typeParts[i + 1], sb);
                sb.append('/');
                Expr name = id.names().get(i);
                if (name instanceof Expr.Str n) {
                    BicepText.appendEscaped(n.value(), sb);
                } else {
                    sb.append("${").append(expr(name, indent, refs)).append('}');
                }
            }
            return sb.append('\'').toString();
        }
        return null;
    }

    /** The scope arguments that name an existing resource's place: [subscriptionId,] resourceGroup, or none. */
    private static List<Expr> existingScope(SymbolTable.Entry e) {
        List<Expr> out = new ArrayList<>();
        JsonNode sub = e.resource().extra().get("subscriptionId");
        JsonNode group = e.resource().extra().get("resourceGroup");
        if (sub != null) {
            out.add(ExprParser.parseArmString(sub.asText()));
        }
        if (group != null) {
            out.add(ExprParser.parseArmString(group.asText()));
        }
        return out;
    }

    private SymbolTable.Entry referenceTarget(Expr.Call c) {
        if (c.args().isEmpty()) {
            return null;
        }
        Expr target = c.arg(0);
        ResourceId id = ResourceId.parse(target).orElse(null);
        if (id == null && target instanceof Expr.Str s) {
            // reference('name') names a resource of this template by its name alone
            for (SymbolTable.Entry e : symbols.entries()) {
                if (e.resource().name() instanceof Expr.Str n && n.value().equalsIgnoreCase(s.value())) {
                    return e;
                }
            }
            return null;
        }
        if (id == null) {
            return null;
        }
        SymbolTable.Entry e = symbols.resolve(id).orElse(null);
        if (e == null) {
            return null;
        }
        return id.scopeArgs().isEmpty() || e.existing() || id.kind() == ResourceId.Kind.EXTENSION ? e : null;
    }

    private static boolean full(Expr.Call reference) {
        return reference.args().size() >= 3 && reference.arg(2) instanceof Expr.Str s
                && s.value().equalsIgnoreCase("full");
    }

    /**
     * {@code reference(x).outputs.y.value} of a module → {@code module.outputs.y}; other member chains on a
     * reference → {@code symbol.properties.chain}.
     */
    private String accessOnSymbol(Expr e, int indent, Set<SymbolTable.Entry> refs) {
        List<Expr> chain = new ArrayList<>();
        Expr root = e;
        while (root instanceof Expr.Member || root instanceof Expr.Index) {
            chain.add(0, root);
            root = root instanceof Expr.Member m ? m.target() : ((Expr.Index) root).target();
        }
        if (!(root instanceof Expr.Call c) || !c.is("reference")) {
            return null;
        }
        SymbolTable.Entry target = referenceTarget(c);
        if (target == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(expr(root, indent, refs));
        for (int i = 0; i < chain.size(); i++) {
            Expr step = chain.get(i);
            if (target.module() && i == 2 && step instanceof Expr.Member m && m.name().equals("value")
                    && chain.get(0) instanceof Expr.Member first && first.name().equals("outputs")) {
                continue; // a module's outputs are values already
            }
            if (step instanceof Expr.Member m) {
                sb.append(access(m.name()));
            } else {
                sb.append('[').append(expr(((Expr.Index) step).index(), indent, refs)).append(']');
            }
        }
        return sb.toString();
    }

    // ---- strings ---------------------------------------------------------------------------------------------

    /** {@code format('{0}/x', a)} → {@code '${a}/x'}, when the format string uses only plain placeholders. */
    private String interpolateFormat(List<Expr> a, int indent, Set<SymbolTable.Entry> refs) {
        if (a.isEmpty() || !(a.get(0) instanceof Expr.Str f)) {
            return null;
        }
        String fmt = f.value();
        String bare = PLACEHOLDER.matcher(fmt).replaceAll("");
        if (bare.contains("{") || bare.contains("}")) {
            return null; // escaped braces or format specifiers: keep format()
        }
        List<Expr> pieces = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(fmt);
        int last = 0;
        while (m.find()) {
            int i = Integer.parseInt(m.group(1)) + 1;
            if (i >= a.size()) {
                return null;
            }
            if (m.start() > last) {
                pieces.add(Expr.str(fmt.substring(last, m.start())));
            }
            pieces.add(a.get(i));
            last = m.end();
        }
        if (last < fmt.length()) {
            pieces.add(Expr.str(fmt.substring(last)));
        }
        return interpolate(pieces, indent, refs);
    }

    private String interpolate(List<Expr> pieces, int indent, Set<SymbolTable.Entry> refs) {
        StringBuilder sb = new StringBuilder("'");
        for (Expr p : pieces) {
            if (p instanceof Expr.Str s) {
                BicepText.appendEscaped(s.value(), sb);
            } else {
                sb.append("${").append(expr(p, indent, refs)).append('}');
            }
        }
        return sb.append('\'').toString();
    }

    private String objectLiteral(List<Expr> a, int indent, Set<SymbolTable.Entry> refs) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < a.size(); i += 2) {
            String key = a.get(i) instanceof Expr.Str s ? BicepText.key(s.value())
                    : "'${" + expr(a.get(i), indent + 1, refs) + "}'";
            items.add(key + ": " + expr(a.get(i + 1), indent + 1, refs));
        }
        return block("{", items, indent, "}");
    }

    private String arrayLiteral(List<Expr> a, int indent, Set<SymbolTable.Entry> refs) {
        List<String> items = new ArrayList<>();
        a.forEach(x -> items.add(expr(x, indent + 1, refs)));
        return block("[", items, indent, "]");
    }

    /** {@code .name}, or {@code ['name']} where ARM allows a property name Bicep does not ({@code $}, {@code -}). */
    private static String access(String name) {
        return BicepText.isIdentifier(name) ? "." + name : "[" + BicepText.literal(name) + "]";
    }

    /** True when the whole text is one parenthesised group ({@code (a == b)}, not {@code (a) || (b)}). */
    private static boolean isWrapped(String text) {
        if (!text.startsWith("(") || !text.endsWith(")")) {
            return false;
        }
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0 && i < text.length() - 1) {
                return false;
            }
        }
        return true;
    }

    private String loopVariable(List<Expr> a) {
        if (!a.isEmpty() && a.get(0) instanceof Expr.Str name) {
            return loops.get(name.value().toLowerCase(Locale.ROOT));
        }
        return loops.size() == 1 ? loops.values().iterator().next() : null;
    }
}
