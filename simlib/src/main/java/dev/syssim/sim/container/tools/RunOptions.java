package dev.syssim.sim.container.tools;

import dev.syssim.sim.container.RunSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code docker run}'s command line as Docker's flag parser (pflag) reads it: options up to the
 * image, everything after it the command; {@code --name=X} or {@code --name X}; short booleans
 * combine ({@code -it}); an unknown flag is {@code unknown flag: --bogus} (status 125).
 */
final class RunOptions {

    record Parsed(RunSpec spec, String error) {
    }

    private RunOptions() {
    }

    static final List<String> WITH_VALUE = List.of("--name", "-e", "--env", "-v", "--volume", "-m", "--memory", "--pids-limit",
            "--network", "--net", "-h", "--hostname", "-u", "--user", "-w", "--workdir", "--entrypoint", "--cap-add", "--cap-drop", "--device", "-p", "--publish", "--cpus");

    static Parsed parse(List<String> args, Map<String, String> clientEnv) {
        boolean remove = false;
        boolean detach = false;
        String name = null;
        String hostname = null;
        String network = "bridge";
        long memory = 0;
        int pids = 0;
        long nanoCpus = 0;
        List<String> env = new ArrayList<>();
        List<String> binds = new ArrayList<>();
        String user = null;
        String workdir = null;
        String entrypoint = null;
        boolean readOnly = false;
        boolean privileged = false;
        List<String> capAdd = new ArrayList<>();
        List<String> capDrop = new ArrayList<>();
        List<String> devices = new ArrayList<>();
        List<String> ports = new ArrayList<>();
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-") && !args.get(i).equals("-")) {
            String a = args.get(i++);
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            if (a.equals("--")) break;
            if (WITH_VALUE.contains(a)) {
                if (value == null) {
                    if (i >= args.size()) return new Parsed(null, "flag needs an argument: " + (a.startsWith("--") ? "--" + a.substring(2) : "'" + a.substring(1) + "' in " + a));
                    value = args.get(i++);
                }
                switch (a) {
                    case "--name" -> name = value;
                    case "-e", "--env" -> env.add(value.contains("=") ? value : value + "=" + clientEnv.getOrDefault(value, ""));
                    case "-v", "--volume" -> binds.add(value);
                    case "-m", "--memory" -> memory = bytes(value);
                    case "--pids-limit" -> {
                        // pflag's int64: Go's strconv message, then cobra's usage hint
                        try {
                            pids = Integer.parseInt(value);
                        } catch (NumberFormatException bad) {
                            return new Parsed(null, "invalid argument \"" + value + "\" for \"--pids-limit\" flag: strconv.ParseInt: parsing \""
                                    + value + "\": " + (value.matches("[+-]?[0-9]+") ? "value out of range" : "invalid syntax"));
                        }
                    }
                    case "--cpus" -> {
                        nanoCpus = nanoCpus(value);
                        if (nanoCpus < 0) {
                            return new Parsed(null, "invalid argument \"" + value + "\" for \"--cpus\" flag: failed to parse " + value + " as a rational number");
                        }
                    }
                    case "--network", "--net" -> network = value;
                    case "-u", "--user" -> user = value;
                    case "-w", "--workdir" -> workdir = value;
                    case "--entrypoint" -> entrypoint = value;
                    case "--cap-add" -> capAdd.add(value);
                    case "--cap-drop" -> capDrop.add(value);
                    case "--device" -> devices.add(value);
                    case "-p", "--publish" -> ports.add(value);
                    default -> hostname = value;
                }
                continue;
            }
            switch (a) {
                case "--rm" -> remove = true;
                case "--read-only" -> readOnly = true;
                case "--privileged" -> privileged = true;
                case "-d", "--detach" -> detach = true;
                case "-i", "--interactive", "-t", "--tty" -> { }
                default -> {
                    if (!a.startsWith("--") && a.chars().skip(1).allMatch(ch -> "dit".indexOf(ch) >= 0)) {
                        if (a.contains("d")) detach = true;
                        continue;
                    }
                    if (a.startsWith("--")) return new Parsed(null, "unknown flag: " + a);
                    char bad = a.charAt(1);
                    for (char ch : a.substring(1).toCharArray()) if ("dit".indexOf(ch) < 0) { bad = ch; break; }
                    return new Parsed(null, "unknown shorthand flag: '" + bad + "' in " + a);
                }
            }
        }
        if (i >= args.size()) return new Parsed(null, null);
        String image = args.get(i);
        List<String> command = args.subList(i + 1, args.size());
        return new Parsed(new RunSpec(image, command, name, env, binds, memory, pids, network, remove, detach, hostname, user, workdir, entrypoint,
                new RunSpec.Security(readOnly, privileged, capAdd, capDrop, devices), ports, nanoCpus), null);
    }

    /** Docker's NanoCPUs option: a decimal (or rational) number of CPUs in billionths, -1 when it is none. */
    static long nanoCpus(String text) {
        try {
            java.math.BigDecimal cpus = new java.math.BigDecimal(text);
            return cpus.movePointRight(9).setScale(0, java.math.RoundingMode.DOWN).longValueExact();
        } catch (NumberFormatException | ArithmeticException bad) {
            return -1;
        }
    }

    /** Docker's RAMInBytes: a number with b, k, m or g (binary units). */
    static long bytes(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        if (t.endsWith("b") && t.length() > 1 && !Character.isDigit(t.charAt(t.length() - 2))) t = t.substring(0, t.length() - 1);
        long unit = 1;
        char last = t.charAt(t.length() - 1);
        if (last == 'k') unit = 1L << 10;
        else if (last == 'm') unit = 1L << 20;
        else if (last == 'g') unit = 1L << 30;
        else if (last == 'b') unit = 1;
        if (!Character.isDigit(last)) t = t.substring(0, t.length() - 1);
        return Long.parseLong(t) * unit;
    }
}
