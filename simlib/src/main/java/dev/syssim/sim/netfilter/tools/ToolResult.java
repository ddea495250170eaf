package dev.syssim.sim.netfilter.tools;

/** What a tool run printed and how it exited. */
public record ToolResult(String stdout, String stderr, int exitCode) {

    public static ToolResult ok(String stdout) {
        return new ToolResult(stdout, "", 0);
    }
}
