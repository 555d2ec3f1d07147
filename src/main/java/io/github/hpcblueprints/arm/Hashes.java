package io.github.hpcblueprints.arm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;

/**
 * ARM's two name hashes, so names planned here are the names Azure creates.
 *
 * <p>{@code uniqueString(a, b, ...)}: the arguments joined with {@code -}, UTF-8 encoded, hashed to 64 bits with the
 * Murmur3 x86 128-bit scheme reduced to its first two lanes (the variant in Microsoft's ResourceStack library that ARM
 * uses), then written as 13 base-32 characters ({@code a-z2-7}) from the most significant bits. The function is not
 * documented by Azure; the test checks it against values ARM and Bicep produced, with their sources.
 *
 * <p>{@code guid(a, b, ...)}: a name-based (version 5, SHA-1) UUID of the arguments joined with {@code -}, in the
 * namespace {@code 11fb06fb-712d-4ddd-98c7-e71bbd588830}.
 */
public final class Hashes {

    private static final UUID GUID_NAMESPACE = UUID.fromString("11fb06fb-712d-4ddd-98c7-e71bbd588830");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    // the two lanes' multipliers and mixing constants of Murmur3's x86 128-bit form
    private static final int C1 = 0x239b961b;
    private static final int C2 = 0xab0e9789;
    private static final int N1 = 0x561ccd1b;
    private static final int N2 = 0x0bcaa747;

    private Hashes() {
    }

    public static String uniqueString(List<String> parts) {
        long h = hash64(String.join("-", parts).getBytes(StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder(13);
        for (int i = 0; i < 13; i++) {
            // 13 x 5 bits: the last character takes the lowest 4 bits and a zero
            out.append(BASE32[(int) ((h >>> 59) & 31)]);
            h <<= 5;
        }
        return out.toString();
    }

    public static String guid(List<String> parts) {
        return nameBasedUuid(GUID_NAMESPACE, String.join("-", parts)).toString();
    }

    /** RFC 4122 section 4.3, version 5: SHA-1 of the namespace's bytes and the name's UTF-8 bytes. */
    static UUID nameBasedUuid(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
        sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits()).array());
        byte[] d = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        d[6] = (byte) ((d[6] & 0x0f) | 0x50);
        d[8] = (byte) ((d[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(d, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }

    static long hash64(byte[] data) {
        int h1 = 0;
        int h2 = 0;
        int i = 0;
        for (; i + 8 <= data.length; i += 8) {
            h1 ^= mixK1(littleEndian(data, i, 4));
            h1 = Integer.rotateLeft(h1, 19) + h2;
            h1 = h1 * 5 + N1;
            h2 ^= mixK2(littleEndian(data, i + 4, 4));
            h2 = Integer.rotateLeft(h2, 13) + h1;
            h2 = h2 * 5 + N2;
        }
        int rest = data.length - i;
        if (rest > 0) {
            h1 ^= mixK1(littleEndian(data, i, Math.min(rest, 4)));
            if (rest > 4) {
                h2 ^= mixK2(littleEndian(data, i + 4, rest - 4));
            }
        }
        int len = data.length;
        int a = h2 ^ len;
        int b = (h1 ^ len) + a;
        int c = a + b;
        b = fmix(b);
        c = fmix(c);
        b += c;
        c += b;
        return ((long) c << 32) | (b & 0xffffffffL);
    }

    private static int mixK1(int k) {
        return Integer.rotateLeft(k * C1, 15) * C2;
    }

    private static int mixK2(int k) {
        return Integer.rotateLeft(k * C2, 17) * C1;
    }

    private static int fmix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    private static int littleEndian(byte[] d, int at, int n) {
        int v = 0;
        for (int k = 0; k < n; k++) {
            v |= (d[at + k] & 0xff) << (8 * k);
        }
        return v;
    }
}
