package io.github.hpcblueprints.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The shipped table is dated and sourced; a malformed table is refused with its line, never read half. */
class PriceTableTest {

    private static final String HEADER = "# as-of: 2026-01-31\n# currency: USD\n# source: the test\n";

    @Test
    void theShippedTableStatesItsDateCurrencyAndSource() {
        PriceTable t = PriceTable.shipped();
        assertThat(t.asOf()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(t.currency()).isEqualTo("USD");
        assertThat(t.source()).isNotBlank();
        assertThat(t.price("uksouth", Meter.VM, "Standard_D4as_v5")).isPresent();
        assertThat(t.price("UKSouth", Meter.VM, "Standard_D4as_v5")).as("regions as ARM spells them, any case")
                .isEqualTo(t.price("uksouth", Meter.VM, "Standard_D4as_v5"));
        assertThat(t.price("uksouth", Meter.VM, "Standard_Nonexistent")).isEmpty();
    }

    @Test
    void aSpotPriceIsBelowThePayAsYouGoPriceOfTheSameSize() {
        PriceTable t = PriceTable.shipped();
        for (String region : new String[] {"uksouth", "eastus"}) {
            for (String size : new String[] {"Standard_D2as_v5", "Standard_D4as_v5", "Standard_F2s_v2",
                    "Standard_F4s_v2", "Standard_F16s_v2"}) {
                assertThat(t.price(region, Meter.VM_SPOT, size).orElseThrow())
                        .isLessThan(t.price(region, Meter.VM, size).orElseThrow());
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "uksouth\tvm\tStandard_D2as_v5\thour|t.tsv:4: a row has 5 tab-separated cells",
        "uksouth\tvmm\tStandard_D2as_v5\thour\t0.1|t.tsv:4: unknown meter 'vmm'",
        "uksouth\tvm\tStandard_D2as_v5\tmonth\t0.1|t.tsv:4: meter vm is priced per hour, not per month",
        "uksouth\tvm\tStandard_D2as_v5\thour\tcheap|t.tsv:4: price 'cheap' is not a number",
        "uksouth\tvm\tStandard_D2as_v5\thour\t-1|t.tsv:4: price -1 is negative",
    })
    void aMalformedRowIsRefusedWithItsLine(String row, String message) {
        assertThatThrownBy(() -> PriceTable.read(HEADER + row + "\n", "t.tsv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
    }

    @Test
    void aRowPricedTwiceOrAMissingHeaderIsRefused() {
        String row = "uksouth\tvm\tStandard_D2as_v5\thour\t0.1\n";
        assertThatThrownBy(() -> PriceTable.read(HEADER + row + row, "t.tsv"))
                .hasMessage("t.tsv:5: uksouth vm Standard_D2as_v5 is priced twice");
        assertThatThrownBy(() -> PriceTable.read("# currency: USD\n# source: x\n" + row, "t.tsv"))
                .hasMessage("t.tsv: the header line '# as-of: ...' is missing");
        assertThatThrownBy(() -> PriceTable.read(HEADER.replace("2026-01-31", "last week") + row, "t.tsv"))
                .hasMessageContaining("as-of 'last week' is not a date");
    }
}
