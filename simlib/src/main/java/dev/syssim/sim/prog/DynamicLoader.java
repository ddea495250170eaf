package dev.syssim.sim.prog;

import dev.syssim.sim.fs.ExecImage;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Program;
import dev.syssim.sim.os.ProgramArgs;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import java.util.List;

/**
 * ld.so, the ELF interpreter of every dynamically linked program: in user space, before the
 * program's own code, it reads the library cache and maps each needed library — looked up inside
 * the process's root, so a chroot needs them too. A missing library ends the process with exit
 * status 127 and ld.so's message.
 */
public final class DynamicLoader implements Program {

    /** Where Debian's multiarch libraries live, searched after the cache. */
    private static final List<String> LIBRARY_DIRS = List.of("/lib/x86_64-linux-gnu/", "/usr/lib/x86_64-linux-gnu/");

    private final ExecImage image;
    private final Program main;

    public DynamicLoader(ExecImage image, Program main) {
        this.image = image;
        this.main = main;
    }

    @Override
    public Step start(ProgramArgs args) {
        Libc c = new Libc(args);
        return c.sys(new Syscall.Brk(0), brk ->
                c.sys(new Syscall.Access("/etc/ld.so.preload", 4), preload ->
                        c.open("/etc/ld.so.cache", OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC, cache -> {
                            if (cache.failed()) return loadLibraries(c, args, 0);
                            int fd = cache.intValue();
                            return c.sys(Syscall.NewFstatAt.fstat(fd), st -> c.sys(new Syscall.Mmap(20_000, "PROT_READ", fd),
                                    m -> c.close(fd, () -> loadLibraries(c, args, 0))));
                        })));
    }

    /** The loader names the program as it was called, argv[0] ({@code hello}, {@code ./hello}), as glibc's rtld_progname. */
    private static String progname(ProgramArgs args) {
        return args.argv().isEmpty() ? args.path() : args.argv().get(0);
    }

    private Step loadLibraries(Libc c, ProgramArgs args, int index) {
        if (index >= image.needed().size()) return main.start(args);
        String library = image.needed().get(index);
        return findLibrary(c, library, 0, fd -> {
            if (fd < 0) {
                c.eprint(progname(args) + ": error while loading shared libraries: " + library
                        + ": cannot open shared object file: " + Errno.ENOENT.message() + "\n");
                return c.exitQuietly(127);
            }
            return c.read(fd, 832, header -> c.sys(Syscall.NewFstatAt.fstat(fd), st ->
                    c.sys(new Syscall.Mmap(2_000_000, "PROT_READ|PROT_EXEC", fd), m -> c.close(fd, () -> {
                        String missing = missingVersion(m, library);
                        if (missing != null) {
                            c.eprint(progname(args) + ": " + foundAt.get(library) + ": version `" + missing + "' not found (required by " + progname(args) + ")\n");
                            // measured: a failed version check ends with status 1, a missing library with 127
                            return c.exitQuietly(1);
                        }
                        return loadLibraries(c, args, index + 1);
                    }))));
        });
    }

    /** Where each library was found, for the version error's text. */
    private final java.util.Map<String, String> foundAt = new java.util.HashMap<>();

    /**
     * The symbol version the program needs that the mapped C library does not define (glibc's
     * "version `GLIBC_2.38' not found"), or null.
     */
    private String missingVersion(dev.syssim.sim.os.SysResult mapping, String library) {
        if (!library.equals("libc.so.6") || image.glibc() == null || !(mapping.data() instanceof byte[] bytes)) return null;
        ExecImage libc = ExecImage.parse(bytes);
        String provided = libc == null ? null : libc.glibc();
        return ExecImage.satisfies(provided, image.glibc()) ? null : image.glibc();
    }

    private Step findLibrary(Libc c, String library, int dir, java.util.function.IntFunction<Step> then) {
        if (dir >= LIBRARY_DIRS.size()) return then.apply(-1);
        return c.open(LIBRARY_DIRS.get(dir) + library, OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC, r -> {
            if (!r.failed()) foundAt.put(library, LIBRARY_DIRS.get(dir) + library);
            if (!r.failed()) return then.apply(r.intValue());
            return findLibrary(c, library, dir + 1, then);
        });
    }
}
