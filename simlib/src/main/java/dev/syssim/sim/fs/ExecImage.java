package dev.syssim.sim.fs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the ELF headers of an executable or shared library say, as far as exec and the dynamic
 * loader need: which program the file holds (a name the machine's program registry resolves), the
 * ELF interpreter of a dynamic executable ({@code /lib64/ld-linux-x86-64.so.2}), the libraries it
 * needs, its size in memory, and for user programs their source. The simulation stores these facts
 * in the file's own bytes after a real-looking ELF identification, so copying, moving or chmod-ing
 * the file behaves as on Linux, and {@code cat /bin/ls} shows what it shows there: binary noise.
 *
 * @param program     the registry name of the program, e.g. {@code cat}; {@code lib} for a library
 * @param interpreter the PT_INTERP path, or null for a static executable
 * @param needed      DT_NEEDED library names, e.g. {@code libc.so.6}
 * @param memoryKiB   the resident size of a running copy
 * @param payload     the source of a user program ({@code %%program}), else empty
 * @param glibc       for an executable the newest C library symbol version it needs ({@code GLIBC_2.38}),
 *                    for the C library the newest it provides (Debian 12's: {@code GLIBC_2.36}); else null
 */
public record ExecImage(String program, String interpreter, List<String> needed, int memoryKiB, String payload, String glibc) {

    /** Debian 12's C library (glibc 2.36): the newest symbol version it defines. */
    public static final String BOOKWORM_GLIBC = "GLIBC_2.36";

    public static final String LD_LINUX = "/lib64/ld-linux-x86-64.so.2";
    /** The first 32 bytes of a 64-bit x86 ELF shared object, as strace shows ld.so reading libc. */
    private static final byte[] ELF_IDENT = {
        0x7f, 'E', 'L', 'F', 2, 1, 1, 3, 0, 0, 0, 0, 0, 0, 0, 0,
        3, 0, '>', 0, 1, 0, 0, 0, 0x10, 't', 2, 0, 0, 0, 0, 0};
    private static final String MARK = "\0.syssim\n";

    public ExecImage {
        needed = List.copyOf(needed);
        if (payload == null) payload = "";
    }

    public ExecImage(String program, String interpreter, List<String> needed, int memoryKiB, String payload) {
        this(program, interpreter, needed, memoryKiB, payload, null);
    }

    /** The same image needing (or, for libc, providing) C library version {@code version}. */
    public ExecImage withGlibc(String version) {
        return new ExecImage(program, interpreter, needed, memoryKiB, payload, version);
    }

    /**
     * Whether a C library providing {@code provided} satisfies {@code required} (both like
     * {@code GLIBC_2.36}; null requires or provides nothing beyond the oldest).
     */
    public static boolean satisfies(String provided, String required) {
        if (required == null) return true;
        if (provided == null) return false;
        return minor(provided) >= minor(required);
    }

    private static int minor(String version) {
        int dot = version.lastIndexOf('.');
        try {
            return Integer.parseInt(version.substring(dot + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public static ExecImage dynamic(String program, int memoryKiB, String... needed) {
        return new ExecImage(program, LD_LINUX, List.of(needed), memoryKiB, "");
    }

    public static ExecImage staticImage(String program, int memoryKiB) {
        return new ExecImage(program, null, List.of(), memoryKiB, "");
    }

    public static ExecImage library(String soname) {
        return new ExecImage("lib", null, List.of(), 0, soname);
    }

    public boolean isStatic() {
        return interpreter == null;
    }

    /** The file's bytes: the ELF identification, padding to 832 bytes (one ELF header read), the facts. */
    public byte[] toBytes() {
        StringBuilder facts = new StringBuilder(MARK);
        facts.append("program=").append(program).append('\n');
        if (interpreter != null) facts.append("interp=").append(interpreter).append('\n');
        for (String lib : needed) facts.append("needed=").append(lib).append('\n');
        facts.append("memory=").append(memoryKiB).append('\n');
        if (glibc != null) facts.append("glibc=").append(glibc).append('\n');
        facts.append("payload=").append(payload.length()).append('\n').append(payload);
        byte[] tail = facts.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[832 + tail.length];
        System.arraycopy(ELF_IDENT, 0, out, 0, ELF_IDENT.length);
        System.arraycopy(tail, 0, out, 832, tail.length);
        return out;
    }

    /** True when the bytes start with the ELF magic {@code \177ELF}. */
    public static boolean isElf(byte[] data) {
        return data.length >= 4 && data[0] == 0x7f && data[1] == 'E' && data[2] == 'L' && data[3] == 'F';
    }

    /** Reads the facts back; null if the bytes are not an ELF file written by {@link #toBytes()}. */
    public static ExecImage parse(byte[] data) {
        if (!isElf(data) || data.length < 832) return null;
        String text = new String(data, 832, data.length - 832, StandardCharsets.UTF_8);
        if (!text.startsWith(MARK)) return null;
        String program = null;
        String interpreter = null;
        List<String> needed = new ArrayList<>();
        int memory = 0;
        String glibc = null;
        int at = MARK.length();
        while (at < text.length()) {
            int eol = text.indexOf('\n', at);
            if (eol < 0) return null;
            String line = text.substring(at, eol);
            at = eol + 1;
            int eq = line.indexOf('=');
            if (eq < 0) return null;
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1);
            switch (key) {
                case "program" -> program = value;
                case "interp" -> interpreter = value;
                case "needed" -> needed.add(value);
                case "memory" -> memory = Integer.parseInt(value);
                case "glibc" -> glibc = value;
                case "payload" -> {
                    int length = Integer.parseInt(value);
                    if (at + length > text.length()) return null;
                    return new ExecImage(program, interpreter, needed, memory, text.substring(at, at + length), glibc);
                }
                default -> {
                    return null;
                }
            }
        }
        return null;
    }
}
