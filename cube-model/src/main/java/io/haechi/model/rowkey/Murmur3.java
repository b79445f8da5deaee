package io.haechi.model.rowkey;

/**
 * MurmurHash3 x86 32-bit (Austin Appleby's reference), used for shard choice. The shard of a stored row depends on it,
 * so it must never change: golden row keys pin it.
 */
public final class Murmur3 {
    private Murmur3() {
    }

    public static int hash32(byte[] data, int offset, int length, int seed) {
        int h = seed;
        int end = offset + (length & ~3);
        for (int i = offset; i < end; i += 4) {
            int k = (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF) << 16 | data[i + 3] << 24;
            h ^= mixK(k);
            h = Integer.rotateLeft(h, 13) * 5 + 0xe6546b64;
        }
        int k = 0;
        switch (length & 3) {
            case 3:
                k ^= (data[end + 2] & 0xFF) << 16;
                // fall through
            case 2:
                k ^= (data[end + 1] & 0xFF) << 8;
                // fall through
            case 1:
                k ^= data[end] & 0xFF;
                h ^= mixK(k);
                break;
            default:
                break;
        }
        h ^= length;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private static int mixK(int k) {
        k *= 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15);
        return k * 0x1b873593;
    }
}
