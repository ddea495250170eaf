package dev.syssim.sim.os;

/** Where a terminal's output goes: the front end's {@code stdout} or {@code stderr} stream. */
public interface TerminalSink {

    void output(String stream, byte[] data);
}
