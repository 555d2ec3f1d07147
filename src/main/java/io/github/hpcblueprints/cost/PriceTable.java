package io.github.hpcblueprints.cost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Unit prices by region, meter and SKU, read from a tab-separated table that states its currency, the date the
 * prices held and where they come from ({@code prices/azure-list-prices.tsv} on the classpath). Estimates are made
 * with no network, so they are as good as the table's date: every estimate prints it.
 */
public final class PriceTable {

    /** The table this library ships. */
    public static final String SHIPPED = "prices/azure-list-prices.tsv";
    /** Hours in a month, as Azure's pricing calculator counts them (24 × 365 / 12). */
    public static final BigDecimal HOURS_PER_MONTH = BigDecimal.valueOf(730);
    /**
     * Hours a month a VM with a daily shutdown is assumed to run, started by its user each working day: 10 hours on
     * 22 working days. An assumption every estimate that uses it states.
     */
    public static final BigDecimal DAYTIME_HOURS = BigDecimal.valueOf(220);

    /** The hours a month a VM is counted: {@link #DAYTIME_HOURS} with a daily shutdown, else every hour. */
    public static BigDecimal monthlyHours(boolean stopsDaily) {
        return stopsDaily ? DAYTIME_HOURS : HOURS_PER_MONTH;
    }

    private static final class Shipped {
        static final PriceTable TABLE = load();

        private static PriceTable load() {
            try (InputStream in = PriceTable.class.getClassLoader().getResourceAsStream(SHIPPED)) {
                if (in == null) {
                    throw new IllegalStateException(SHIPPED + " is missing from the classpath");
                }
                return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), SHIPPED);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final String asOf;
    private final String currency;
    private final String source;
    private final Map<String, BigDecimal> prices;

    private PriceTable(String asOf, String currency, String source, Map<String, BigDecimal> prices) {
        this.asOf = asOf;
        this.currency = currency;
        this.source = source;
        this.prices = Map.copyOf(prices);
    }

    /** The shipped table. */
    public static PriceTable shipped() {
        return Shipped.TABLE;
    }

    /**
     * Reads a table: {@code # as-of:}, {@code # currency:} and {@code # source:} header lines, other {@code #}
     * lines ignored, then rows {@code region meter sku unit price} separated by tabs. A malformed table is refused
     * with the file and line, since an estimate from it would be silently wrong.
     */
    public static PriceTable read(String text, String file) {
        Map<String, String> header = new HashMap<>();
        Map<String, BigDecimal> prices = new HashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String where = file + ":" + (i + 1) + ": ";
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("#\\s*(as-of|currency|source):\\s*(.+)")
                        .matcher(line);
                if (m.matches()) {
                    header.put(m.group(1), m.group(2).strip());
                }
                continue;
            }
            String[] cells = lines[i].split("\t");
            if (cells.length != 5) {
                throw new IllegalArgumentException(where + "a row has 5 tab-separated cells (region, meter, sku, "
                        + "unit, price); this one has " + cells.length);
            }
            Meter meter = Meter.byId(cells[1]).orElseThrow(() -> new IllegalArgumentException(where
                    + "unknown meter '" + cells[1] + "'"));
            if (!meter.unit().equals(cells[3])) {
                throw new IllegalArgumentException(where + "meter " + meter.id() + " is priced per " + meter.unit()
                        + ", not per " + cells[3]);
            }
            BigDecimal price;
            try {
                price = new BigDecimal(cells[4]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + "price '" + cells[4] + "' is not a number");
            }
            if (price.signum() < 0) {
                throw new IllegalArgumentException(where + "price " + price + " is negative");
            }
            if (prices.put(key(cells[0], meter, cells[2]), price) != null) {
                throw new IllegalArgumentException(where + cells[0] + " " + meter.id() + " " + cells[2]
                        + " is priced twice");
            }
        }
        for (String required : new String[] {"as-of", "currency", "source"}) {
            if (!header.containsKey(required)) {
                throw new IllegalArgumentException(file + ": the header line '# " + required + ": ...' is missing");
            }
        }
        if (!header.get("as-of").matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new IllegalArgumentException(file + ": as-of '" + header.get("as-of") + "' is not a date "
                    + "(YYYY-MM-DD)");
        }
        return new PriceTable(header.get("as-of"), header.get("currency"), header.get("source"), prices);
    }

    /** The date the prices held (YYYY-MM-DD). */
    public String asOf() {
        return asOf;
    }

    /** The currency of every price (ISO 4217). */
    public String currency() {
        return currency;
    }

    /** Where the prices come from. */
    public String source() {
        return source;
    }

    /** The unit price of one SKU of a meter in a region, per the meter's unit; empty when the table has none. */
    public Optional<BigDecimal> price(String region, Meter meter, String sku) {
        return Optional.ofNullable(prices.get(key(region, meter, sku)));
    }

    private static String key(String region, Meter meter, String sku) {
        return region.toLowerCase(java.util.Locale.ROOT) + "\t" + meter.id() + "\t" + sku;
    }
}
