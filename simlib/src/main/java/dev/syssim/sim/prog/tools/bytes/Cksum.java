package dev.syssim.sim.prog.tools.bytes;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Inputs;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Tool;
import java.util.List;

/**
 * cksum and sum (coreutils 9.1), the old checksums. cksum prints POSIX's CRC (CRC-32 with
 * polynomial 0x04C11DB7, fed the data then its length, complemented) and the byte count; sum
 * prints the BSD checksum (16 bits, rotated right before each byte) and 1024-byte blocks as
 * {@code %05d %5d}, or with -s the System V sum (bytes added, folded to 16 bits) and 512-byte
 * blocks. The name follows when there are operands. Simplification: cksum's -a (other
 * algorithms), --tag and -c (checking), which coreutils 9.1 added, are not built in.
 */
public final class Cksum extends Tool {

    private final boolean sum;

    /** {@code sum}: the sum program, else cksum. */
    public Cksum(boolean sum) {
        this.sum = sum;
    }

    @Override
    protected Step run(Libc c) {
        String name = sum ? "sum" : "cksum";
        Getopt g = sum ? Getopt.parse(name, c.args().operands(), "rs", List.of("sysv>s", "help", "version"), true)
                : Getopt.parse(name, c.args().operands(), "", List.of("help", "version"), true);
        if (g.failed()) return c.usageError(g.error(), 1);
        if (g.has("help")) return help(c);
        boolean sysv = false;
        for (Getopt.Opt o : g.options()) {
            if (o.is("s")) sysv = true;
            if (o.is("r")) sysv = false;
        }
        boolean named = !g.operands().isEmpty();
        boolean systemV = sysv;
        int[] status = {0};
        return Libc.forEach(Inputs.orStdin(g.operands()), (file, next) -> Inputs.read(c, file, (err, data) -> {
            if (err != null) {
                c.error(Quote.f(file, c.utf8()), err);
                status[0] = 1;
                return next.get();
            }
            String line = !sum ? Long.toUnsignedString(crc(data) & 0xFFFFFFFFL) + " " + data.length
                    : systemV ? sysv(data) + " " + (data.length + 511L) / 512
                    : String.format("%05d %5d", bsd(data), (data.length + 1023L) / 1024);
            c.println(named ? line + " " + file : line);
            return c.compute(data.length * 2L + 200, name + ": checksum " + data.length + " bytes", next);
        }), () -> c.exit(status[0]));
    }

    /** POSIX cksum's CRC: most significant bit first, the length's bytes after the data (low first), complemented. */
    static int crc(byte[] data) {
        int crc = 0;
        for (byte b : data) crc = step(crc, b & 0xff);
        for (long n = data.length; n != 0; n >>>= 8) crc = step(crc, (int) (n & 0xff));
        return ~crc;
    }

    private static int step(int crc, int octet) {
        crc ^= octet << 24;
        for (int k = 0; k < 8; k++) crc = crc < 0 ? crc << 1 ^ 0x04C11DB7 : crc << 1;
        return crc;
    }

    private static int bsd(byte[] data) {
        int checksum = 0;
        for (byte b : data) {
            checksum = (checksum >> 1) + ((checksum & 1) << 15);
            checksum = checksum + (b & 0xff) & 0xffff;
        }
        return checksum;
    }

    private static int sysv(byte[] data) {
        long s = 0;
        for (byte b : data) s += b & 0xff;
        long r = (s & 0xffff) + ((s & 0xffffffffL) >> 16);
        return (int) ((r & 0xffff) + (r >> 16));
    }

    @Override
    public String whatis() {
        return sum ? "checksum and count the blocks in a file" : "compute and verify file checksums";
    }

    @Override
    public String source() {
        return "GNU coreutils 9.1";
    }

    @Override
    public String manual() {
        return sum ? "sum [OPTION]... [FILE]...\n  Print or check BSD (16-bit) checksums.\n"
                + "  -r           use BSD sum algorithm (the default), use 1K blocks\n"
                + "  -s, --sysv   use System V sum algorithm, use 512 bytes blocks"
                : "cksum [FILE]...\n  Print the CRC checksum and byte count of each FILE (POSIX's 32 bit CRC).";
    }
}
