package com.hirerelay.host.plugins;

/**
 * How much of an uploaded jar the host is willing to unpack while inspecting it. Sizes are counted as
 * the bytes actually inflated, never as the sizes the zip headers claim (a zip bomb's headers lie).
 *
 * @param maxEntries the most entries a jar may have
 * @param maxTotalBytes the most bytes all entries together may unpack to
 * @param maxEntryBytes the most bytes one entry may unpack to
 * @param maxDescriptorBytes the most bytes the manifest and the extension index may unpack to
 * @param maxCompressionRatio the most an entry may be compressed (unpacked / packed bytes)...
 * @param ratioFloorBytes ...once it unpacks to more than this: small, very compressible files are normal
 */
public record JarReadLimits(
        int maxEntries,
        long maxTotalBytes,
        long maxEntryBytes,
        long maxDescriptorBytes,
        int maxCompressionRatio,
        long ratioFloorBytes) {

    /**
     * 20,000 entries, 256 MiB in all, 64 MiB per entry, 64 KiB for the manifest and the index, 100:1 beyond
     * 1 MiB. The Factorial plugin has 2,179 entries, 8.6 MB unpacked, at most 12:1.
     */
    public static final JarReadLimits DEFAULTS =
            new JarReadLimits(20_000, 256L << 20, 64L << 20, 64L << 10, 100, 1L << 20);
}
