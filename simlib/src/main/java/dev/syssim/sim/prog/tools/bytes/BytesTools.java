package dev.syssim.sim.prog.tools.bytes;

import static dev.syssim.sim.prog.tools.Executable.LIBC;

import dev.syssim.sim.prog.Binaries;
import dev.syssim.sim.prog.tools.Executable;
import java.util.List;

/** Where the byte tools are installed (path, size, libraries), and their registration. */
public final class BytesTools {

    public static final List<Executable> BINARIES = List.of(
            Executable.of("/usr/bin/od", "od", 1_100, LIBC),
            Executable.of("/usr/bin/xxd", "xxd", 900, LIBC),
            Executable.of("/usr/bin/hexdump", "hexdump", 1_000, LIBC),
            Executable.of("/usr/bin/base64", "base64", 1_000, LIBC),
            Executable.of("/usr/bin/md5sum", "md5sum", 1_000, LIBC),
            Executable.of("/usr/bin/sha1sum", "sha1sum", 1_000, LIBC),
            Executable.of("/usr/bin/sha256sum", "sha256sum", 1_000, LIBC),
            Executable.of("/usr/bin/cksum", "cksum", 1_000, LIBC),
            Executable.of("/usr/bin/sum", "sum", 900, LIBC),
            Executable.of("/usr/bin/dd", "dd", 1_100, LIBC));

    private BytesTools() {
    }

    public static void register(Binaries binaries, long bootEpochSeconds) {
        binaries.register("od", new Od());
        binaries.register("xxd", new Xxd());
        binaries.register("hexdump", new Hexdump());
        binaries.register("base64", new Base64());
        binaries.register("md5sum", new Checksum("md5sum", "MD5", "MD5", 32));
        binaries.register("sha1sum", new Checksum("sha1sum", "SHA-1", "SHA1", 40));
        binaries.register("sha256sum", new Checksum("sha256sum", "SHA-256", "SHA256", 64));
        binaries.register("cksum", new Cksum(false));
        binaries.register("sum", new Cksum(true));
        binaries.register("dd", new Dd());
    }
}
