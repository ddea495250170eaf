package dev.syssim.sim.prog.tools.isolation;

import dev.syssim.sim.fs.ExecImage;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.util.List;

/**
 * ldd (glibc 2.36): the shared libraries a program needs and where the loader would find them —
 * looked up in the caller's root, as the loader would. For each: {@code NAME => PATH (ADDRESS)}
 * or {@code NAME => not found}, framed by the vDSO and the ELF interpreter; a C library too old
 * for the program shows the loader's {@code version `GLIBC_2.38' not found} first, on standard output. A static
 * program or a script is {@code not a dynamic executable} (status 1). The load addresses come
 * from the machine's seeded random source (Linux randomises them at every run).
 */
public final class Ldd extends Tool {

    private static final List<String> LIBRARY_DIRS = List.of("/lib/x86_64-linux-gnu/", "/usr/lib/x86_64-linux-gnu/");

    @Override
    protected Step run(Libc c) {
        List<String> files = c.args().operands();
        if (!files.isEmpty() && files.get(0).equals("--help")) return help(c);
        if (!files.isEmpty() && (files.get(0).equals("--version") || files.get(0).equals("-v"))) {
            c.print("ldd (Debian GLIBC 2.36-9+deb12u9) 2.36\n");
            return c.exit(0);
        }
        if (files.isEmpty()) {
            c.eprint("ldd: missing file arguments\nTry `ldd --help' for more information.\n");
            return c.exit(1);
        }
        int[] status = {0};
        boolean several = files.size() > 1;
        return Libc.forEach(files, (file, next) -> c.readFile(file, (error, bytes) -> {
            if (error != null) {
                c.eprint("ldd: " + file + ": " + error.message() + "\n");
                status[0] = 1;
                return next.get();
            }
            if (several) c.println(file + ":");
            ExecImage image = ExecImage.parse(bytes);
            if (image == null || image.isStatic() || image.program().equals("lib")) {
                c.eprint("\tnot a dynamic executable\n");
                status[0] = 1;
                return next.get();
            }
            return c.open("/dev/urandom", dev.syssim.sim.os.OpenFlags.O_RDONLY, o -> {
                if (o.failed()) return list(c, file, image, null, status, next);
                int fd = o.intValue();
                return c.read(fd, 8, r -> c.close(fd, () -> list(c, file, image, r.failed() ? null : r.bytes(), status, next)));
            });
        }), () -> c.exit(status[0]));
    }

    private Step list(Libc c, String file, ExecImage image, byte[] random, int[] status, java.util.function.Supplier<Step> next) {
        long base = 0x7f0000000000L | ((random == null ? 0 : (random[0] & 0xffL) << 32 | (random[1] & 0xffL) << 24 | (random[2] & 0xffL) << 16) & 0xfffff000000L);
        StringBuilder out = new StringBuilder();
        out.append("\tlinux-vdso.so.1 (0x").append(hex(0x7ffc00000000L | (base & 0xfff000000L) ^ 0x5e8000)).append(")\n");
        return Libc.forEach(image.needed(), (lib, more) -> find(c, lib, 0, path -> {
            long at = base - (long) (image.needed().indexOf(lib) + 1) * 0x200000L;
            if (path == null) out.append('\t').append(lib).append(" => not found\n");
            else out.append('\t').append(lib).append(" => ").append(path).append(" (0x").append(hex(at)).append(")\n");
            if (path != null && lib.equals("libc.so.6") && image.glibc() != null) {
                return c.readFile(path, (e, libc) -> {
                    ExecImage parsed = libc == null ? null : ExecImage.parse(libc);
                    if (!ExecImage.satisfies(parsed == null ? null : parsed.glibc(), image.glibc())) {
                        // ldd runs the loader with its output on ldd's standard output, the version error first,
                        // and ends with status 0 (measured)
                        out.insert(0, file + ": " + path + ": version `" + image.glibc() + "' not found (required by " + file + ")\n");
                    }
                    return more.get();
                });
            }
            return more.get();
        }), () -> {
            out.append('\t').append(image.interpreter()).append(" (0x").append(hex(base + 0x2000)).append(")\n");
            c.print(out.toString());
            return next.get();
        });
    }

    private static String hex(long value) {
        String h = Long.toHexString(value);
        return "0".repeat(Math.max(0, 16 - h.length())) + h;
    }

    private static Step find(Libc c, String lib, int dir, java.util.function.Function<String, Step> then) {
        if (dir >= LIBRARY_DIRS.size()) return then.apply(null);
        String path = LIBRARY_DIRS.get(dir) + lib;
        return c.stat(path, r -> r.failed() ? find(c, lib, dir + 1, then) : then.apply(path));
    }


    @Override
    public String source() {
        return "GNU C Library 2.36";
    }

    @Override
    public String manual() {
        return "ldd [OPTION]... FILE...\n"
                + "  Print shared object dependencies: each library the program needs, and where the dynamic loader finds it (or 'not found').\n"
                + "  The libraries are looked up inside the caller's root: in a chroot, ldd shows what the chroot has.";
    }
}
