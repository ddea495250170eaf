import dev.syssim.sim.net.stack.NetStack;
import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.world.CampusScenario;
import dev.syssim.sim.world.RunLimits;
import dev.syssim.sim.world.Session;
import dev.syssim.sim.world.World;
import java.util.Locale;
import java.util.Optional;

/**
 * End-to-end connections through the simulated network: {@code nc -z} to a listening port in a
 * shell loop, on the campus of the firewall lecture (listeners as the oracle's: nc -lk). Three
 * paths: laptop to wash on the same segment; offcampus to wash through border's FORWARD chain;
 * the same with 1,000 rules in that chain that do not match (each SYN walks all of them, later
 * packets too: none of them is an ESTABLISHED shortcut). Wall-clock time is measured here only.
 */
public final class NetworkBenchmark {

    private static final Session.Frontend QUIET = new Session.Frontend() {
        public void stdout(String text) { }
        public void stderr(String text) { }
        public void clear() { }
        public Optional<String> input(String prompt, boolean password) { return Optional.empty(); }
    };

    public static void main(String[] args) {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        run("warm-up", "offcampus", 1000, connections, 1, TraceLevel.OFF, false);
        System.out.println("| path | rules in FORWARD | trace | connections/s (wall) | simulated events per connection |");
        System.out.println("|---|---|---|---|---|");
        run("laptop -> wash (same segment)", "laptop", 0, connections, rounds, TraceLevel.OFF);
        run("offcampus -> wash (through border)", "offcampus", 0, connections, rounds, TraceLevel.OFF);
        run("offcampus -> wash (through border)", "offcampus", 1000, connections, rounds, TraceLevel.OFF);
        run("offcampus -> wash (through border)", "offcampus", 0, connections / 4, rounds, TraceLevel.FULL);
    }

    private static void run(String path, String from, int rules, int connections, int rounds, TraceLevel level) {
        run(path, from, rules, connections, rounds, level, true);
    }

    private static void run(String path, String from, int rules, int connections, int rounds, TraceLevel level, boolean print) {
        double best = 0;
        long events = 0;
        for (int r = 0; r < rounds; r++) {
            World world = CampusScenario.build(7, new RunLimits(Long.MAX_VALUE / 4, 1 << 24, 4000, 1000), CampusScenario.Listeners.NETCAT);
            Session border = new Session(world, QUIET);
            border.switchTo(world.machine("border"), "root");
            if (rules > 0) {
                StringBuilder restore = new StringBuilder("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n");
                for (int i = 0; i < rules; i++) restore.append("-A FORWARD -s 192.0.2.").append(i % 250 + 1).append("/32 -p tcp -m tcp --dport ").append(1000 + i).append(" -j DROP\n");
                restore.append("COMMIT\n");
                border.run("iptables-restore <<'EOF'\n" + restore + "EOF");
                if (NetStack.of(world.machine("border").kernel()).netfilter().filter().chain("FORWARD").size() != rules) {
                    throw new IllegalStateException("the rules did not load");
                }
            }
            Session s = new Session(world, QUIET);
            s.switchTo(world.machine(from), "root");
            world.trace().setLevel(level);
            long steps = world.steps();
            long start = System.nanoTime();
            s.run("i=0; while [ $i -lt " + connections + " ]; do nc -z 10.84.0.10 22; i=$((i+1)); done");
            long elapsed = System.nanoTime() - start;
            events = (world.steps() - steps) / connections;
            long washInput = NetStack.of(world.machine("wash").kernel()).netfilter().filter().chain("INPUT").policyCounters().packets();
            if (washInput < 4L * (connections - 1)) throw new IllegalStateException("only " + washInput + " packets reached wash");
            world.trace().clear();
            best = Math.max(best, connections / (elapsed / 1e9));
        }
        if (print) System.out.printf(Locale.ROOT, "| %s | %,d | %s | %,.0f | %,d |%n", path, rules, level.word(), best, events);
    }
}
