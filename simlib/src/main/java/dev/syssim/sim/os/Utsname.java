package dev.syssim.sim.os;

/** What uname(2) fills in. */
public record Utsname(String sysname, String nodename, String release, String version, String machine) {
}
