package dev.syssim.kernel.java;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rewrites a cell's compiled class so that its calls of {@code System.exit(int)} call
 * {@link SystemExit#exit(int)} instead: in the kernel's JVM a real exit would end the kernel, and
 * Java 18+ has no security manager left to refuse it. Only the constant pool changes: each
 * method reference {@code java/lang/System.exit:(I)V} is pointed at a new class entry for
 * {@code SystemExit}, which has a static {@code exit(I)V} too; the bytecode, its stack shapes
 * and its frames stay as they are. A class file this does not understand is returned unchanged.
 *
 * <p>Simplification: {@code Runtime.getRuntime().exit(n)} and {@code halt(n)} are not rewritten
 * (an instance call cannot be redirected without touching the bytecode), and would still end the
 * kernel.
 */
final class ExitRewriter {

    private static final String SYSTEM = "java/lang/System";
    private static final String TARGET = SystemExit.class.getName().replace('.', '/');

    private ExitRewriter() {
    }

    static byte[] rewrite(byte[] classFile) {
        try {
            return rewriteOrNull(classFile);
        } catch (RuntimeException malformed) {
            return classFile;
        }
    }

    private static byte[] rewriteOrNull(byte[] b) {
        if (b.length < 10 || u4(b, 0) != 0xCAFEBABEL) return b;
        int count = u2(b, 8);
        int[] offsets = new int[count];
        int[] tags = new int[count];
        int at = 10;
        for (int i = 1; i < count; i++) {
            offsets[i] = at;
            tags[i] = b[at] & 0xff;
            int size = entrySize(b, at);
            if (size < 0) return b;
            at += size;
            if (tags[i] == 5 || tags[i] == 6) i++; // long and double take two slots
        }
        int poolEnd = at;
        Set<Integer> systemClasses = new HashSet<>();
        Set<Integer> exitNames = new HashSet<>();
        for (int i = 1; i < count; i++) {
            if (tags[i] == 7 && isUtf8(b, offsets, tags, u2(b, offsets[i] + 1), SYSTEM)) systemClasses.add(i);
            if (tags[i] == 12 && isUtf8(b, offsets, tags, u2(b, offsets[i] + 1), "exit")
                    && isUtf8(b, offsets, tags, u2(b, offsets[i] + 3), "(I)V")) exitNames.add(i);
        }
        List<Integer> calls = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            if (tags[i] == 10 && systemClasses.contains(u2(b, offsets[i] + 1)) && exitNames.contains(u2(b, offsets[i] + 3))) calls.add(i);
        }
        if (calls.isEmpty()) return b;

        byte[] copy = b.clone();
        int targetClass = count + 1;
        for (int call : calls) {
            copy[offsets[call] + 1] = (byte) (targetClass >> 8);
            copy[offsets[call] + 2] = (byte) targetClass;
        }
        byte[] name = TARGET.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + name.length + 8);
        out.write(copy, 0, 8);
        out.write((count + 2) >> 8);
        out.write(count + 2);
        out.write(copy, 10, poolEnd - 10);
        out.write(1);
        out.write(name.length >> 8);
        out.write(name.length);
        out.write(name, 0, name.length);
        out.write(7);
        out.write(count >> 8);
        out.write(count);
        out.write(copy, poolEnd, copy.length - poolEnd);
        return out.toByteArray();
    }

    /** The size of the constant pool entry at {@code at} (JVMS 4.4), or -1 for a tag this class does not know. */
    private static int entrySize(byte[] b, int at) {
        return switch (b[at] & 0xff) {
            case 1 -> 3 + u2(b, at + 1);
            case 3, 4 -> 5;
            case 5, 6 -> 9;
            case 7, 8, 16, 19, 20 -> 3;
            case 9, 10, 11, 12, 17, 18 -> 5;
            case 15 -> 4;
            default -> -1;
        };
    }

    private static boolean isUtf8(byte[] b, int[] offsets, int[] tags, int index, String text) {
        if (index <= 0 || index >= offsets.length || tags[index] != 1) return false;
        int length = u2(b, offsets[index] + 1);
        byte[] expected = text.getBytes(StandardCharsets.UTF_8);
        if (length != expected.length) return false;
        for (int i = 0; i < length; i++) if (b[offsets[index] + 3 + i] != expected[i]) return false;
        return true;
    }

    private static int u2(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static long u4(byte[] b, int at) {
        return ((long) u2(b, at) << 16) | u2(b, at + 2);
    }
}
