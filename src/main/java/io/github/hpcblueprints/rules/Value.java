package io.github.hpcblueprints.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a rule can tell about a property before deployment: its value, the values it may take (a parameter with
 * allowed values), or that it cannot be known until Azure evaluates it (and why).
 */
public sealed interface Value permits Value.Known, Value.OneOf, Value.Unknown, Value.Absent {

    /** The property is not set (Azure's default applies). */
    record Absent() implements Value {
    }

    record Known(JsonNode node) implements Value {
    }

    /** One of these, chosen at deployment (a parameter's allowed values, the branches of an {@code if}). */
    record OneOf(List<JsonNode> nodes, String source) implements Value {
        public OneOf {
            nodes = List.copyOf(nodes);
        }
    }

    record Unknown(String why) implements Value {
    }

    /** The verdict of a test on this value. */
    enum Verdict { PASS, FAIL, UNKNOWN }

    /**
     * Tests the value; {@code absentOk} says what Azure's default means for the rule. A choice passes only when every
     * option passes.
     */
    default Verdict test(Predicate<JsonNode> ok, boolean absentOk) {
        if (this instanceof Absent) {
            return absentOk ? Verdict.PASS : Verdict.FAIL;
        }
        if (this instanceof Known k) {
            return ok.test(k.node()) ? Verdict.PASS : Verdict.FAIL;
        }
        if (this instanceof OneOf o) {
            return o.nodes().stream().allMatch(ok) ? Verdict.PASS : Verdict.FAIL;
        }
        return Verdict.UNKNOWN;
    }

    /** A short description for messages: the value, the choice, or why it is unknown. */
    default String describe() {
        if (this instanceof Absent) {
            return "not set";
        }
        if (this instanceof Known k) {
            return k.node().isTextual() ? "'" + k.node().textValue() + "'" : k.node().toString();
        }
        if (this instanceof OneOf o) {
            return "one of " + o.nodes() + " (" + o.source() + ")";
        }
        return "unknown at build time: " + ((Unknown) this).why();
    }

    /** The text when known and textual, else empty. */
    default String text() {
        return this instanceof Known k && k.node().isValueNode() ? k.node().asText() : "";
    }
}
