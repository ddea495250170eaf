package dev.syssim.sim.trace.render;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a drawn diagram as a palette PNG, quickly: a diagram has a handful of colours, so each
 * pixel becomes a 4-bit index into the 16 most frequent ones (the rare edge shades of lines take
 * the nearest), rows are stored unfiltered (what the PNG specification advises for palette images)
 * and deflated at a middle level. ImageIO's writer, with its five-filter search per row, took four
 * times as long for a few per cent fewer bytes. Deterministic: the palette order depends only on
 * the pixels, and there are no text or time chunks.
 */
final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Colours in the palette; beyond them a pixel takes the nearest (only antialiased edges do). */
    private static final int MAX_COLOURS = 16;
    /** zlib level 6: most of level 9's size at a fraction of its time on these images. */
    private static final int LEVEL = 6;

    private PngEncoder() {
    }

    /** The PNG of {@code width × height} RGB pixels (0xRRGGBB), recording {@code dpi} in its pHYs chunk. */
    static byte[] encode(int[] pixels, int width, int height, int dpi) {
        int[] palette = palette(pixels);
        byte[] indexed = index(pixels, width, height, palette);
        ByteArrayOutputStream out = new ByteArrayOutputStream(indexed.length / 8 + 1024);
        out.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 4; // bits per index: 16 colours
        header[9] = 3; // colour type: palette
        chunk(out, "IHDR", header);
        byte[] plte = new byte[palette.length * 3];
        for (int i = 0; i < palette.length; i++) {
            plte[3 * i] = (byte) (palette[i] >> 16);
            plte[3 * i + 1] = (byte) (palette[i] >> 8);
            plte[3 * i + 2] = (byte) palette[i];
        }
        chunk(out, "PLTE", plte);
        byte[] phys = new byte[9];
        int perMetre = (int) Math.round(dpi / 0.0254);
        putInt(phys, 0, perMetre);
        putInt(phys, 4, perMetre);
        phys[8] = 1; // unit: metre
        chunk(out, "pHYs", phys);
        chunk(out, "IDAT", deflate(indexed));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** The most frequent colours, most frequent first, ties by colour value. */
    private static int[] palette(int[] pixels) {
        ColourTable counts = new ColourTable();
        int run = -1;
        int length = 0;
        for (int p : pixels) {
            int colour = p & 0xffffff;
            if (colour == run) {
                length++;
                continue;
            }
            if (length > 0) counts.add(run, length);
            run = colour;
            length = 1;
        }
        if (length > 0) counts.add(run, length);
        return counts.mostFrequent(MAX_COLOURS);
    }

    /** Rows of palette indexes, each after its filter byte (0, none), two pixels a byte. */
    private static byte[] index(int[] pixels, int width, int height, int[] palette) {
        int rowBytes = (width + 1) / 2;
        byte[] out = new byte[(rowBytes + 1) * height];
        ColourTable known = new ColourTable();
        for (int i = 0; i < palette.length; i++) known.add(palette[i], i + 1);
        int last = -1;
        int lastIndex = 0;
        for (int y = 0; y < height; y++) {
            int row = y * (rowBytes + 1) + 1;
            int from = y * width;
            for (int x = 0; x < width; x++) {
                int colour = pixels[from + x] & 0xffffff;
                if (colour != last) {
                    last = colour;
                    int at = known.get(colour) - 1;
                    if (at < 0) {
                        at = nearest(palette, colour);
                        known.add(colour, at + 1);
                    }
                    lastIndex = at;
                }
                out[row + (x >> 1)] |= (byte) ((x & 1) == 0 ? lastIndex << 4 : lastIndex);
            }
        }
        return out;
    }

    /** Colour to count (or index + 1), open addressing over int arrays: no boxing per pixel. */
    private static final class ColourTable {
        private int[] keys = new int[256];
        private int[] values = new int[256];
        private int size;

        ColourTable() {
            Arrays.fill(keys, -1);
        }

        void add(int colour, int amount) {
            int slot = slot(colour);
            if (keys[slot] != colour) {
                keys[slot] = colour;
                if (++size * 2 > keys.length) {
                    values[slot] = amount;
                    grow();
                    return;
                }
            }
            values[slot] += amount;
        }

        /** The value of {@code colour}, 0 if it has none. */
        int get(int colour) {
            int slot = slot(colour);
            return keys[slot] == colour ? values[slot] : 0;
        }

        private int slot(int colour) {
            int mask = keys.length - 1;
            int slot = (colour * 0x9E3779B1) >>> 16 & mask;
            while (keys[slot] != -1 && keys[slot] != colour) slot = (slot + 1) & mask;
            return slot;
        }

        private void grow() {
            int[] oldKeys = keys;
            int[] oldValues = values;
            keys = new int[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            Arrays.fill(keys, -1);
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] == -1) continue;
                int slot = slot(oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }

        /** Up to {@code n} colours, the largest values first, ties by colour. */
        int[] mostFrequent(int n) {
            long[] entries = new long[size];
            int k = 0;
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != -1) entries[k++] = ((long) (Integer.MAX_VALUE - values[i]) << 24) | keys[i];
            }
            Arrays.sort(entries);
            int[] colours = new int[Math.min(n, entries.length)];
            for (int i = 0; i < colours.length; i++) colours[i] = (int) (entries[i] & 0xffffff);
            return colours;
        }
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

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(LEVEL);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 10 + 64);
            byte[] buffer = new byte[65536];
            while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        out.writeBytes(length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        byte[] sum = new byte[4];
        putInt(sum, 0, (int) crc.getValue());
        out.writeBytes(sum);
    }

    private static void putInt(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
    }
}
