package dev.syssim.sim.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.syssim.sim.oracle.Oracle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The differential test of issue 18: every snippet of {@code bash/cases.jsonl}, recorded in real
 * bash 5.2.15 and dash 0.5.12, runs in the simulation as the recorder ran it (see
 * {@link ScratchRun}) and must print the same stdout and stderr, byte for byte, and end with the
 * same status. It prints {@code bash oracle: N/M cases agree}.
 *
 * <p>While the shell is being rewritten, the cases it does not yet get right are listed in
 * {@code src/test/resources/bash-oracle/pending.txt}: the test fails when a case outside that
 * list disagrees (a regression) and when a listed case agrees (the list must shrink with the
 * work, down to empty — issue 18 is done when it is). {@code -Dbash.oracle.update=true} rewrites
 * the list from the run; {@code -Dbash.oracle.only=REGEX} runs only the cases whose id matches;
 * {@code -Dbash.oracle.verbose=true} prints every disagreement, not only the unexpected ones.
 * The first differences of all disagreeing cases are always written to
 * {@code target/bash-oracle.txt}.
 *
 * <p>{@code -Dbash.oracle.extra=FILE} also replays another corpus of the same format (kept
 * outside the repository) and reports its figure (differences in {@code target/bash-oracle-extra.txt});
 * there every case must agree.
 */
class BashOracleTest {

    private static final Path PENDING = Path.of("src", "test", "resources", "bash-oracle", "pending.txt");
    private static final Path REPORT = Path.of("target", "bash-oracle.txt");
    private static final Path EXTRA_REPORT = Path.of("target", "bash-oracle-extra.txt");
    /** Output beyond the recorded size plus this is a runaway (an endless loop printing): the run stops there. */
    private static final int RUNAWAY_MARGIN = 64 * 1024;

    @Test
    void everySnippetPrintsAndReturnsWhatRealBashDid() {
        List<BashCase> cases = selected(Oracle.cases("bash/cases.jsonl").stream().map(BashCase::from).toList());
        assertFalse(cases.isEmpty(), "no bash oracle cases selected");
        Map<String, String> disagreements = replay("bash oracle", cases, REPORT);
        Set<String> pending = pending();
        if (System.getProperty("bash.oracle.only") != null) pending.retainAll(ids(cases));
        List<String> unexpected = new ArrayList<>();
        List<String> nowAgreeing = new ArrayList<>();
        for (BashCase c : cases) {
            boolean agrees = !disagreements.containsKey(c.id());
            if (!agrees && !pending.contains(c.id())) unexpected.add(c.id() + ": " + disagreements.get(c.id()));
            if (agrees && pending.contains(c.id())) nowAgreeing.add(c.id());
        }
        Set<String> unknown = new TreeSet<>(pending);
        unknown.removeAll(ids(cases));
        if (Boolean.getBoolean("bash.oracle.update") && System.getProperty("bash.oracle.only") == null) {
            writePending(disagreements.keySet());
            return;
        }
        if (Boolean.getBoolean("bash.oracle.verbose")) disagreements.forEach((id, why) -> System.out.println("  " + id + ": " + why));
        unexpected.forEach(line -> System.out.println("  unexpected: " + line));
        StringBuilder problems = new StringBuilder();
        if (!unexpected.isEmpty()) {
            problems.append(unexpected.size()).append(" case(s) disagree with real bash and are not pending:\n  ")
                    .append(String.join("\n  ", unexpected)).append('\n');
        }
        if (!nowAgreeing.isEmpty()) {
            problems.append(nowAgreeing.size()).append(" pending case(s) now agree; remove them from ").append(PENDING)
                    .append(" (or run with -Dbash.oracle.update=true):\n  ").append(String.join("\n  ", nowAgreeing)).append('\n');
        }
        if (!unknown.isEmpty()) problems.append(PENDING).append(" names cases the corpus does not have: ").append(unknown).append('\n');
        if (!problems.isEmpty()) fail(problems.toString());
    }

    @Test
    @EnabledIfSystemProperty(named = "bash.oracle.extra", matches = ".+")
    void everySnippetOfTheExtraCorpusAgreesWithRealBash() {
        Path file = Path.of(System.getProperty("bash.oracle.extra"));
        List<BashCase> cases = selected(Oracle.casesIn(file).stream().map(BashCase::from).toList());
        Map<String, String> disagreements = replay("bash oracle (" + file + ")", cases, EXTRA_REPORT);
        if (Boolean.getBoolean("bash.oracle.verbose")) disagreements.forEach((id, why) -> System.out.println("  " + id + ": " + why));
        if (!disagreements.isEmpty()) {
            fail(disagreements.size() + " of " + cases.size() + " cases of " + file + " disagree with real bash; first differences in "
                    + EXTRA_REPORT.toAbsolutePath());
        }
    }

    /** Runs every case; prints the agreement line; returns the first difference of each that disagrees. */
    private static Map<String, String> replay(String label, List<BashCase> cases, Path reportFile) {
        Map<String, String> disagreements = new LinkedHashMap<>();
        for (BashCase c : cases) {
            String difference;
            try {
                difference = firstDifference(c, ScratchRun.run(c, c.stdout().length + c.stderr().length + RUNAWAY_MARGIN));
            } catch (RuntimeException | StackOverflowError e) {
                difference = "a Java error escaped the simulation: " + e;
            }
            if (difference != null) disagreements.put(c.id(), difference);
        }
        String line = label + ": " + (cases.size() - disagreements.size()) + "/" + cases.size() + " cases agree";
        System.out.println(line);
        report(reportFile, line, disagreements);
        return disagreements;
    }

    /** Null when the simulation did exactly what real bash did; else the first thing that differs. */
    static String firstDifference(BashCase c, ScratchRun.Observed seen) {
        if (seen.problem() != null) return seen.problem();
        String out = firstDifference("stdout", c.stdout(), seen.stdout());
        if (out != null) return out;
        String err = firstDifference("stderr", c.stderr(), seen.stderr());
        if (err != null) return err;
        if (c.rc() != seen.rc()) return "status: expected " + c.rc() + ", got " + seen.rc();
        return null;
    }

    private static String firstDifference(String stream, byte[] expected, byte[] actual) {
        if (Arrays.equals(expected, actual)) return null;
        List<String> want = lines(expected);
        List<String> got = lines(actual);
        for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
            String a = i < want.size() ? want.get(i) : null;
            String b = i < got.size() ? got.get(i) : null;
            if (a == null || !a.equals(b)) {
                return stream + " line " + (i + 1) + ": expected " + quoted(a) + ", got " + quoted(b);
            }
        }
        return stream + ": the same text, different bytes";
    }

    /** Lines with their terminators, so a missing final newline shows as a difference. */
    private static List<String> lines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) lines.add(text.substring(start));
        return lines;
    }

    private static String quoted(String line) {
        if (line == null) return "nothing";
        String shown = line.length() > 160 ? line.substring(0, 160) + "…" : line;
        return "\"" + shown.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\"", "\\\"") + "\"";
    }

    private static List<BashCase> selected(List<BashCase> cases) {
        String only = System.getProperty("bash.oracle.only");
        if (only == null) return cases;
        Pattern pattern = Pattern.compile(only);
        return cases.stream().filter(c -> pattern.matcher(c.id()).find()).toList();
    }

    private static Set<String> ids(List<BashCase> cases) {
        Set<String> ids = new TreeSet<>();
        cases.forEach(c -> ids.add(c.id()));
        return ids;
    }

    private static Set<String> pending() {
        Set<String> ids = new TreeSet<>();
        if (!Files.exists(PENDING)) return ids;
        try {
            for (String line : Files.readAllLines(PENDING, StandardCharsets.UTF_8)) {
                String id = line.strip();
                if (!id.isEmpty() && !id.startsWith("#")) ids.add(id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }

    private static void writePending(Set<String> ids) {
        StringBuilder text = new StringBuilder("# Cases of testdata/oracle/bash/cases.jsonl the simulated shell does not get right yet\n"
                + "# (BashOracleTest fails when one of these agrees, or one not listed disagrees).\n"
                + "# Rewritten by: mvn -pl simlib test -Dtest=BashOracleTest -Dbash.oracle.update=true\n");
        new TreeSet<>(ids).forEach(id -> text.append(id).append('\n'));
        try {
            Files.createDirectories(PENDING.getParent());
            Files.writeString(PENDING, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("bash oracle: " + ids.size() + " pending case(s) written to " + PENDING);
    }

    private static void report(Path file, String line, Map<String, String> disagreements) {
        StringBuilder text = new StringBuilder(line).append('\n');
        disagreements.forEach((id, why) -> text.append(id).append(": ").append(why).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
