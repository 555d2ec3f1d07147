package io.github.hpcblueprints.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.ExprParser;
import java.util.Locale;

/**
 * What can be said about a name before deployment: its literal characters, its shortest and longest length, and
 * whether some part has characters nobody can know yet. {@code uniqueString()} is 13 lower-case letters and digits,
 * {@code take}/{@code substring} bound the length, so names built the usual way can be judged exactly.
 *
 * @param literal the characters written in the template (or known from parameter defaults and variables)
 * @param min the fewest characters the name can have
 * @param max the most characters the name can have, or {@link Integer#MAX_VALUE} when unbounded
 * @param unknownChars a part's characters are only known at deployment
 */
record NameShape(String literal, int min, int max, boolean unknownChars) {

    static final int UNBOUNDED = Integer.MAX_VALUE;

    static NameShape of(Expr e, TemplateView t) {
        return of(e, t, 0);
    }

    private static NameShape of(Expr e, TemplateView t, int depth) {
        if (depth > 16) {
            return unknown();
        }
        if (e instanceof Expr.Str s) {
            return exact(s.value());
        }
        if (!(e instanceof Expr.Call c)) {
            return unknown();
        }
        String fn = c.name().toLowerCase(Locale.ROOT);
        switch (fn) {
            case "variables" -> {
                // a variable holding an expression is followed, so names built in variables are judged too
                JsonNode v = c.args().size() == 1 && c.arg(0) instanceof Expr.Str n
                        ? t.root().path("variables").path(n.value()) : null;
                if (v != null && v.isTextual()) {
                    var parsed = ExprParser.tryParseArmString(v.textValue());
                    return parsed.ok() ? of(parsed.expr().orElseThrow(), t, depth + 1) : unknown();
                }
                return unknown();
            }
            case "parameters" -> {
                Value v = t.value(e);
                if (v instanceof Value.Known k && k.node().isTextual()) {
                    return known(k.node(), t);
                }
                return unknown();
            }
            case "uniquestring" -> {
                return new NameShape("", 13, 13, false);
            }
            case "concat" -> {
                NameShape out = exact("");
                for (Expr a : c.args()) {
                    out = out.then(of(a, t, depth + 1));
                }
                return out;
            }
            case "format" -> {
                if (c.args().isEmpty() || !(t.value(c.arg(0)) instanceof Value.Known k)) {
                    return unknown();
                }
                String pattern = k.node().asText();
                NameShape out = exact("");
                int i = 0;
                while (i < pattern.length()) {
                    int open = pattern.indexOf('{', i);
                    int close = open < 0 ? -1 : pattern.indexOf('}', open);
                    if (open < 0 || close < 0) {
                        out = out.then(exact(pattern.substring(i)));
                        break;
                    }
                    out = out.then(exact(pattern.substring(i, open)));
                    String index = pattern.substring(open + 1, close).split(":")[0].strip();
                    int n = index.matches("\\d+") ? Integer.parseInt(index) + 1 : -1;
                    out = out.then(n > 0 && n < c.args().size() ? of(c.arg(n), t, depth + 1) : unknown());
                    i = close + 1;
                }
                return out;
            }
            case "tolower" -> {
                NameShape inner = c.args().size() == 1 ? of(c.arg(0), t, depth + 1) : unknown();
                return new NameShape(inner.literal.toLowerCase(Locale.ROOT), inner.min, inner.max,
                        inner.unknownChars);
            }
            case "take" -> {
                return c.args().size() == 2 && c.arg(1) instanceof Expr.Num n ? of(c.arg(0), t, depth + 1).cut(n.value())
                        : unknown();
            }
            case "substring" -> {
                if (c.args().size() == 3 && c.arg(1) instanceof Expr.Num from && from.value() == 0
                        && c.arg(2) instanceof Expr.Num len) {
                    return of(c.arg(0), t, depth + 1).cut(len.value());
                }
                return unknown();
            }
            default -> {
                return unknown();
            }
        }
    }

    private static NameShape known(JsonNode node, TemplateView t) {
        String text = node.asText();
        if (text.startsWith("[") && !text.startsWith("[[")) {
            return unknown(); // an expression held in a variable: judged where it is written
        }
        return exact(text);
    }

    static NameShape exact(String s) {
        return new NameShape(s, s.length(), s.length(), false);
    }

    static NameShape unknown() {
        return new NameShape("", 0, UNBOUNDED, true);
    }

    NameShape then(NameShape next) {
        long hi = (long) max + next.max;
        return new NameShape(literal + next.literal, min + next.min, hi >= UNBOUNDED ? UNBOUNDED : (int) hi,
                unknownChars || next.unknownChars);
    }

    NameShape cut(long length) {
        int n = (int) Math.max(0, Math.min(length, UNBOUNDED - 1L));
        return new NameShape(literal, Math.min(min, n), Math.min(max, n), unknownChars);
    }
}
