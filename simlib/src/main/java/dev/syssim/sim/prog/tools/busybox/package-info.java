/**
 * BusyBox: one static executable that is {@code sh} (ash), {@code ls}, {@code cat}, {@code ps} and
 * the other applets a minimal root needs, each with busybox's own messages — what a static busybox
 * root, an Alpine-like root and the recorded oracle's {@code /srv/bbroot} run. Uses {@code prog}'s
 * C library and the shell engine ({@code sim.shell}); registered by {@code Installed}.
 */
package dev.syssim.sim.prog.tools.busybox;
