package dev.syssim.sim.api;

/**
 * One process of a machine as {@code ps} would list it, at the moment it was asked.
 *
 * @param pid     its process id (in the machine's own pid namespace)
 * @param ppid    its parent's pid (0 for init and kernel threads' parent)
 * @param uid     its real user id
 * @param user    the name of that user, or the number when {@code /etc/passwd} has none
 * @param state   the letter of ps's STAT column: R, S, Z ...
 * @param command its command line, or {@code [name]} for a kernel thread
 * @param tty     its terminal ({@code pts/0}), or {@code ?}
 */
public record ProcessInfo(int pid, int ppid, int uid, String user, char state, String command, String tty) {
}
