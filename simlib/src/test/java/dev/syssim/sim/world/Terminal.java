package dev.syssim.sim.world;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A test's view of a session: everything written to the terminal, stdout and stderr apart and
 * merged, and typed input queued in advance.
 */
public final class Terminal implements Session.Frontend {

    public final StringBuilder stdout = new StringBuilder();
    public final StringBuilder stderr = new StringBuilder();
    public final StringBuilder both = new StringBuilder();
    public final Deque<String> typed = new ArrayDeque<>();
    public int clears;
    /** What programs showed on the alternate screen (less): the pager's pages. */
    public final java.util.List<String> pages = new java.util.ArrayList<>();
    public boolean inputAllowed = true;

    @Override
    public void stdout(String text) {
        stdout.append(text);
        both.append(text);
    }

    @Override
    public void stderr(String text) {
        stderr.append(text);
        both.append(text);
    }

    @Override
    public void clear() {
        clears++;
    }

    @Override
    public void page(String text) {
        pages.add(text);
    }

    @Override
    public boolean inputAllowed() {
        return inputAllowed;
    }

    @Override
    public Optional<String> input(String prompt, boolean password) {
        if (!inputAllowed || typed.isEmpty()) return Optional.empty();
        return Optional.of(typed.removeFirst());
    }

    public void reset() {
        stdout.setLength(0);
        stderr.setLength(0);
        both.setLength(0);
        pages.clear();
    }

    /** A fresh world with the laptop, and this terminal logged in as student. */
    public static Fixture laptop() {
        World world = new World(42, RunLimits.DEFAULT);
        Machine laptop = Machines.debian(world, "laptop", 2, 4_028_860);
        Terminal terminal = new Terminal();
        Session session = new Session(world, terminal);
        session.switchTo(laptop, "student");
        return new Fixture(world, laptop, session, terminal);
    }

    /** A world, its laptop, a session and the terminal it writes to. */
    public record Fixture(World world, Machine laptop, Session session, Terminal terminal) {

        /** Runs shell text and returns what appeared on the terminal (stdout and stderr merged). */
        public String run(String text) {
            terminal.reset();
            Session.Result result = session.run(text);
            if (!result.ok() && result.limit() != null) terminal.both.append("[").append(result.limit()).append("]");
            return terminal.both.toString();
        }
    }
}
