package dev.syssim.sim.trace.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.util.Arrays;

/**
 * Turns a drawn RGB image into an 8-bit palette image, which makes a diagram's PNG about three
 * times smaller. A diagram has few colours (its styles, plus the edge shades of lines), so this is
 * usually exact; past 256 colours each pixel takes the nearest of the 256 most frequent. The
 * palette order depends only on the pixels (count, then colour), so the bytes are deterministic.
 */
final class IndexedImage {

    private static final int MAX_COLOURS = 16;

    private IndexedImage() {
    }

    static BufferedImage of(BufferedImage rgb) {
        int[] pixels = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
        ColourCounts counts = new ColourCounts();
        for (int p : pixels) counts.add(p & 0xffffff);
        int[] palette = counts.mostFrequent(MAX_COLOURS);
        byte[] r = new byte[palette.length];
        byte[] g = new byte[palette.length];
        byte[] b = new byte[palette.length];
        ColourCounts index = new ColourCounts();
        for (int i = 0; i < palette.length; i++) {
            r[i] = (byte) (palette[i] >> 16);
            g[i] = (byte) (palette[i] >> 8);
            b[i] = (byte) palette[i];
            index.put(palette[i], i);
        }
        int bits = palette.length <= 16 ? 4 : 8;
        IndexColorModel model = new IndexColorModel(bits, palette.length, r, g, b);
        BufferedImage out = bits == 4
                ? new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_BINARY, model)
                : new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_INDEXED, model);
        WritableRaster raster = out.getRaster();
        int width = rgb.getWidth();
        int[] row = new int[width];
        for (int y = 0; y < rgb.getHeight(); y++) {
            for (int x = 0; x < width; x++) {
                int colour = pixels[y * width + x] & 0xffffff;
                int at = index.get(colour);
                if (at < 0) {
                    at = nearest(palette, colour);
                    index.put(colour, at);
                }
                row[x] = at;
            }
            raster.setPixels(0, y, width, 1, row);
        }
        return out;
    }

    private static int nearest(int[] palette, int colour) {
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < palette.length; i++) {
            int dr = (palette[i] >> 16 & 0xff) - (colour >> 16 & 0xff);
            int dg = (palette[i] >> 8 & 0xff) - (colour >> 8 & 0xff);
            int db = (palette[i] & 0xff) - (colour & 0xff);
            long distance = (long) dr * dr + (long) dg * dg + (long) db * db;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return best;
    }

    /** An open-addressing map from colour to a number, for millions of pixels without boxing. */
    private static final class ColourCounts {
        private int[] keys = new int[1024];
        private int[] values = new int[1024];
        private boolean[] used = new boolean[1024];
        private int size;

        void add(int colour) {
            int slot = slot(colour);
            if (!used[slot]) {
                claim(slot, colour, 0);
                slot = slot(colour);
            }
            values[slot]++;
        }

        void put(int colour, int value) {
            int slot = slot(colour);
            if (!used[slot]) {
                claim(slot, colour, value);
            } else {
                values[slot] = value;
            }
        }

        int get(int colour) {
            int slot = slot(colour);
            return used[slot] ? values[slot] : -1;
        }

        private void claim(int slot, int colour, int value) {
            used[slot] = true;
            keys[slot] = colour;
            values[slot] = value;
            if (++size * 2 > keys.length) grow();
        }

        private int slot(int colour) {
            int mask = keys.length - 1;
            int slot = (colour * 0x9E3779B1) >>> 7 & mask;
            while (used[slot] && keys[slot] != colour) slot = (slot + 1) & mask;
            return slot;
        }

        private void grow() {
            int[] oldKeys = keys;
            int[] oldValues = values;
            boolean[] oldUsed = used;
            keys = new int[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (!oldUsed[i]) continue;
                int slot = slot(oldKeys[i]);
                used[slot] = true;
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }

        /** Up to {@code n} colours, most frequent first, ties by colour value. */
        int[] mostFrequent(int n) {
            long[] entries = new long[size];
            int k = 0;
            for (int i = 0; i < keys.length; i++) {
                // count in the high bits (inverted for descending order), colour in the low bits
                if (used[i]) entries[k++] = ((long) (Integer.MAX_VALUE - values[i]) << 24) | keys[i];
            }
            Arrays.sort(entries);
            int[] colours = new int[Math.min(n, entries.length)];
            for (int i = 0; i < colours.length; i++) colours[i] = (int) (entries[i] & 0xffffff);
            return colours;
        }
    }
}
