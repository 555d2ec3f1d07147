package io.github.hpcblueprints.azure.network;

import java.util.List;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 address range in CIDR notation. Parsing is strict: the address must be the first of its range
 * ({@code 10.0.0.1/24} is refused with the aligned form to use), as Azure requires for address spaces and subnets.
 */
public record Cidr(long network, int prefix) implements Comparable<Cidr> {

    private static final Pattern FORM = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    public Cidr {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix length " + prefix + " is outside 0-32");
        }
        if (network < 0 || network > 0xFFFFFFFFL || (network & ~mask(prefix)) != 0) {
            throw new IllegalArgumentException("network address is not aligned to /" + prefix);
        }
    }

    /** Parses {@code a.b.c.d/n}. */
    public static Cidr parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 CIDR range such as 10.0.0.0/16");
        }
        long addr = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                throw new IllegalArgumentException("'" + text + "': octet " + octet + " is over 255");
            }
            addr = (addr << 8) | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix > 32) {
            throw new IllegalArgumentException("'" + text + "': prefix length " + prefix + " is over 32");
        }
        long aligned = addr & mask(prefix);
        if (aligned != addr) {
            throw new IllegalArgumentException("'" + text + "' is not the start of its range; use "
                    + format(aligned) + "/" + prefix);
        }
        return new Cidr(addr, prefix);
    }

    /** True when {@code text} parses. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Number of addresses. */
    public long size() {
        return 1L << (32 - prefix);
    }

    public long last() {
        return network + size() - 1;
    }

    /**
     * Whether the range lies in the private address space a virtual network should use: RFC 1918 (10/8, 172.16/12,
     * 192.168/16) or RFC 6598's shared space (100.64/10), which Azure also accepts for VNets. A public range in a
     * VNet hides those addresses on the internet from everything in it.
     */
    public boolean isPrivate() {
        for (String range : List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10")) {
            if (parse(range).contains(this)) {
                return true;
            }
        }
        return false;
    }

    public boolean contains(Cidr other) {
        return other.network >= network && other.last() <= last();
    }

    public boolean overlaps(Cidr other) {
        return network <= other.last() && other.network <= last();
    }

    /** The {@code index}-th range of prefix {@code newPrefix} inside this one. */
    public Cidr subnet(int newPrefix, int index) {
        if (newPrefix < prefix) {
            throw new IllegalArgumentException("/" + newPrefix + " is larger than " + this);
        }
        long count = 1L << (newPrefix - prefix);
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException(this + " has " + count + " /" + newPrefix + " ranges; index " + index
                    + " is outside");
        }
        return new Cidr(network + index * (1L << (32 - newPrefix)), newPrefix);
    }

    /** Addresses Azure leaves for use: it reserves five in every subnet. */
    public long usableInAzure() {
        return Math.max(0, size() - 5);
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    private static String format(long addr) {
        return ((addr >> 24) & 255) + "." + ((addr >> 16) & 255) + "." + ((addr >> 8) & 255) + "." + (addr & 255);
    }

    @Override
    public int compareTo(Cidr o) {
        int c = Long.compare(network, o.network);
        return c != 0 ? c : Integer.compare(prefix, o.prefix);
    }

    @Override
    public String toString() {
        return format(network) + "/" + prefix;
    }
}
