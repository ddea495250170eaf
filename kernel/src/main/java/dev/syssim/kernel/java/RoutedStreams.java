package dev.syssim.kernel.java;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code System.out}, {@code System.err} and {@code System.in} for a JVM that runs Java cells:
 * a write or read on a cell's thread goes to that cell's {@link CellChannel}; anything else (the
 * kernel's own log lines) to the streams the JVM started with. Installed once, by the first Java
 * cell; a notebook of shell cells never replaces the JVM's streams.
 */
final class RoutedStreams {

    private RoutedStreams() {
    }

    /** Replaces the JVM's standard streams with routed ones. */
    static void install() {
        if (System.out instanceof Routed) return;
        PrintStream out = System.out;
        PrintStream err = System.err;
        InputStream in = System.in;
        System.setOut(new Routed(new Output("stdout", out)));
        System.setErr(new Routed(new Output("stderr", err)));
        System.setIn(new Input(in));
    }

    /** A PrintStream that is routed (so a second install sees it). */
    private static final class Routed extends PrintStream {
        Routed(OutputStream out) {
            super(out, true, StandardCharsets.UTF_8);
        }
    }

    private static final class Output extends OutputStream {
        private final String stream;
        private final PrintStream original;

        Output(String stream, PrintStream original) {
            this.stream = stream;
            this.original = original;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            JavaCell cell = CellContext.current();
            if (cell == null) original.write(bytes, offset, length);
            else cell.channel().write(stream, bytes, offset, length);
        }

        @Override
        public void flush() {
            if (CellContext.current() == null) original.flush();
        }
    }

    private static final class Input extends InputStream {
        private final InputStream original;

        Input(InputStream original) {
            this.original = original;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            JavaCell cell = CellContext.current();
            return cell == null ? original.read(into, offset, length) : cell.channel().read(into, offset, length);
        }

        @Override
        public int available() throws IOException {
            return CellContext.current() == null ? original.available() : 0;
        }
    }
}
