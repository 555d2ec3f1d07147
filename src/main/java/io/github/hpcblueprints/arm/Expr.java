package io.github.hpcblueprints.arm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An ARM template expression as a tree. Every value that ARM evaluates (a resource name, a location, a string inside
 * {@code properties}) is an {@code Expr}: a literal, a function call, a property access or an index.
 *
 * <p>Typed factories ({@link #parameters(String)}, {@link #resourceId(String, Expr...)}, {@link #concat(Expr...)} ...)
 * build the common calls; {@link #raw(String)} parses ARM's own text for anything else. {@link #render()} gives the
 * expression text without brackets, {@link #toArmString()} the JSON string ARM expects ({@code [..]}, or an escaped
 * literal). Function names compare case-insensitively in analysis but keep their spelling when rendered, so
 * {@code ExprParser.parse(e.render()).equals(e)} holds for every tree.
 */
public sealed interface Expr permits Expr.Str, Expr.Num, Expr.Bool, Expr.Null, Expr.Call, Expr.Member, Expr.Index {

    /** A string literal. */
    record Str(String value) implements Expr {
        public Str {
            Objects.requireNonNull(value, "value");
        }
    }

    /** An integer literal (ARM expressions have no other number literal; use {@code json('1.5')} for decimals). */
    record Num(long value) implements Expr {
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean value) implements Expr {
    }

    /** {@code null}. */
    record Null() implements Expr {
    }

    /** A function call: {@code name(arg, ...)}; user-defined functions are {@code namespace.name}. */
    record Call(String name, List<Expr> args) implements Expr {
        private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

        public Call {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a valid ARM function name: '" + name + "'");
            }
            args = List.copyOf(args);
        }

        /** True when this is a call of {@code function} (ARM function names are case-insensitive). */
        public boolean is(String function) {
            return name.equalsIgnoreCase(function);
        }

        public Expr arg(int i) {
            return args.get(i);
        }
    }

    /** Property access: {@code target.name}. Names that are not identifiers use {@link Index} with a string. */
    record Member(Expr target, String name) implements Expr {
        private static final Pattern NAME = Pattern.compile("[A-Za-z_$@][A-Za-z0-9_$@-]*");

        public Member {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' is not an identifier; use index(Expr.str(\""
                        + name + "\")) instead");
            }
        }

        /** True when {@code name} may follow a dot in ARM syntax. */
        public static boolean isIdentifier(String name) {
            return NAME.matcher(name).matches();
        }
    }

    /** Index access: {@code target[index]}. */
    record Index(Expr target, Expr index) implements Expr {
        public Index {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(index, "index");
        }
    }

    // ---- rendering ------------------------------------------------------------------------------------------

    /** The expression in ARM syntax, without the surrounding brackets. */
    default String render() {
        StringBuilder sb = new StringBuilder();
        ExprText.render(this, sb);
        return sb.toString();
    }

    /**
     * The JSON string ARM reads back as this expression: a string literal as itself ({@code [[}-escaped when it would
     * otherwise look like an expression), anything else as {@code [expression]}.
     */
    default String toArmString() {
        if (this instanceof Str s) {
            return ExprText.escapeLiteral(s.value());
        }
        return "[" + render() + "]";
    }

    /** Every function call in this tree, outermost first (analysis: which parameters, which list*() calls). */
    default List<Call> calls() {
        List<Call> out = new ArrayList<>();
        ExprText.collectCalls(this, out);
        return out;
    }

    // ---- member access ----------------------------------------------------------------------------------------

    /** {@code this.name}, or {@code this['name']} where the name is not an identifier. */
    default Expr prop(String name) {
        return Member.isIdentifier(name) ? new Member(this, name) : new Index(this, new Str(name));
    }

    /** {@code this.a.b[0].c} for a dotted path; {@code name[N]} steps index into an array. */
    default Expr path(String dotted) {
        Expr e = this;
        for (String part : dotted.split("\\.")) {
            java.util.regex.Matcher m = ExprText.INDEXED_STEP.matcher(part);
            if (m.matches()) {
                e = e.prop(m.group(1));
                for (String i : m.group(2).substring(1, m.group(2).length() - 1).split("\\]\\[")) {
                    e = e.index(Integer.parseInt(i));
                }
            } else {
                e = e.prop(part);
            }
        }
        return e;
    }

    default Expr index(int i) {
        return new Index(this, new Num(i));
    }

    // ---- literals -------------------------------------------------------------------------------------------

    static Str str(String value) {
        return new Str(value);
    }

    static Num num(long value) {
        return new Num(value);
    }

    static Bool bool(boolean value) {
        return new Bool(value);
    }

    static Null nul() {
        return new Null();
    }

    /**
     * The escape hatch: parses ARM expression text, bare ({@code concat('a', 'b')}) or bracketed as in a template
     * ({@code [concat('a', 'b')]}). References it makes are checked when the template is built.
     */
    static Expr raw(String text) {
        return ExprText.looksLikeExpression(text) ? ExprParser.parseArmString(text) : ExprParser.parse(text);
    }

    // ---- functions ------------------------------------------------------------------------------------------

    static Call call(String name, Expr... args) {
        return new Call(name, Arrays.asList(args));
    }

    static Call call(String name, List<Expr> args) {
        return new Call(name, args);
    }

    static Call parameters(String name) {
        return call("parameters", str(name));
    }

    static Call variables(String name) {
        return call("variables", str(name));
    }

    /** {@code resourceId('type', name1, name2, ...)} in the current resource group or subscription. */
    static Call resourceId(String type, Expr... names) {
        return call("resourceId", prepend(str(type), names));
    }

    /** {@code resourceId(resourceGroup, 'type', names...)}: a resource in another resource group. */
    static Call resourceIdIn(Expr resourceGroup, String type, Expr... names) {
        List<Expr> args = new ArrayList<>();
        args.add(resourceGroup);
        args.add(str(type));
        args.addAll(Arrays.asList(names));
        return new Call("resourceId", args);
    }

    static Call subscriptionResourceId(String type, Expr... names) {
        return call("subscriptionResourceId", prepend(str(type), names));
    }

    static Call tenantResourceId(String type, Expr... names) {
        return call("tenantResourceId", prepend(str(type), names));
    }

    static Call extensionResourceId(Expr scopeId, String type, Expr... names) {
        List<Expr> args = new ArrayList<>();
        args.add(scopeId);
        args.add(str(type));
        args.addAll(Arrays.asList(names));
        return new Call("extensionResourceId", args);
    }

    /** {@code reference(target)}: only valid for a resource deployed by the same template. */
    static Call reference(Expr target) {
        return call("reference", target);
    }

    static Call reference(Expr target, String apiVersion) {
        return call("reference", target, str(apiVersion));
    }

    /** {@code reference(target, apiVersion, 'Full')}: the whole resource (identity, sku ...), not only properties. */
    static Call referenceFull(Expr target, String apiVersion) {
        return call("reference", target, str(apiVersion), str("Full"));
    }

    static Call concat(Expr... parts) {
        return call("concat", parts);
    }

    static Call format(String format, Expr... args) {
        return call("format", prepend(str(format), args));
    }

    static Call uniqueString(Expr... parts) {
        return call("uniqueString", parts);
    }

    static Call guid(Expr... parts) {
        return call("guid", parts);
    }

    static Call resourceGroup() {
        return call("resourceGroup");
    }

    static Call subscription() {
        return call("subscription");
    }

    static Call listKeys(Expr resourceId, String apiVersion) {
        return call("listKeys", resourceId, str(apiVersion));
    }

    /** {@code resourceGroup().location}. */
    static Expr resourceGroupLocation() {
        return resourceGroup().prop("location");
    }

    /** {@code resourceGroup().id}. */
    static Expr resourceGroupId() {
        return resourceGroup().prop("id");
    }

    /** {@code subscription().subscriptionId}. */
    static Expr subscriptionId() {
        return subscription().prop("subscriptionId");
    }

    /** {@code subscription().tenantId}. */
    static Expr tenantId() {
        return subscription().prop("tenantId");
    }

    /** True for a call of {@code function} (case-insensitive), false for anything else. */
    static boolean isCall(Expr e, String function) {
        return e instanceof Call c && c.is(function);
    }

    private static Expr[] prepend(Expr first, Expr... rest) {
        Expr[] all = new Expr[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
