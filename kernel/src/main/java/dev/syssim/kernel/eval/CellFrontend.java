package dev.syssim.kernel.eval;

import dev.syssim.sim.world.Session;
import java.util.Optional;

/**
 * The session's terminal as the running cell's front end: output becomes {@code stream}
 * messages at once, {@code clear} becomes {@code clear_output}, {@code less} the pager, a program reading the terminal
 * becomes an {@code input_request} — or end of input where the client allows no stdin.
 */
final class CellFrontend implements Session.Frontend {

    private CellIO io;

    void bind(CellIO io) {
        this.io = io;
    }

    @Override
    public void stdout(String text) {
        if (io != null) io.stream("stdout", text);
    }

    @Override
    public void stderr(String text) {
        if (io != null) io.stream("stderr", text);
    }

    @Override
    public void clear() {
        if (io != null) io.clearOutput(false);
    }

    @Override
    public void page(String text) {
        if (io != null) io.page(text);
    }

    @Override
    public boolean inputAllowed() {
        return io != null && io.stdinAllowed();
    }

    @Override
    public Optional<String> input(String prompt, boolean password) {
        if (io == null || !io.stdinAllowed()) return Optional.empty();
        return io.input(prompt, password);
    }
}
