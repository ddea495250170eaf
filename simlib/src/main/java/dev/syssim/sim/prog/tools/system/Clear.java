package dev.syssim.sim.prog.tools.system;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;

/**
 * clear (ncurses): clear the terminal screen by writing the terminal's clear sequence
 * ({@code ESC [H ESC [2J}, and {@code ESC [3J} for the scrollback). The notebook turns it into
 * clearing the cell's output.
 */
public final class Clear extends Tool {

    @Override
    protected Step run(Libc c) {
        if (c.args().operands().contains("--help")) return help(c);
        boolean keepScrollback = c.args().operands().contains("-x");
        c.print("\033[H\033[2J" + (keepScrollback ? "" : "\033[3J"));
        return c.exit(0);
    }

    @Override
    public String whatis() {
        return "clear the terminal screen";
    }

    @Override
    public String manual() {
        return "clear [-x]\n  Clear your terminal's screen and its scrollback buffer.\n  -x  do not try to clear the terminal's scrollback buffer";
    }
}
