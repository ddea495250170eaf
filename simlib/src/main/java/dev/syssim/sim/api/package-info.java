/**
 * syssim as a library: a small, stable API over the simulated world, for programs that are not
 * the notebook kernel (an autograder, a lecturer's script, a Java course's exercises) and for the
 * kernel's Java cells. Create a {@link dev.syssim.sim.api.World} from a scenario and a seed, get
 * its {@link dev.syssim.sim.api.Machine}s by name, run command lines as their users (status,
 * stdout and stderr as bytes, and the {@link dev.syssim.sim.api.Trace} of what happened
 * underneath), read files, processes, network interfaces and firewall counters, or build a
 * scenario of your own with a {@link dev.syssim.sim.api.ScenarioBuilder}.
 *
 * <p>This package uses the rooms of the simulation ({@code world}, {@code os}, {@code fs},
 * {@code net}, {@code netfilter}, {@code trace}) and is used by the kernel's Java cells; nothing
 * in it knows about Jupyter. Everything runs in simulated time from a seed: the same program
 * prints the same bytes every time.
 *
 * <p>A whole program (it is compiled and run by the tests, so it stays true):
 *
 * <pre>{@code
 * import dev.syssim.sim.api.*;
 *
 * public class Example {
 *     public static void main(String[] args) {
 *         World world = World.create("campus", 42);
 *
 *         // the router drops new ssh connections from outside
 *         Machine border = world.machine("border");
 *         border.run("root", "iptables -A FORWARD -i eth0 -p tcp --dport 22 -j DROP");
 *
 *         // a scanner outside tries wash's ssh port, and times out
 *         CommandResult scan = world.machine("scanner").run("root", "nc -z -w 3 wash 22");
 *         System.out.println("nc exited with " + scan.status());
 *         System.out.println("rule 1 dropped " + border.firewall().chain("FORWARD").rule(1).packets() + " packets");
 *
 *         // a student's shell keeps its state from one line to the next, as cells do
 *         Shell sh = world.login("laptop", "student");
 *         sh.run("cd /etc");
 *         System.out.print(sh.run("ls -d host*").stdout());
 *     }
 * }
 * }</pre>
 *
 * prints
 *
 * <pre>
 * nc exited with 1
 * rule 1 dropped 2 packets
 * hostname
 * hosts
 * </pre>
 */
package dev.syssim.sim.api;
