package io.github.hpcblueprints.bicep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared ground on which an ARM JSON value and a Bicep value are compared: plain values ({@code String},
 * {@code Long}, {@code Boolean}, {@code BigDecimal}, {@link #NULL}, {@code List}, {@code Map<String, Object>}) and
 * the records below for what ARM and Bicep spell differently ({@code resourceId(...)} and {@code symbol.id} are both
 * an {@link Id}; {@code format}, {@code concat} and interpolation are all a {@link Concat}; operators are calls).
 */
final class Canonical {

    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private Canonical() {
    }

    /** A function call, name lower-cased (ARM function names ignore case). */
    record Call(String fn, List<Object> args) {
    }

    /** A parameter ({@code kind} "param") or a variable ("var"). */
    record Ref(String kind, String name) {
    }

    /** A string built from pieces: literal strings and values. */
    record Concat(List<Object> parts) {
    }

    /** A resource id: kind (resourceGroup, subscription, tenant, extension), scope arguments, type, names. */
    record Id(String kind, List<Object> scope, String type, List<Object> names) {
    }

    /** The runtime properties of a resource ({@code reference(id)} / {@code symbol.properties}). */
    record Props(Id id) {
    }

    /** The whole runtime resource ({@code reference(id, api, 'Full')} / {@code symbol}). */
    record Full(Id id) {
    }

    /** The outputs of a nested deployment / module. */
    record ModuleOutputs(String deployment) {
    }

    record Member(Object target, String name) {
    }

    record Index(Object target, Object index) {
    }

    /** The current iteration of a resource or output loop. */
    record Loop() {
    }

    /** A loop value: {@code count} iterations of {@code body}. */
    record LoopValue(Object count, Object body) {
    }

    /** Joins pieces into one canonical string: adjacent literals merged, empty literals dropped. */
    static Object concat(List<Object> pieces) {
        List<Object> flat = new ArrayList<>();
        for (Object p : pieces) {
            if (p instanceof Concat c) {
                flat.addAll(c.parts());
            } else {
                flat.add(p);
            }
        }
        List<Object> merged = new ArrayList<>();
        for (Object p : flat) {
            if (p instanceof String s) {
                if (s.isEmpty()) {
                    continue;
                }
                if (!merged.isEmpty() && merged.get(merged.size() - 1) instanceof String prev) {
                    merged.set(merged.size() - 1, prev + s);
                    continue;
                }
            }
            merged.add(p);
        }
        if (merged.isEmpty()) {
            return "";
        }
        // '${parent.id}/subnets/x' is the id of the child: the same value ARM's resourceId(type/subnets, ..., 'x') is
        if (merged.size() >= 2 && merged.get(0) instanceof Id parent && !parent.kind().equals("extension")) {
            Id child = childId(parent, merged.subList(1, merged.size()));
            if (child != null) {
                return child;
            }
        }
        if (merged.size() == 1 && merged.get(0) instanceof String s) {
            return s;
        }
        return new Concat(List.copyOf(merged));
    }

    private static Id childId(Id parent, List<Object> rest) {
        List<Object> segments = new ArrayList<>();
        for (Object piece : rest) {
            if (piece instanceof String lit) {
                String[] parts = lit.split("/", -1);
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0 || segments.isEmpty()) {
                        segments.add(parts[i]);
                    } else {
                        Object last = segments.remove(segments.size() - 1);
                        segments.add(last instanceof String l ? l + parts[i] : null);
                    }
                }
            } else {
                if (!(segments.get(segments.size() - 1) instanceof String l) || !l.isEmpty()) {
                    return null;
                }
                segments.set(segments.size() - 1, piece);
            }
        }
        // "", type, name, type, name ...
        if (segments.size() < 3 || segments.size() % 2 == 0 || !"".equals(segments.get(0))) {
            return null;
        }
        StringBuilder type = new StringBuilder(parent.type());
        List<Object> names = new ArrayList<>(parent.names());
        for (int i = 1; i < segments.size(); i += 2) {
            if (!(segments.get(i) instanceof String t) || t.isEmpty() || segments.get(i + 1) == null
                    || "".equals(segments.get(i + 1))) {
                return null;
            }
            type.append('/').append(t.toLowerCase(java.util.Locale.ROOT));
            names.add(segments.get(i + 1));
        }
        return new Id(parent.kind(), parent.scope(), type.toString(), List.copyOf(names));
    }

    /** Flattens nested and/or calls: ARM's and(a, b, c) and Bicep's (a && b) && c are the same. */
    static Object call(String fn, List<Object> args) {
        if (fn.equals("and") || fn.equals("or")) {
            List<Object> flat = new ArrayList<>();
            for (Object a : args) {
                if (a instanceof Call c && c.fn().equals(fn)) {
                    flat.addAll(c.args());
                } else {
                    flat.add(a);
                }
            }
            return new Call(fn, List.copyOf(flat));
        }
        return new Call(fn, List.copyOf(args));
    }

    static BigDecimal decimal(String text) {
        return new BigDecimal(text).stripTrailingZeros();
    }

    /** A key of an object whose name ARM or Bicep computes. */
    static String computedKey(Object value) {
        return "${" + value + "}";
    }

    /** A resource id from the canonical arguments of a resourceId-family call. */
    static Id id(String fn, List<Object> args, boolean subscriptionScopeTemplate) {
        int typeAt = -1;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i) instanceof String s && s.matches("[A-Za-z0-9.]+/[A-Za-z0-9./]+")) {
                typeAt = i;
                break;
            }
        }
        if (typeAt < 0) {
            return null;
        }
        List<Object> scope = List.copyOf(args.subList(0, typeAt));
        String type = ((String) args.get(typeAt)).toLowerCase(java.util.Locale.ROOT);
        List<Object> names = List.copyOf(args.subList(typeAt + 1, args.size()));
        String kind = switch (fn) {
            case "resourceid" -> subscriptionScopeTemplate && scope.isEmpty() ? "subscription" : "resourceGroup";
            case "subscriptionresourceid" -> "subscription";
            case "tenantresourceid" -> "tenant";
            case "extensionresourceid" -> "extension";
            default -> null;
        };
        return kind == null ? null : new Id(kind, scope, type, names);
    }
}
