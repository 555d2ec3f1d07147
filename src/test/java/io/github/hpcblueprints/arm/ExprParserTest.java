package io.github.hpcblueprints.arm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExprParserTest {

    @Test
    void parsesNestedCallsWithPropertyAccessAndIndex() {
        Expr e = ExprParser.parse("reference(resourceId('Microsoft.Network/publicIPAddresses', "
                + "parameters('ip')), '2025-07-01').ipConfiguration.subnets[0].id");
        Expr expected = new Expr.Member(new Expr.Index(
                Expr.reference(Expr.resourceId("Microsoft.Network/publicIPAddresses", Expr.parameters("ip")),
                        "2025-07-01").path("ipConfiguration.subnets"), Expr.num(0)), "id");
        assertThat(e).isEqualTo(expected);
    }

    @Test
    void pathStepsWithIndexesIndexArrays() {
        Expr viaPath = Expr.parameters("vol").path("mountTargets[0].ipAddress");
        assertThat(viaPath.render()).isEqualTo("parameters('vol').mountTargets[0].ipAddress");
        assertThat(Expr.parameters("m").path("a[1][2]").render()).isEqualTo("parameters('m').a[1][2]");
        assertThat(ExprParser.parse(viaPath.render())).isEqualTo(viaPath);
    }

    @Test
    void readsDoubledQuotesInsideStrings() {
        assertThat(ExprParser.parse("concat('it''s', '''')")).isEqualTo(
                Expr.concat(Expr.str("it's"), Expr.str("'")));
    }

    @Test
    void readsLiteralsAndUserDefinedFunctions() {
        assertThat(ExprParser.parse("if(true, -12, null)")).isEqualTo(
                Expr.call("if", Expr.bool(true), Expr.num(-12), Expr.nul()));
        assertThat(ExprParser.parse("contoso.uniqueName( 'a' )")).isEqualTo(
                Expr.call("contoso.uniqueName", Expr.str("a")));
        assertThat(ExprParser.parse("variables('x')['odd-key'].y")).isEqualTo(
                new Expr.Member(new Expr.Index(Expr.variables("x"), Expr.str("odd-key")), "y"));
    }

    @Test
    void toleratesWhitespaceBetweenTokens() {
        assertThat(ExprParser.parse(" concat ( 'a' ,\n\t'b' ) ")).isEqualTo(Expr.concat(Expr.str("a"), Expr.str("b")));
    }

    @Test
    void armStringsFollowTheBracketEscapeRule() {
        assertThat(ExprParser.parseArmString("[[not an expression]")).isEqualTo(Expr.str("[not an expression]"));
        assertThat(ExprParser.parseArmString("[test] value")).isEqualTo(Expr.str("[test] value"));
        assertThat(ExprParser.parseArmString("[parameters('a')]")).isEqualTo(Expr.parameters("a"));
        assertThat(Expr.str("[x]").toArmString()).isEqualTo("[[x]");
        assertThat(Expr.str("[x").toArmString()).isEqualTo("[x");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "concat('a', 'b'|16|call of 'concat' is not closed",
        "concat('a' 'b')|12|expected ',' or ')'",
        "'unterminated|1|string literal is not closed",
        "parameters('a')).x|16|unexpected ')'",
        "foo|1|expected '(' after function name 'foo'",
        "a().|5|expected a property name",
        "x()[0|6|expected ']'",
        "-|1|'-' must be followed by digits",
        "99999999999999999999|1|integer out of range",
        "concat(,)|8|unexpected ','"
    })
    void reportsMalformedExpressionsWithTheirColumn(String text, int column, String message) {
        ExprParser.Result r = ExprParser.tryParse(text);
        assertThat(r.ok()).isFalse();
        assertThat(r.offset() + 1).as("column").isEqualTo(column);
        assertThat(r.error()).contains(message);
        assertThatThrownBy(() -> ExprParser.parse(text)).isInstanceOf(BlueprintException.class)
                .hasMessageContaining("column " + column);
    }

    @Test
    void refusesPathologicalNesting() {
        String deep = "f(".repeat(ExprParser.MAX_DEPTH + 10) + ")".repeat(ExprParser.MAX_DEPTH + 10);
        assertThat(ExprParser.tryParse(deep).error()).contains("nested more than");
    }

    @Test
    void renderThenParseGivesTheSameTreeForSeededRandomExpressions() {
        Random random = new Random(42);
        for (int i = 0; i < 5000; i++) {
            Expr e = RandomTemplates.expr(random, 4);
            String text = e.render();
            assertThat(ExprParser.parse(text)).as(text).isEqualTo(e);
            assertThat(ExprParser.parseArmString(e.toArmString())).as(e.toArmString()).isEqualTo(e);
        }
    }

    @Test
    void everyExpressionInTheThirdPartyCorpusParses() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Shared.corpus())) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        int count = 0;
        for (Path f : files) {
            ArmDocument doc = ArmReader.read(f);
            assertThat(doc.problems()).as(f.toString()).isEmpty();
            count += doc.parsedExpressions().size();
        }
        assertThat(count).as("expressions found in the corpus").isGreaterThan(30);
    }
}
