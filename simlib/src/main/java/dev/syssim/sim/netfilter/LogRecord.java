package dev.syssim.sim.netfilter;

/**
 * A line the LOG target writes to the kernel log, at syslog {@code level} (4, warning, unless
 * {@code --log-level} says otherwise). {@code text} is what {@code dmesg} shows after the
 * timestamp, e.g. {@code SSH: IN=eth0 OUT=eth1 MAC=... SRC=203.0.113.50 ... SYN URGP=0 } — with
 * the trailing space the kernel leaves.
 */
public record LogRecord(int level, String text) {
}
