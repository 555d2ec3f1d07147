package io.github.hpcblueprints.arm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evaluator folds what is known and leaves the rest as ARM would still evaluate it. */
class EvaluatorTest {

    private static final ObjectMapper M = new ObjectMapper();

    private static JsonNode template(String variablesJson) throws Exception {
        return M.readTree("{\"variables\": " + variablesJson + "}");
    }

    private static String eval(Evaluator e, String armString) {
        Value v = e.evaluateString(armString);
        return v instanceof Value.Known k ? "known " + k.json() : "residual " + v.expr().render();
    }

    @Test
    void variablesAndLiteralArithmeticFold() throws Exception {
        Evaluator e = Evaluator.partial(template("{\"Prefix\": \"hpc\", \"vnet\": \"[concat(variables('prefix'), "
                + "'-vnet')]\", \"n\": \"[add(2, mul(3, 4))]\", \"obj\": {\"id\": \"[variables('vnet')]\"}}"));
        // variable names compare case-insensitively, as ARM's do
        assertThat(eval(e, "[variables('VNET')]")).isEqualTo("known \"hpc-vnet\"");
        assertThat(eval(e, "[variables('n')]")).isEqualTo("known 14");
        assertThat(eval(e, "[variables('obj').id]")).isEqualTo("known \"hpc-vnet\"");
        assertThat(eval(e, "[toUpper(format('{0}/{1}', variables('prefix'), 'x'))]")).isEqualTo("known \"HPC/X\"");
    }

    @Test
    void unknownParametersStayWithTheKnownPartsMerged() throws Exception {
        Evaluator e = Evaluator.partial(template("{\"vnet\": \"vnet1\"}"));
        assertThat(eval(e, "[concat('Microsoft.Network/virtualNetworks/', variables('vnet'), '/subnets/', "
                + "parameters('subnet'))]"))
                .isEqualTo("residual concat('Microsoft.Network/virtualNetworks/vnet1/subnets/', parameters('subnet'))");
        // format with a known format string is the same concat
        assertThat(eval(e, "[format('{0}/subnets/{1}', variables('vnet'), parameters('subnet'))]"))
                .isEqualTo("residual concat('vnet1/subnets/', parameters('subnet'))");
        assertThat(eval(e, "[resourceId('Microsoft.Network/virtualNetworks', variables('vnet'))]"))
                .isEqualTo("residual resourceId('Microsoft.Network/virtualNetworks', 'vnet1')");
    }

    @Test
    void ifEvaluatesOnlyTheChosenBranch() throws Exception {
        Evaluator e = Evaluator.withParameters(template("{}"), Map.of("Mode",
                JsonNodeFactory.instance.textNode("new")));
        assertThat(eval(e, "[if(equals(parameters('mode'), 'new'), 'created', parameters('missing'))]"))
                .isEqualTo("known \"created\"");
        // and/or decide on a known operand whatever the other is
        assertThat(eval(e, "[and(equals(parameters('mode'), 'old'), parameters('missing'))]"))
                .isEqualTo("known false");
    }

    @Test
    void aVariableCycleIsLeftAsWritten() throws Exception {
        Evaluator e = Evaluator.partial(template("{\"a\": \"[variables('b')]\", \"b\": \"[variables('a')]\"}"));
        assertThat(eval(e, "[variables('a')]")).isEqualTo("residual variables('a')");
    }

    @Test
    void documentedResultsOfStringAndArrayFunctions() throws Exception {
        Evaluator e = Evaluator.partial(template("{}"));
        // the examples of ARM's template function reference
        assertThat(eval(e, "[split('one,two,three', ',')]")).isEqualTo("known [\"one\",\"two\",\"three\"]");
        assertThat(eval(e, "[padLeft('123', 10, '0')]")).isEqualTo("known \"0000000123\"");
        assertThat(eval(e, "[substring('hello', 1, 3)]")).isEqualTo("known \"ell\"");
        assertThat(eval(e, "[union(createObject('a', 1, 'b', createObject('c', 2)), createObject('b', "
                + "createObject('d', 3)))]")).isEqualTo("known {\"a\":1,\"b\":{\"c\":2,\"d\":3}}");
        assertThat(eval(e, "[take(createArray(1, 2, 3), 2)]")).isEqualTo("known [1,2]");
        assertThat(eval(e, "[coalesce(null(), 'x')]")).isEqualTo("known \"x\"");
        assertThat(eval(e, "[base64ToString(base64('one, two, three'))]")).isEqualTo("known \"one, two, three\"");
        // a call with too few arguments stays for ARM to refuse
        assertThat(eval(e, "[toLower()]")).isEqualTo("residual toLower()");
    }
}
