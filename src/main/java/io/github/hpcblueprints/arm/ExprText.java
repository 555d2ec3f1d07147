package io.github.hpcblueprints.arm;

import java.util.List;

/** Renders {@link Expr} trees to ARM syntax (and walks them). Kept apart from the parser so each stays small. */
final class ExprText {

    /** A path step that indexes an array: {@code mountTargets[0]}. */
    static final java.util.regex.Pattern INDEXED_STEP =
            java.util.regex.Pattern.compile("([^\\[\\]]+)((?:\\[\\d+\\])+)");

    private ExprText() {
    }

    static void render(Expr e, StringBuilder sb) {
        if (e instanceof Expr.Str s) {
            quote(s.value(), sb);
        } else if (e instanceof Expr.Num n) {
            sb.append(n.value());
        } else if (e instanceof Expr.Bool b) {
            sb.append(b.value());
        } else if (e instanceof Expr.Null) {
            sb.append("null");
        } else if (e instanceof Expr.Call c) {
            sb.append(c.name()).append('(');
            for (int i = 0; i < c.args().size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                render(c.args().get(i), sb);
            }
            sb.append(')');
        } else if (e instanceof Expr.Member m) {
            render(m.target(), sb);
            sb.append('.').append(m.name());
        } else if (e instanceof Expr.Index ix) {
            render(ix.target(), sb);
            sb.append('[');
            render(ix.index(), sb);
            sb.append(']');
        } else {
            throw new IllegalStateException("unknown expression node " + e.getClass());
        }
    }

    /** {@code 'text'} with single quotes doubled. */
    static void quote(String value, StringBuilder sb) {
        sb.append('\'');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '\'') {
                sb.append('\'');
            }
            sb.append(ch);
        }
        sb.append('\'');
    }

    /**
     * A literal as an ARM JSON string. ARM reads a string that starts with {@code [} and ends with {@code ]} as an
     * expression, so such a literal gets one more leading bracket; any other literal is written as is.
     */
    static String escapeLiteral(String value) {
        return looksLikeExpression(value) ? "[" + value : value;
    }

    static boolean looksLikeExpression(String value) {
        return value.length() >= 2 && value.charAt(0) == '[' && value.charAt(value.length() - 1) == ']';
    }

    static void collectCalls(Expr e, List<Expr.Call> out) {
        if (e instanceof Expr.Call c) {
            out.add(c);
            c.args().forEach(a -> collectCalls(a, out));
        } else if (e instanceof Expr.Member m) {
            collectCalls(m.target(), out);
        } else if (e instanceof Expr.Index ix) {
            collectCalls(ix.target(), out);
            collectCalls(ix.index(), out);
        }
    }
}
