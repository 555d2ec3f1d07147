package io.github.hpcblueprints.arm;

import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parser for ARM's expression language: function calls (nested, with user-defined {@code ns.fn}), property access
 * {@code .a.b}, index {@code [0]}, string literals with {@code ''} escapes, integers, {@code true}/{@code false}/
 * {@code null}. Errors say what was expected and at which column of the expression.
 */
public final class ExprParser {

    /** Deeper nesting than this is refused rather than risking the stack on hostile input. */
    static final int MAX_DEPTH = 256;

    private final String text;
    private int pos;
    private int depth;

    private ExprParser(String text) {
        this.text = text;
    }

    /** The outcome of parsing: an expression, or an error at a 0-based offset into the text. */
    public static final class Result {
        private final Expr expr;
        private final String error;
        private final int offset;

        private Result(Expr expr, String error, int offset) {
            this.expr = expr;
            this.error = error;
            this.offset = offset;
        }

        static Result of(Expr expr) {
            return new Result(expr, "", -1);
        }

        static Result failure(String error, int offset) {
            return new Result(null, error, offset);
        }

        public boolean ok() {
            return expr != null;
        }

        public Optional<Expr> expr() {
            return Optional.ofNullable(expr);
        }

        /** What is wrong; empty when {@link #ok()}. */
        public String error() {
            return error;
        }

        /** 0-based offset of the error in the parsed text; -1 when {@link #ok()}. */
        public int offset() {
            return offset;
        }
    }

    /** Parses expression text without the surrounding brackets; throws with the column on a syntax error. */
    public static Expr parse(String expression) {
        Result r = tryParse(expression);
        if (!r.ok()) {
            throw new BlueprintException(Problem.of("ARM-EXPR",
                    "invalid ARM expression at column " + (r.offset() + 1) + ": " + r.error() + " in '"
                            + expression + "'",
                    Location.of("", 0, r.offset() + 1), "check the brackets, quotes ('' inside a string) and commas"));
        }
        return r.expr().orElseThrow();
    }

    /** Parses expression text without brackets; never throws. */
    public static Result tryParse(String expression) {
        ExprParser p = new ExprParser(expression);
        try {
            p.skipSpace();
            if (p.pos >= p.text.length()) {
                return Result.failure("empty expression", 0);
            }
            Expr e = p.expression();
            p.skipSpace();
            if (p.pos < p.text.length()) {
                throw p.error("unexpected '" + p.text.charAt(p.pos) + "' after the end of the expression");
            }
            return Result.of(e);
        } catch (SyntaxError err) {
            return Result.failure(err.getMessage(), err.offset);
        }
    }

    /**
     * Reads a JSON string value the way ARM does: {@code [..]} is an expression, {@code [[..]} is a literal that
     * starts with one bracket, anything else is a literal.
     */
    public static Expr parseArmString(String value) {
        Result r = tryParseArmString(value);
        if (!r.ok()) {
            throw new BlueprintException(Problem.of("ARM-EXPR",
                    "invalid ARM expression at column " + (r.offset() + 1) + ": " + r.error() + " in '" + value + "'",
                    Location.of("", 0, r.offset() + 1), "check the brackets, quotes ('' inside a string) and commas"));
        }
        return r.expr().orElseThrow();
    }

    /** As {@link #parseArmString(String)}, never throwing; offsets count from the start of the JSON string. */
    public static Result tryParseArmString(String value) {
        if (!ExprText.looksLikeExpression(value)) {
            return Result.of(new Expr.Str(value));
        }
        if (value.startsWith("[[")) {
            return Result.of(new Expr.Str(value.substring(1)));
        }
        Result inner = tryParse(value.substring(1, value.length() - 1));
        return inner.ok() ? inner : Result.failure(inner.error(), inner.offset() + 1);
    }

    /** True when ARM would evaluate this JSON string rather than take it literally. */
    public static boolean isExpressionString(String value) {
        return ExprText.looksLikeExpression(value) && !value.startsWith("[[");
    }

    // ---- grammar ------------------------------------------------------------------------------------------

    private Expr expression() {
        if (++depth > MAX_DEPTH) {
            throw error("expression nested more than " + MAX_DEPTH + " levels deep");
        }
        Expr e = primary();
        while (true) {
            skipSpace();
            if (peek('.')) {
                pos++;
                skipSpace();
                int start = pos;
                while (pos < text.length() && isMemberChar(text.charAt(pos), pos == start)) {
                    pos++;
                }
                if (start == pos) {
                    throw error("expected a property name after '.'");
                }
                e = new Expr.Member(e, text.substring(start, pos));
            } else if (peek('[')) {
                pos++;
                skipSpace();
                Expr index = expression();
                skipSpace();
                expect(']', "expected ']' to close the index");
                e = new Expr.Index(e, index);
            } else {
                break;
            }
        }
        depth--;
        return e;
    }

    private Expr primary() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("expression ends where a value was expected");
        }
        char ch = text.charAt(pos);
        if (ch == '\'') {
            return string();
        }
        if (ch == '-' || Character.isDigit(ch)) {
            return number();
        }
        if (isIdentStart(ch)) {
            return callOrKeyword();
        }
        throw error("unexpected '" + ch + "' where a function, string or number was expected");
    }

    private Expr string() {
        int start = pos;
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                pos = start;
                throw error("string literal is not closed (a quote inside a string is written '')");
            }
            char ch = text.charAt(pos++);
            if (ch == '\'') {
                if (peek('\'')) {
                    sb.append('\'');
                    pos++;
                } else {
                    return new Expr.Str(sb.toString());
                }
            } else {
                sb.append(ch);
            }
        }
    }

    private Expr number() {
        int start = pos;
        if (peek('-')) {
            pos++;
        }
        int digits = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (digits == pos) {
            pos = start;
            throw error("'-' must be followed by digits");
        }
        try {
            return new Expr.Num(Long.parseLong(text.substring(start, pos)));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("integer out of range");
        }
    }

    private Expr callOrKeyword() {
        int start = pos;
        String name = identifier();
        skipSpace();
        if (peek('.') && pos + 1 < text.length() && isIdentStart(text.charAt(pos + 1))) {
            // user-defined function: namespace.name(...)
            int save = pos;
            pos++;
            String member = identifier();
            skipSpace();
            if (peek('(')) {
                name = name + "." + member;
            } else {
                pos = save;
            }
        }
        if (!peek('(')) {
            switch (name) {
                case "true":
                    return new Expr.Bool(true);
                case "false":
                    return new Expr.Bool(false);
                case "null":
                    return new Expr.Null();
                default:
                    pos = start;
                    throw error("expected '(' after function name '" + name + "'");
            }
        }
        pos++; // (
        List<Expr> args = new ArrayList<>();
        skipSpace();
        if (peek(')')) {
            pos++;
            return new Expr.Call(name, args);
        }
        while (true) {
            args.add(expression());
            skipSpace();
            if (peek(',')) {
                pos++;
                continue;
            }
            if (peek(')')) {
                pos++;
                return new Expr.Call(name, args);
            }
            if (pos >= text.length()) {
                throw error("call of '" + name + "' is not closed: expected ')'");
            }
            throw error("expected ',' or ')' in the arguments of '" + name + "'");
        }
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && isIdentPart(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    // ---- characters ---------------------------------------------------------------------------------------

    private static boolean isIdentStart(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_';
    }

    private static boolean isIdentPart(char ch) {
        return isIdentStart(ch) || (ch >= '0' && ch <= '9');
    }

    private static boolean isMemberChar(char ch, boolean first) {
        if (isIdentStart(ch) || ch == '$' || ch == '@') {
            return true;
        }
        return !first && ((ch >= '0' && ch <= '9') || ch == '-');
    }

    private boolean peek(char ch) {
        return pos < text.length() && text.charAt(pos) == ch;
    }

    private void expect(char ch, String message) {
        if (!peek(ch)) {
            throw error(message);
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char ch = text.charAt(pos);
            if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
                pos++;
            } else {
                break;
            }
        }
    }

    private SyntaxError error(String message) {
        return new SyntaxError(message, Math.min(pos, text.length()));
    }

    /** Internal control flow for the descent; never escapes this class. */
    private static final class SyntaxError extends RuntimeException {
        private final int offset;

        SyntaxError(String message, int offset) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }
}
