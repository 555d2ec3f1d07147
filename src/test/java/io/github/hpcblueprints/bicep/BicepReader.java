package io.github.hpcblueprints.bicep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test-only reader for the Bicep this project writes (and a little more): declarations with decorators, and
 * expressions with interpolated strings, objects and arrays over lines, operators, loops and conditions. It is
 * written from Bicep's grammar, not from {@link BicepWriter}, so that reading the writer's output back is a real
 * check. Anything outside the subset is an error with a line number, never a silent skip.
 */
final class BicepReader {

    // ---- syntax tree -----------------------------------------------------------------------------------------

    sealed interface Node permits Str, Int, Bool, Null, Ident, Member, IndexAt, Call, Obj, Arr, Unary, Binary,
            Ternary, ForLoop, IfBody {
    }

    /** A string: literal pieces (String) and interpolated expressions (Node). */
    record Str(List<Object> parts) implements Node {
        boolean isLiteral() {
            return parts.stream().allMatch(p -> p instanceof String);
        }

        String literal() {
            StringBuilder sb = new StringBuilder();
            parts.forEach(sb::append);
            return sb.toString();
        }
    }

    record Int(long value) implements Node {
    }

    record Bool(boolean value) implements Node {
    }

    record Null() implements Node {
    }

    record Ident(String name) implements Node {
    }

    record Member(Node target, String name) implements Node {
    }

    record IndexAt(Node target, Node index) implements Node {
    }

    /** {@code name(args)}; a namespaced call ({@code az.getSecret}) has the dotted name. */
    record Call(String name, List<Node> args) implements Node {
    }

    /** An object: keys are String or an interpolated {@link Str}. */
    record Obj(List<Map.Entry<Object, Node>> entries) implements Node {
        Node get(String key) {
            for (Map.Entry<Object, Node> e : entries) {
                if (key.equals(e.getKey())) {
                    return e.getValue();
                }
            }
            return null;
        }
    }

    record Arr(List<Node> items) implements Node {
    }

    record Unary(String op, Node operand) implements Node {
    }

    record Binary(String op, Node left, Node right) implements Node {
    }

    record Ternary(Node condition, Node whenTrue, Node whenFalse) implements Node {
    }

    /** {@code [for v in iterable: (if (condition))? body]}. */
    record ForLoop(String variable, Node iterable, Node condition, Node body) implements Node {
    }

    /** A resource or module deployed only when {@code condition} holds: {@code if (c) { ... }}. */
    record IfBody(Node condition, Obj body) implements Node {
    }

    /**
     * One top-level statement: {@code keyword} is targetScope, metadata, param, var, resource, module, output or
     * using; {@code type} is a param/output type, a resource's {@code 'type@api'} or a module's path.
     */
    record Declaration(String keyword, String name, String type, boolean existing, boolean nullable,
            Map<String, List<Node>> decorators, Node value, int line) {
    }

    // ---- lexer ------------------------------------------------------------------------------------------------

    private record Token(String kind, String text, Object value, int line) {
        boolean is(String k) {
            return kind.equals(k) || (kind.equals("punct") && text.equals(k));
        }
    }

    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private BicepReader(String source, int firstLine) {
        this.source = source;
        lex(firstLine);
    }

    /** Reads a {@code .bicep} or {@code .bicepparam} file. */
    static List<Declaration> read(String text) {
        BicepReader r = new BicepReader(text, 1);
        return r.program();
    }

    /** Reads one expression (tests of the expression writer). */
    static Node expression(String text) {
        BicepReader r = new BicepReader(text, 1);
        Node n = r.expr();
        r.skipNewlines();
        r.expect("eof");
        return n;
    }

    private void lex(int firstLine) {
        int i = 0;
        int line = firstLine;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\n') {
                tokens.add(new Token("newline", "\n", null, line));
                line++;
                i++;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                i++;
            } else if (source.startsWith("//", i)) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                if (end < 0) {
                    throw error(line, "unterminated comment");
                }
                line += (int) source.substring(i, end).chars().filter(ch -> ch == '\n').count();
                i = end + 2;
            } else if (c == '\'') {
                if (source.startsWith("'''", i)) {
                    throw error(line, "multi-line strings are outside the subset this reader knows");
                }
                int[] end = new int[1];
                Str s = string(i, line, end);
                tokens.add(new Token("string", source.substring(i, end[0]), s, line));
                i = end[0];
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < source.length() && Character.isDigit(source.charAt(i))) {
                    i++;
                }
                tokens.add(new Token("int", source.substring(start, i), Long.parseLong(source.substring(start, i)),
                        line));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < source.length() && (Character.isLetterOrDigit(source.charAt(i))
                        || source.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token("ident", source.substring(start, i), null, line));
            } else {
                String two = i + 1 < source.length() ? source.substring(i, i + 2) : "";
                if (List.of("==", "!=", "&&", "||", "<=", ">=", "??", "::", "=~", "!~").contains(two)) {
                    tokens.add(new Token("punct", two, null, line));
                    i += 2;
                } else if ("{}[]().,:?!=+-*/%<>@".indexOf(c) >= 0) {
                    tokens.add(new Token("punct", String.valueOf(c), null, line));
                    i++;
                } else {
                    throw error(line, "unexpected character '" + c + "'");
                }
            }
        }
        tokens.add(new Token("eof", "", null, line));
    }

    /** A single-quoted string from {@code start}; sets {@code end[0]} past its closing quote. */
    private Str string(int start, int line, int[] end) {
        List<Object> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int i = start + 1;
        while (true) {
            if (i >= source.length() || source.charAt(i) == '\n') {
                throw error(line, "unterminated string");
            }
            char c = source.charAt(i);
            if (c == '\'') {
                break;
            }
            if (c == '\\') {
                char n = source.charAt(i + 1);
                switch (n) {
                    case '\\' -> lit.append('\\');
                    case '\'' -> lit.append('\'');
                    case 'n' -> lit.append('\n');
                    case 'r' -> lit.append('\r');
                    case 't' -> lit.append('\t');
                    case '$' -> lit.append('$');
                    case 'u' -> {
                        int close = source.indexOf('}', i);
                        if (source.charAt(i + 2) != '{' || close < 0) {
                            throw error(line, "bad \\u escape");
                        }
                        lit.appendCodePoint(Integer.parseInt(source.substring(i + 3, close), 16));
                        i = close - 1;
                    }
                    default -> throw error(line, "unknown escape \\" + n + " (Bicep has \\\\ \\' \\n \\r \\t \\$ "
                            + "\\u{...})");
                }
                i += 2;
                continue;
            }
            if (c == '$' && i + 1 < source.length() && source.charAt(i + 1) == '{') {
                int close = interpolationEnd(i + 2, line);
                if (!lit.isEmpty()) {
                    parts.add(lit.toString());
                    lit.setLength(0);
                }
                BicepReader inner = new BicepReader(source.substring(i + 2, close), line);
                Node n = inner.expr();
                inner.expect("eof");
                parts.add(n);
                i = close + 1;
                continue;
            }
            lit.append(c);
            i++;
        }
        if (!lit.isEmpty() || parts.isEmpty()) {
            parts.add(lit.toString());
        }
        end[0] = i + 1;
        return new Str(List.copyOf(parts));
    }

    /** The index of the '}' closing an interpolation that starts at {@code from}, skipping nested strings. */
    private int interpolationEnd(int from, int line) {
        int depth = 0;
        int i = from;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\'') {
                int[] end = new int[1];
                string(i, line, end);
                i = end[0];
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
            i++;
        }
        throw error(line, "unterminated interpolation");
    }

    // ---- parser -----------------------------------------------------------------------------------------------

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private boolean accept(String k) {
        if (peek().is(k)) {
            pos++;
            return true;
        }
        return false;
    }

    private Token expect(String k) {
        Token t = next();
        if (!t.is(k)) {
            throw error(t.line(), "expected " + k + " but found '" + t.text() + "'");
        }
        return t;
    }

    private void skipNewlines() {
        while (peek().is("newline")) {
            pos++;
        }
    }

    private List<Declaration> program() {
        List<Declaration> out = new ArrayList<>();
        Map<String, List<Node>> decorators = new LinkedHashMap<>();
        while (true) {
            skipNewlines();
            Token t = peek();
            if (t.is("eof")) {
                if (!decorators.isEmpty()) {
                    throw error(t.line(), "decorators with no declaration");
                }
                return out;
            }
            if (accept("@")) {
                String name = expect("ident").text();
                expect("(");
                decorators.put(name, arguments());
                continue;
            }
            out.add(declaration(decorators));
            decorators = new LinkedHashMap<>();
            Token end = peek();
            if (!end.is("newline") && !end.is("eof")) {
                throw error(end.line(), "expected the end of the line, found '" + end.text() + "'");
            }
        }
    }

    private Declaration declaration(Map<String, List<Node>> decorators) {
        Token kw = expect("ident");
        int line = kw.line();
        switch (kw.text()) {
            case "targetScope": {
                expect("=");
                return new Declaration("targetScope", "", "", false, false, decorators, expr(), line);
            }
            case "using": {
                return new Declaration("using", "", "", false, false, decorators, expr(), line);
            }
            case "metadata", "var": {
                String name = expect("ident").text();
                expect("=");
                return new Declaration(kw.text(), name, "", false, false, decorators, expr(), line);
            }
            case "param": {
                String name = expect("ident").text();
                if (accept("=")) { // a .bicepparam assignment
                    return new Declaration("param", name, "", false, false, decorators, expr(), line);
                }
                String type = expect("ident").text();
                boolean nullable = accept("?");
                Node value = accept("=") ? expr() : null;
                return new Declaration("param", name, type, false, nullable, decorators, value, line);
            }
            case "output": {
                String name = expect("ident").text();
                String type = expect("ident").text();
                boolean nullable = accept("?");
                expect("=");
                return new Declaration("output", name, type, false, nullable, decorators, expr(), line);
            }
            case "resource", "module": {
                String name = expect("ident").text();
                Str type = (Str) expect("string").value();
                if (!type.isLiteral()) {
                    throw error(line, "a " + kw.text() + "'s type or path must be a literal");
                }
                boolean existing = false;
                if (kw.text().equals("resource") && peek().is("ident") && peek().text().equals("existing")) {
                    next();
                    existing = true;
                }
                expect("=");
                return new Declaration(kw.text(), name, type.literal(), existing, false, decorators, body(), line);
            }
            default:
                throw error(line, "unknown declaration '" + kw.text() + "'");
        }
    }

    /** A resource or module body: an object, {@code if (c) {...}} or {@code [for ...]}. */
    private Node body() {
        if (peek().is("ident") && peek().text().equals("if")) {
            next();
            expect("(");
            Node c = expr();
            expect(")");
            return new IfBody(c, object());
        }
        if (peek().is("[")) {
            return primary();
        }
        return object();
    }

    private List<Node> arguments() {
        List<Node> args = new ArrayList<>();
        skipNewlines();
        if (accept(")")) {
            return args;
        }
        while (true) {
            skipNewlines();
            args.add(expr());
            skipNewlines();
            if (accept(")")) {
                return args;
            }
            expect(",");
        }
    }

    Node expr() {
        Node c = binary(0);
        if (accept("?")) {
            Node a = expr();
            expect(":");
            Node b = expr();
            return new Ternary(c, a, b);
        }
        return c;
    }

    private static final List<List<String>> LEVELS = List.of(List.of("??"), List.of("||"), List.of("&&"),
            List.of("==", "!=", "=~", "!~"), List.of("<", ">", "<=", ">="), List.of("+", "-"), List.of("*", "/", "%"));

    private Node binary(int level) {
        if (level == LEVELS.size()) {
            return unary();
        }
        Node left = binary(level + 1);
        while (peek().kind().equals("punct") && LEVELS.get(level).contains(peek().text())) {
            String op = next().text();
            left = new Binary(op, left, binary(level + 1));
        }
        return left;
    }

    private Node unary() {
        if (accept("!")) {
            return new Unary("!", unary());
        }
        if (accept("-")) {
            Node n = unary();
            return n instanceof Int i ? new Int(-i.value()) : new Unary("-", n);
        }
        return postfix(primary());
    }

    private Node postfix(Node n) {
        while (true) {
            if (accept(".")) {
                n = new Member(n, expect("ident").text());
            } else if (peek().is("[")) {
                next();
                Node index = expr();
                expect("]");
                n = new IndexAt(n, index);
            } else if (peek().is("(") && (n instanceof Ident || n instanceof Member m && m.target() instanceof Ident)) {
                next();
                String name = n instanceof Ident id ? id.name()
                        : ((Ident) ((Member) n).target()).name() + "." + ((Member) n).name();
                n = new Call(name, arguments());
            } else {
                return n;
            }
        }
    }

    private Node primary() {
        Token t = next();
        switch (t.kind()) {
            case "string":
                return (Str) t.value();
            case "int":
                return new Int((Long) t.value());
            case "ident":
                return switch (t.text()) {
                    case "true" -> new Bool(true);
                    case "false" -> new Bool(false);
                    case "null" -> new Null();
                    default -> new Ident(t.text());
                };
            default:
                break;
        }
        if (t.is("(")) {
            skipNewlines();
            Node n = expr();
            skipNewlines();
            expect(")");
            return n;
        }
        if (t.is("{")) {
            pos--;
            return object();
        }
        if (t.is("[")) {
            skipNewlines();
            if (peek().is("ident") && peek().text().equals("for")) {
                next();
                String variable = expect("ident").text();
                Token in = expect("ident");
                if (!in.text().equals("in")) {
                    throw error(in.line(), "expected 'in'");
                }
                Node iterable = expr();
                expect(":");
                Node condition = null;
                if (peek().is("ident") && peek().text().equals("if")) {
                    next();
                    expect("(");
                    condition = expr();
                    expect(")");
                }
                Node body = expr();
                skipNewlines();
                expect("]");
                return new ForLoop(variable, iterable, condition, body);
            }
            List<Node> items = new ArrayList<>();
            while (!accept("]")) {
                items.add(expr());
                if (!peek().is("]")) {
                    // items are separated by new lines (or commas on one line)
                    if (!accept(",")) {
                        expect("newline");
                    }
                }
                skipNewlines();
            }
            return new Arr(List.copyOf(items));
        }
        throw error(t.line(), "unexpected '" + t.text() + "'");
    }

    private Obj object() {
        expect("{");
        List<Map.Entry<Object, Node>> entries = new ArrayList<>();
        skipNewlines();
        while (!accept("}")) {
            Token k = next();
            Object key;
            if (k.is("ident")) {
                key = k.text();
            } else if (k.is("string")) {
                Str s = (Str) k.value();
                key = s.isLiteral() ? s.literal() : s;
            } else {
                throw error(k.line(), "expected an object key, found '" + k.text() + "'");
            }
            expect(":");
            entries.add(Map.entry(key, expr()));
            if (!peek().is("}")) {
                if (!accept(",")) {
                    expect("newline");
                }
            }
            skipNewlines();
        }
        return new Obj(List.copyOf(entries));
    }

    private static IllegalArgumentException error(int line, String message) {
        return new IllegalArgumentException("line " + line + ": " + message);
    }
}
