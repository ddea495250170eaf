package dev.syssim.sim.net.campus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.world.Machine;
import dev.syssim.sim.world.Machines;
import dev.syssim.sim.world.RunLimits;
import dev.syssim.sim.world.Session;
import dev.syssim.sim.world.Terminal;
import dev.syssim.sim.world.World;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measure, not a gate (issue 21): the iptables project's own extension test files
 * ({@code extensions/*.t}, public, kept outside this repository) replayed through the simulated
 * iptables with the semantics of the project's {@code iptables-test.py} (its line-by-line mode).
 * Runs only with {@code -Diptables.t.dir=DIR}; writes {@code target/iptables-t.txt}: agreeing /
 * total lines, per file, and the first differences. It asserts only that the corpus was read and
 * replayed, since the figure is what it is for.
 *
 * <p>The rules of a file, as iptables-test.py reads it: {@code :C1,C2} names the chains each rule
 * is appended to, {@code *table} the table ({@code -t} after the chain), {@code %cmd} / {@code @cmd}
 * run as they are, and each test line is {@code RULE;SAVE;RESULT[;VARIANT[;ALT]]}. SAVE is the
 * rule as listed ({@code =}: as typed). RESULT OK: {@code iptables -A CHAIN RULE} succeeds and
 * {@code -A CHAIN SAVE} is a line of the listing, then {@code -D} removes it; FAIL: the append
 * fails; NOMATCH: it succeeds but is listed otherwise. A VARIANT of LEGACY applies to the legacy
 * backend: the simulation reports nf_tables, so such a line expects ALT, or the inverse of RESULT.
 * A line agrees when every chain of it does. One fresh machine per file, as the script uses one
 * namespace per file. Meant for the files of the release the simulation is (1.8.9), whose script
 * runs libxt_ files with iptables only. Differences from that script: the listing searched is
 * {@code iptables -t T -S} of the rule's table, not {@code iptables-save} of all tables (the same
 * {@code -A} lines); {@code -A SAVE} must be a whole line of it, as the script checks from 1.8.10
 * on (1.8.9's finds SAVE anywhere in the dump, so a listing with more after it passed); the
 * script's fast mode (one iptables-restore per file) is not used. Files for a tool the simulation
 * lacks (ip6tables, arptables, ebtables) are counted apart, not replayed.
 */
@EnabledIfSystemProperty(named = "iptables.t.dir", matches = ".+")
class IptablesExtensionFilesMeasureTest {

    /** The simulation says this where it lacks an extension or option, not iptables. */
    private static final String NOT_SIMULATED = "not simulated by syssim";
    private static final int DIFFERENCES_PER_FILE = 3;

    /** What one line of a file came to. */
    private enum Outcome { AGREES, AGREES_REFUSED_AS_NOT_SIMULATED, NOT_SIMULATED, DIFFERS }

    private record LineResult(Outcome outcome, String detail) {
    }

    /** One file replayed with one tool: its counts and first differences. */
    private record FileResult(String file, String tool, int total, Map<Outcome, Long> counts, List<String> differences,
            List<Integer> disagreeingLines) {
        long count(Outcome outcome) {
            return counts.getOrDefault(outcome, 0L);
        }

        long agreeing() {
            return count(Outcome.AGREES) + count(Outcome.AGREES_REFUSED_AS_NOT_SIMULATED);
        }

        /** Every OK line refused as not simulated, none agreeing: the simulation does not know the extension. */
        boolean unknown() {
            return count(Outcome.AGREES) == 0 && count(Outcome.DIFFERS) == 0 && count(Outcome.NOT_SIMULATED) > 0;
        }
    }

    @Test
    void theExtensionFilesOfIptablesReplayedGiveTheFigure() throws IOException {
        Path dir = Path.of(System.getProperty("iptables.t.dir"));
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".t")).sorted().toList();
        }
        assertTrue(!files.isEmpty(), "no .t files in " + dir);
        List<FileResult> results = new ArrayList<>();
        Map<String, Boolean> toolExists = new TreeMap<>();
        Map<String, long[]> skipped = new TreeMap<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String tool = tool(file.getFileName().toString());
            if (!toolExists.computeIfAbsent(tool, IptablesExtensionFilesMeasureTest::toolExists)) {
                long[] filesAndLines = skipped.computeIfAbsent(tool, t -> new long[2]);
                filesAndLines[0]++;
                filesAndLines[1] += testLines(lines);
                continue;
            }
            results.add(replay(file.getFileName().toString(), tool, lines));
        }
        int total = results.stream().mapToInt(FileResult::total).sum();
        assertTrue(total > 0, "no test line replayed");
        Path report = Path.of("target", "iptables-t.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, report(results, skipped));
    }

    /** As iptables-test.py 1.8.9: libip6t_ with ip6tables, libarpt_/libebt_ with theirs, the rest (libipt_, libxt_) with iptables. */
    private static String tool(String name) {
        if (name.startsWith("libip6t_")) return "ip6tables";
        if (name.startsWith("libarpt_")) return "arptables";
        if (name.startsWith("libebt_")) return "ebtables";
        return "iptables";
    }

    private static boolean toolExists(String tool) {
        Shell shell = new Shell();
        return shell.run("command -v " + tool) == 0;
    }

    private static long testLines(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank() && "#:@%*".indexOf(l.charAt(0)) < 0).count();
    }

    private static FileResult replay(String name, String tool, List<String> lines) {
        Shell shell = new Shell();
        List<String> chains = List.of();
        String table = "";
        List<LineResult> outcomes = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        List<Integer> disagreeing = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#")) continue;
            if (line.startsWith(":")) {
                chains = Arrays.asList(line.strip().substring(1).split(","));
            } else if (line.startsWith("@") || line.startsWith("%")) {
                shell.run(line.strip().substring(1));
            } else if (line.startsWith("*")) {
                table = line.strip().substring(1);
            } else {
                LineResult result = replayLine(shell, tool, chains, table, line);
                outcomes.add(result);
                boolean agrees = result.outcome() == Outcome.AGREES || result.outcome() == Outcome.AGREES_REFUSED_AS_NOT_SIMULATED;
                if (!agrees) disagreeing.add(n + 1);
                if (!agrees && differences.size() < DIFFERENCES_PER_FILE) {
                    differences.add("line " + (n + 1) + ": " + line + "\n" + result.detail().indent(6).stripTrailing());
                }
            }
        }
        Map<Outcome, Long> counts = outcomes.stream().collect(Collectors.groupingBy(LineResult::outcome, Collectors.counting()));
        return new FileResult(name, tool, outcomes.size(), counts, differences, disagreeing);
    }

    private static LineResult replayLine(Shell shell, String tool, List<String> chains, String table, String line) {
        String[] item = line.split(";", -1);
        String expected = item[2].strip();
        if (item.length > 3) {
            String variant = item[3].strip();
            // The simulation is iptables-nft: a LEGACY-scoped result turns into ALT, or its inverse.
            if (variant.equals("LEGACY")) {
                expected = item.length > 4 ? item[4].strip() : switch (expected) {
                    case "OK" -> "FAIL";
                    default -> "OK";
                };
            }
        }
        boolean refusedAsNotSimulated = false;
        for (String chain : chains) {
            String rule = table.isEmpty() ? chain + " " + item[0] : chain + " -t " + table + " " + item[0];
            String save = chain + " " + (item[1].equals("=") ? item[0] : item[1]);
            String cmd = tool + " -A " + rule;
            int status = shell.run(cmd);
            String stderr = shell.stderr;
            if (status != 0) {
                if (!expected.equals("FAIL")) {
                    Outcome outcome = stderr.contains(NOT_SIMULATED) ? Outcome.NOT_SIMULATED : Outcome.DIFFERS;
                    return new LineResult(outcome, "cannot load: " + cmd + "\nstatus " + status + ": " + stderr.strip());
                }
                refusedAsNotSimulated |= stderr.contains(NOT_SIMULATED);
                continue;
            }
            if (expected.equals("FAIL")) {
                delete(shell, tool, rule);
                return new LineResult(Outcome.DIFFERS, "should fail: " + cmd);
            }
            String listTable = table.isEmpty() ? "filter" : table;
            shell.run(tool + " -t " + listTable + " -S");
            String listing = "\n" + shell.stdout;
            boolean found = listing.contains("\n-A " + save + "\n");
            if (!found && expected.equals("OK")) {
                String listed = listing.lines().filter(l -> l.startsWith("-A " + chain + " ")).collect(Collectors.joining("\n"));
                delete(shell, tool, rule);
                return new LineResult(Outcome.DIFFERS, "cannot find: -A " + save + "\nlisted: " + listed);
            }
            if (found && !expected.equals("OK")) {
                delete(shell, tool, rule);
                return new LineResult(Outcome.DIFFERS, "should not match: -A " + save);
            }
            String deleteError = delete(shell, tool, rule);
            if (deleteError != null) return new LineResult(Outcome.DIFFERS, deleteError);
        }
        return new LineResult(refusedAsNotSimulated ? Outcome.AGREES_REFUSED_AS_NOT_SIMULATED : Outcome.AGREES, "");
    }

    /** {@code TOOL -D RULE}, with {@code -c A,B} / {@code -c A B} dropped as the script does (-D refuses them); null when it worked. */
    private static String delete(Shell shell, String tool, String rule) {
        List<String> words = new ArrayList<>(Arrays.asList(rule.strip().split("\\s+")));
        for (int i = 0; i < words.size(); i++) {
            if (!words.get(i).equals("-c") && !words.get(i).equals("--set-counters")) continue;
            words.remove(i);
            if (i < words.size() && words.remove(i).contains(",")) break;
            if (i < words.size() && !words.get(i).isEmpty() && words.get(i).chars().allMatch(Character::isDigit)) words.remove(i);
            break;
        }
        String cmd = tool + " -D " + String.join(" ", words);
        int status = shell.run(cmd);
        return status == 0 ? null : "cannot delete: " + cmd + "\nstatus " + status + ": " + shell.stderr.strip();
    }

    private static String report(List<FileResult> results, Map<String, long[]> skipped) {
        StringBuilder out = new StringBuilder();
        int total = results.stream().mapToInt(FileResult::total).sum();
        long agreeing = results.stream().mapToLong(FileResult::agreeing).sum();
        long strict = results.stream().mapToLong(r -> r.count(Outcome.AGREES)).sum();
        long notSimulated = results.stream().mapToLong(r -> r.count(Outcome.NOT_SIMULATED)).sum();
        out.append("iptables extensions/*.t replayed on the simulation (iptables-test.py semantics, nf_tables variant)\n");
        out.append(String.format("agreeing: %d / %d lines (%.1f%%)%n", agreeing, total, 100.0 * agreeing / total));
        out.append(String.format("  of which FAIL lines agreeing only because the simulation refuses the extension as not simulated: %d%n",
                agreeing - strict));
        out.append(String.format("agreeing without those: %d / %d (%.1f%%)%n", strict, total, 100.0 * strict / total));
        out.append(String.format("disagreeing: %d refused as not simulated, %d otherwise different%n",
                notSimulated, total - agreeing - notSimulated));
        List<FileResult> unknown = results.stream().filter(FileResult::unknown).toList();
        out.append("\nfiles whose extension the simulation does not know at all (" + unknown.size() + "):\n  ")
                .append(unknown.stream().map(r -> r.file() + "(" + r.total() + ")").collect(Collectors.joining(" "))).append('\n');
        out.append("\nper file (tool): agreeing/total  [refused-as-not-simulated, other differences, FAIL lines agreeing by not-simulated refusal]\n");
        for (FileResult r : results) {
            out.append(String.format("  %-28s %-9s %4d/%-4d [%d ns, %d diff, %d]%s%n", r.file(), r.tool(), r.agreeing(), r.total(),
                    r.count(Outcome.NOT_SIMULATED), r.count(Outcome.DIFFERS), r.count(Outcome.AGREES_REFUSED_AS_NOT_SIMULATED),
                    r.unknown() ? "  unknown" : r.agreeing() == r.total() ? "  all agree" : ""));
        }
        out.append("\nnot replayed, the simulation having no such tool:\n");
        skipped.forEach((tool, n) -> out.append(String.format("  %s: %d files, %d lines%n", tool, n[0], n[1])));
        out.append("\nevery disagreeing line (file: line numbers):\n");
        for (FileResult r : results) {
            if (r.disagreeingLines().isEmpty()) continue;
            out.append("  ").append(r.file()).append(": ")
                    .append(r.disagreeingLines().stream().map(String::valueOf).collect(Collectors.joining(" "))).append('\n');
        }
        out.append("\nfirst differences (up to " + DIFFERENCES_PER_FILE + " per file):\n");
        for (FileResult r : results) {
            if (r.differences().isEmpty()) continue;
            out.append("== ").append(r.file()).append(" (").append(r.tool()).append(")\n");
            r.differences().forEach(d -> out.append("  ").append(d).append('\n'));
        }
        return out.toString();
    }

    /** A root shell on a fresh Debian machine of the simulation. */
    private static final class Shell {
        private final Session session;
        private final Terminal terminal = new Terminal();
        String stdout = "";
        String stderr = "";

        Shell() {
            World world = new World(42, RunLimits.DEFAULT);
            Machine machine = Machines.debian(world, "laptop", 2, 4_028_860);
            session = new Session(world, terminal);
            session.switchTo(machine, "root");
        }

        int run(String cmd) {
            terminal.reset();
            session.run(cmd);
            stdout = terminal.stdout.toString();
            stderr = terminal.stderr.toString();
            return session.lastStatus();
        }
    }
}
