package io.github.hpcblueprints.arm;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.hpcblueprints.diagnostics.BlueprintException;

/**
 * Fuzz targets for the two parsers. Under plain JUnit they replay the seed corpus in
 * {@code src/test/resources/io/github/hpcblueprints/arm/ParserFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} Jazzer
 * explores new inputs. The properties: parsing never throws, and what parses renders back to an equal tree.
 */
class ParserFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void expressionParserNeverThrowsAndRoundTrips(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        ExprParser.Result r = ExprParser.tryParse(text);
        if (r.ok()) {
            Expr e = r.expr().orElseThrow();
            assertThat(ExprParser.parse(e.render())).isEqualTo(e);
        } else {
            assertThat(r.offset()).isBetween(0, text.length());
            assertThat(r.error()).isNotEmpty();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void armReaderReportsInsteadOfThrowing(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        ArmDocument doc = ArmReader.read(text, "fuzz.json");
        for (var p : doc.problems()) {
            assertThat(p.location().source()).isEqualTo("fuzz.json");
        }
        if (doc.isTemplate()) {
            try {
                Template t = doc.toTemplate();
                // a template that maps must write and map again to the same model
                assertThat(ArmReader.readTemplate(ArmJsonWriter.write(t))).isEqualTo(t);
            } catch (BlueprintException expected) {
                assertThat(expected.problems()).isNotEmpty();
            }
        }
    }
}
