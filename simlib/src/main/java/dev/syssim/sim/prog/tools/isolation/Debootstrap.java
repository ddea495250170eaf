package dev.syssim.sim.prog.tools.isolation;

import dev.syssim.sim.fs.ExecImage;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * debootstrap (1.0.128+nmu2+deb12u2): installs a Debian base system into a directory, from the
 * simulated offline mirror. Its checks come in the script's order (options, a suite and a target,
 * root, the suite's script, the variant) with its messages and exit status 1; a run prints the
 * progress lines a real run printed, replayed from a recording (resources
 * {@code debootstrap/SUITE-minbase.log}, recorded on Debian 12 against deb.debian.org), and at each
 * {@code I: Extracting PKG...} line writes that package's files into the target with ordinary
 * system calls (mkdir, symlink, openat/write, mknod), so the trace shows the root being built.
 *
 * <p>Simplifications against the real tool: the mirror is a catalogue inside the program (no
 * network, no signature check); every variant but an unknown one installs the recorded minbase set;
 * a package's files are the directories, libraries and the programs of it the simulation runs (the
 * executables of {@link Installed} by name), plus the /etc files the course reads — not all of a
 * real package's files. trixie's C library defines symbols up to {@code GLIBC_2.41} and its
 * {@code hello} (with {@code --include=hello}) needs {@code GLIBC_2.38}, as the real ones do.
 */
public final class Debootstrap extends Tool {

    /** The suites the offline mirror carries and the newest glibc symbol version their libc defines. */
    private static final Map<String, String> SUITES = Map.of("bookworm", ExecImage.BOOKWORM_GLIBC, "trixie", "GLIBC_2.41");
    private static final Set<String> VARIANTS = Set.of("minbase", "buildd", "fakechroot", "-");
    /** The runs with {@code --include} the mirror has recordings of: suite and the packages. */
    private static final Set<String> RECORDED_INCLUDES = Set.of("trixie+hello");
    private static final String DEFAULT_MIRROR = "http://deb.debian.org/debian";

    @Override
    protected Step run(Libc c) {
        String variant = "-";
        List<String> include = new ArrayList<>();
        List<String> operands = new ArrayList<>();
        for (String a : c.args().operands()) {
            if (a.startsWith("--variant=")) variant = a.substring("--variant=".length());
            else if (a.startsWith("--include=")) include.addAll(List.of(a.substring("--include=".length()).split(",")));
            else if (a.equals("--arch=amd64")) continue;
            else if (a.equals("--help")) return help(c);
            else if (a.startsWith("--")) return fail(c, "unrecognized or invalid option " + a);
            else operands.add(a);
        }
        if (operands.size() < 2) {
            c.print("I: usage: [OPTION]... <suite> <target> [<mirror> [<script>]]\nI: Try `debootstrap --help' for more information.\n");
            return fail(c, "You must specify a suite and a target.");
        }
        String suite = operands.get(0);
        String target = operands.get(1).endsWith("/") && operands.get(1).length() > 1 ? operands.get(1).substring(0, operands.get(1).length() - 1) : operands.get(1);
        String mirror = operands.size() > 2 ? operands.get(2) : DEFAULT_MIRROR;
        String chosenVariant = variant;
        return c.id("geteuid", uid -> {
            if (uid != 0) return fail(c, "debootstrap can only run as root");
            // check_sane_mount makes the target before the suite's script is looked for
            return mkdirs(c, target, () -> {
                if (!SUITES.containsKey(suite)) return fail(c, "No such script: /usr/share/debootstrap/scripts/" + suite);
                return mkdirs(c, target + "/debootstrap", () -> {
                c.print("I: Target architecture can be executed\n");
                if (!VARIANTS.contains(chosenVariant)) return fail(c, "unsupported variant");
                String key = include.isEmpty() ? suite : suite + "+" + String.join("+", include);
                List<String> log = recording(suite);
                if (!include.isEmpty() && !RECORDED_INCLUDES.contains(key)) {
                    List<String> missing = include.stream().filter(p -> !RECORDED_INCLUDES.contains(suite + "+" + p)).toList();
                    // the real tool finds this out after fetching the indices (into TARGET/var/lib/apt/lists)
                    for (String line : log.subList(1, indexOf(log, "I: Checking component main on " + DEFAULT_MIRROR + "...") + 1)) {
                        c.print(line.replace(DEFAULT_MIRROR, mirror) + "\n");
                    }
                    return mkdirs(c, target + "/var/lib/apt/lists", () -> fail(c, "Couldn't find these debs: " + String.join(" ", missing.isEmpty() ? include : missing)));
                }
                Root root = new Root(c, target, suite, SUITES.get(suite));
                // line 0 of the recording, the architecture check, is already printed
                return replay(c, include.isEmpty() ? log : recording(key), mirror, root, 1);
                });
            });
        });
    }

    private static int indexOf(List<String> log, String line) {
        int i = log.indexOf(line);
        return i < 0 ? log.size() : i;
    }

    /** Prints line {@code i} of the recording (the mirror named as given), doing what it announces. */
    private Step replay(Libc c, List<String> log, String mirror, Root root, int i) {
        if (i >= log.size()) return finish(c, root, mirror);
        String line = log.get(i).replace(DEFAULT_MIRROR, mirror);
        c.print(line + "\n");
        c.flushStdout();
        String pkg = null;
        if (line.startsWith("I: Extracting ") || line.startsWith("I: Unpacking ")) {
            pkg = line.substring(line.indexOf(' ', 3) + 1, line.length() - 3);
            int colon = pkg.indexOf(':');
            if (colon > 0) pkg = pkg.substring(0, colon);
        }
        Supplier<Step> next = () -> replay(c, log, mirror, root, i + 1);
        // setup_merged_usr before the first extraction, setup_devices before the core packages
        if (line.startsWith("I: Chosen extractor")) return root.write(Packages.skeleton(), next);
        if (line.equals("I: Installing core packages...")) return root.write(Packages.devices(), next);
        if (pkg == null || root.done.contains(pkg)) return c.compute(20_000, "", next);
        root.done.add(pkg);
        return root.write(Packages.files(pkg, root.suite, root.glibc), next);
    }

    /** Like the real tool's last steps: the host's hostname and an apt source for the suite; the work directory goes. */
    private Step finish(Libc c, Root root, String mirror) {
        return c.readFile("/etc/hostname", (error, bytes) -> {
            List<Entry> last = new ArrayList<>();
            if (error == null) last.add(Entry.file("/etc/hostname", 0644, bytes));
            last.add(Entry.dir("/etc/apt"));
            last.add(Entry.text("/etc/apt/sources.list", "deb " + mirror + " " + root.suite + " main\n"));
            return root.write(last, () -> c.sys(Syscall.Unlinkat.rmdir(root.target + "/debootstrap"), r -> c.exit(0)));
        });
    }

    private static Step fail(Libc c, String message) {
        c.print("E: " + message + "\n");
        return c.exit(1);
    }

    /** mkdir -p. */
    private static Step mkdirs(Libc c, String path, Supplier<Step> then) {
        List<String> prefixes = new ArrayList<>();
        int slash = path.startsWith("/") ? 1 : 0;
        while ((slash = path.indexOf('/', slash + 1)) > 0) prefixes.add(path.substring(0, slash));
        prefixes.add(path);
        return Libc.forEach(prefixes, (p, next) -> c.sys(new Syscall.Mkdir(p, 0755), r -> next.get()), then);
    }

    /**
     * The recorded progress of a run. A suite recorded only with {@code --include=hello} gives the
     * plain run too: hello depends on libc6 alone, so without it the run is the same less its lines.
     */
    private static List<String> recording(String key) {
        String text = load(key);
        if (text != null) return List.of(text.split("\n"));
        String withHello = load(key + "+hello");
        if (withHello == null) throw new IllegalStateException("no recording for " + key);
        return java.util.Arrays.stream(withHello.split("\n"))
                .filter(l -> !l.matches("I: (Retrieving|Validating) hello .*|I: (Extracting|Unpacking|Configuring) hello\\.\\.\\.")).toList();
    }

    private static String load(String key) {
        try (InputStream in = Debootstrap.class.getResourceAsStream("debootstrap/" + key + "-minbase.log")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The files each package puts into the new root, written with system calls. */
    private static final class Root {
        final Libc c;
        final String target;
        final String suite;
        final String glibc;
        final java.util.Set<String> done = new java.util.HashSet<>();

        Root(Libc c, String target, String suite, String glibc) {
            this.c = c;
            this.target = target;
            this.suite = suite;
            this.glibc = glibc;
        }

        Step write(List<Entry> files, Supplier<Step> then) {
            return Libc.forEach(files, this::write, then);
        }

        private Step write(Entry e, Supplier<Step> next) {
            String path = target + e.path();
            return switch (e.kind()) {
                case DIR -> c.sys(new Syscall.Mkdir(path, e.mode()), r -> next.get());
                case LINK -> c.sys(new Syscall.Symlink(e.target(), path), r -> next.get());
                // mknod -m 666: mknod(2) applies the umask, so mknod(1) sets the mode afterwards
                case CHAR -> c.sys(new Syscall.Mknod(path, 020000 | e.mode(), e.major(), e.minor()),
                        r -> c.sys(new Syscall.Chmod(path, e.mode()), x -> next.get()));
                case FILE -> c.sys(new Syscall.OpenAt(OpenFlags.AT_FDCWD, path, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, e.mode()), r -> {
                    if (r.failed()) return next.get();
                    int fd = r.intValue();
                    return c.sys(new Syscall.Write(fd, e.data()), w -> c.sys(new Syscall.Close(fd),
                            x -> c.sys(new Syscall.Chmod(path, e.mode()), y -> next.get())));
                });
            };
        }
    }

    enum Kind { DIR, LINK, FILE, CHAR }

    /** One thing a package installs. */
    record Entry(Kind kind, String path, int mode, String target, byte[] data, int major, int minor) {
        static Entry dir(String path) {
            return new Entry(Kind.DIR, path, 0755, null, null, 0, 0);
        }

        static Entry dir(String path, int mode) {
            return new Entry(Kind.DIR, path, mode, null, null, 0, 0);
        }

        static Entry link(String path, String target) {
            return new Entry(Kind.LINK, path, 0777, target, null, 0, 0);
        }

        static Entry file(String path, int mode, byte[] data) {
            return new Entry(Kind.FILE, path, mode, null, data, 0, 0);
        }

        static Entry text(String path, String text) {
            return file(path, 0644, text.getBytes(StandardCharsets.UTF_8));
        }

        static Entry chr(String path, int mode, int major, int minor) {
            return new Entry(Kind.CHAR, path, mode, null, null, major, minor);
        }
    }

    @Override
    public String manual() {
        return "debootstrap [OPTION]... SUITE TARGET [MIRROR [SCRIPT]]\n"
                + "  Bootstrap a basic Debian system of SUITE (bookworm, trixie) into TARGET, from the simulated offline mirror.\n"
                + "  --variant=minbase|buildd|fakechroot   which set of packages (the mirror carries the minbase set)\n"
                + "  --include=A,B                         also install these packages (hello, busybox-static)";
    }
}
