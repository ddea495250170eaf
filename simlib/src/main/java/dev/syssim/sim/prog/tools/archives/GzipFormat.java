package dev.syssim.sim.prog.tools.archives;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The gzip file format (RFC 1952) over java.util.zip's deflate: a header with the original name and
 * modification time, the deflate stream, CRC-32 and length. The JDK's zlib and gzip 1.12 produce the
 * same deflate bytes at the same level for the inputs tried (text, configuration files), so sizes and
 * ratios agree with the real gzip; in any case the real gzip and gunzip read what this writes.
 */
final class GzipFormat {

    private static final int FTEXT = 1;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    /** The outcome of decompressing: the bytes, the stored name and time, and what went wrong if anything. */
    record Unpacked(byte[] data, String name, long mtime, Problem problem, long lastSize, int lastCrc, int headerBytes) {
    }

    /** gzip's own words for a damaged file, and whether it is fatal (status 1) or a warning (2). */
    enum Problem {
        NOT_GZIP("not in gzip format", true),
        UNEXPECTED_END("unexpected end of file", true),
        CRC("invalid compressed data--crc error", true),
        LENGTH("invalid compressed data--length error", true),
        CRC_AND_LENGTH("invalid compressed data--crc error", true),
        FORMAT("invalid compressed data--format violated", true),
        TRAILING_GARBAGE("decompression OK, trailing garbage ignored", false);

        final String message;
        final boolean fatal;

        Problem(String message, boolean fatal) {
            this.message = message;
            this.fatal = fatal;
        }
    }

    private GzipFormat() {
    }

    /** One gzip member: name (null: none stored) and mtime in epoch seconds (0: none). */
    static byte[] compress(byte[] data, int level, String name, long mtime) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
        out.write(0x1f);
        out.write(0x8b);
        out.write(8);
        out.write(name != null ? FNAME : 0);
        long t = mtime < 0 || mtime > 0xffffffffL ? 0 : mtime;
        for (int i = 0; i < 4; i++) out.write((int) (t >> (8 * i)) & 0xff);
        out.write(level == 9 ? 2 : level == 1 ? 4 : 0);
        out.write(3);
        if (name != null) {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            out.write(n, 0, n.length);
            out.write(0);
        }
        Deflater deflater = new Deflater(level, true);
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[65536];
        while (!deflater.finished()) {
            int n = deflater.deflate(buffer);
            out.write(buffer, 0, n);
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(data);
        writeInt(out, (int) crc.getValue());
        writeInt(out, data.length);
        return out.toByteArray();
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        for (int i = 0; i < 4; i++) out.write((v >> (8 * i)) & 0xff);
    }

    static boolean isGzip(byte[] data) {
        return data.length >= 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b;
    }

    /** Decompresses every member; stops at the first problem with what was recovered so far. */
    static Unpacked decompress(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * 3 + 16);
        String firstName = null;
        long firstTime = 0;
        int at = 0;
        boolean first = true;
        long lastSize = 0;
        int lastCrc = 0;
        int headerBytes = 0;
        while (true) {
            if (!first && at >= in.length) break;
            if (in.length - at < 2 || (in[at] & 0xff) != 0x1f || (in[at + 1] & 0xff) != 0x8b) {
                if (first) return new Unpacked(out.toByteArray(), null, 0, in.length - at < 2 && in.length > 0 && (in[0] & 0xff) == 0x1f ? Problem.UNEXPECTED_END : Problem.NOT_GZIP, 0, 0, 0);
                // gzip ignores zero padding after the last member, and warns about anything else
                boolean zeros = true;
                for (int k = at; k < in.length; k++) zeros &= in[k] == 0;
                return new Unpacked(out.toByteArray(), firstName, firstTime, zeros ? null : Problem.TRAILING_GARBAGE, lastSize, lastCrc, headerBytes);
            }
            if (in.length - at < 10) return new Unpacked(out.toByteArray(), firstName, firstTime, Problem.UNEXPECTED_END, lastSize, lastCrc, headerBytes);
            if (in[at + 2] != 8) return new Unpacked(out.toByteArray(), firstName, firstTime, Problem.FORMAT, lastSize, lastCrc, headerBytes);
            int flags = in[at + 3] & 0xff;
            long mtime = (in[at + 4] & 0xffL) | (in[at + 5] & 0xffL) << 8 | (in[at + 6] & 0xffL) << 16 | (in[at + 7] & 0xffL) << 24;
            int p = at + 10;
            String name = null;
            if ((flags & FEXTRA) != 0) {
                if (p + 2 > in.length) return new Unpacked(out.toByteArray(), firstName, firstTime, Problem.UNEXPECTED_END, lastSize, lastCrc, headerBytes);
                p += 2 + ((in[p] & 0xff) | (in[p + 1] & 0xff) << 8);
            }
            if ((flags & FNAME) != 0) {
                int end = p;
                while (end < in.length && in[end] != 0) end++;
                if (end >= in.length) return new Unpacked(out.toByteArray(), firstName, firstTime, Problem.UNEXPECTED_END, lastSize, lastCrc, headerBytes);
                name = new String(in, p, end - p, StandardCharsets.UTF_8);
                p = end + 1;
            }
            if ((flags & FCOMMENT) != 0) {
                while (p < in.length && in[p] != 0) p++;
                p++;
            }
            if ((flags & FHCRC) != 0) p += 2;
            if (p > in.length) return new Unpacked(out.toByteArray(), firstName, firstTime, Problem.UNEXPECTED_END, lastSize, lastCrc, headerBytes);
            if (first) {
                firstName = name;
                firstTime = mtime;
                headerBytes = p - at;
            }
            Inflater inflater = new Inflater(true);
            inflater.setInput(in, p, in.length - p);
            ByteArrayOutputStream member = new ByteArrayOutputStream();
            byte[] buffer = new byte[65536];
            try {
                while (!inflater.finished()) {
                    int n = inflater.inflate(buffer);
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        out.write(member.toByteArray(), 0, member.size());
                        return new Unpacked(out.toByteArray(), firstName, firstTime, Problem.UNEXPECTED_END, lastSize, lastCrc, headerBytes);
                    }
                    member.write(buffer, 0, n);
                }
            } catch (DataFormatException e) {
                out.write(member.toByteArray(), 0, member.size());
                return new Unpacked(out.toByteArray(), firstName, firstTime, Problem.FORMAT, lastSize, lastCrc, headerBytes);
            }
            int end = p + (int) inflater.getBytesRead();
            inflater.end();
            byte[] bytes = member.toByteArray();
            out.write(bytes, 0, bytes.length);
            if (in.length - end < 8) return new Unpacked(out.toByteArray(), firstName, firstTime, Problem.UNEXPECTED_END, lastSize, lastCrc, headerBytes);
            int storedCrc = readInt(in, end);
            int storedSize = readInt(in, end + 4);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            boolean crcBad = (int) crc.getValue() != storedCrc;
            boolean sizeBad = storedSize != bytes.length;
            lastSize = storedSize & 0xffffffffL;
            lastCrc = storedCrc;
            if (crcBad || sizeBad) {
                Problem problem = crcBad && sizeBad ? Problem.CRC_AND_LENGTH : crcBad ? Problem.CRC : Problem.LENGTH;
                return new Unpacked(out.toByteArray(), firstName, firstTime, problem, lastSize, lastCrc, headerBytes);
            }
            at = end + 8;
            first = false;
        }
        return new Unpacked(out.toByteArray(), firstName, firstTime, null, lastSize, lastCrc, headerBytes);
    }

    static int readInt(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }
}
