package dev.syssim.kernel.homework;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Evaluates a check's lines, in order, against a {@link Probe}. Every line is judged (a failure does
 * not stop the rest), so the table tells the student everything at once. Judging is deterministic:
 * the probe's world is, and nothing here reads a clock.
 */
public final class CheckRun {

    /** How long a {@code verdict} probe waits for an answer before it calls the port dropped (nc -w), in simulated seconds. */
    static final int PROBE_SECONDS = 2;

    /** How much of what a command wrote the table shows when a line is not met. */
    private static final int SEEN_CHARS = 160;

    private final Probe probe;

    private CheckRun(Probe probe) {
        this.probe = probe;
    }

    /** The result, or empty if the user interrupted the check. */
    public static Optional<CheckResult> run(CheckHeader header, String body, Probe probe) {
        List<Expectation> expectations = CheckBody.parse(body);
        if (expectations.isEmpty()) {
            Expectation.Broken none = new Expectation.Broken("(no lines)", 2, "the check has nothing to check");
            return Optional.of(new CheckResult(header, List.of(LineResult.broken(none, none.problem()))));
        }
        CheckRun run = new CheckRun(probe);
        List<LineResult> results = new ArrayList<>();
        for (Expectation e : expectations) {
            LineResult r = run.judge(e);
            if (probe.interrupted()) return Optional.empty();
            results.add(r);
        }
        return Optional.of(new CheckResult(header, results));
    }

    private LineResult judge(Expectation e) {
        // Java 17 has no pattern switch: the sealed family is dispatched by hand
        if (e instanceof Expectation.Broken b) return LineResult.broken(b, b.problem());
        if (e instanceof Expectation.Shell s) return shell(s);
        if (e instanceof Expectation.Status s) return status(s);
        if (e instanceof Expectation.Matches m) return matches(m);
        if (e instanceof Expectation.Verdict v) return verdict(v);
        if (e instanceof Expectation.FileIs f) return file(f);
        if (e instanceof Expectation.ModeIs m) return mode(m);
        if (e instanceof Expectation.OwnerIs o) return owner(o);
        if (e instanceof Expectation.ProcessIs p) return process(p);
        throw new IllegalStateException("an expectation without a judge: " + e);
    }

    // ---- commands ----

    private LineResult shell(Expectation.Shell s) {
        Probe.Ran ran = probe.shell(s.script(), s.lineNumber());
        if (!ran.broken().isEmpty()) return LineResult.broken(s, ran.broken());
        if (!ran.cutShort().isEmpty()) return LineResult.failed(s, ran.cutShort());
        if (ran.status() == 0) return LineResult.passed(s);
        return LineResult.failed(s, "the last command exited with status " + ran.status() + stderrHint(ran));
    }

    private LineResult status(Expectation.Status s) {
        Optional<String> problem = probe.problemWith(s.place());
        if (problem.isPresent()) return LineResult.broken(s, problem.get());
        Probe.Ran ran = probe.run(s.place(), s.command(), false);
        if (!ran.broken().isEmpty()) return LineResult.broken(s, ran.broken());
        if (!ran.cutShort().isEmpty()) return LineResult.failed(s, ran.cutShort());
        boolean met = (ran.status() == s.status()) != s.negated();
        return met ? LineResult.passed(s) : LineResult.failed(s, "exit status " + ran.status() + stderrHint(ran));
    }

    private LineResult matches(Expectation.Matches m) {
        Optional<String> problem = probe.problemWith(m.place());
        if (problem.isPresent()) return LineResult.broken(m, problem.get());
        Probe.Ran ran = probe.run(m.place(), m.command(), m.stream() == CommandStream.TRACE);
        if (!ran.broken().isEmpty()) return LineResult.broken(m, ran.broken());
        if (!ran.cutShort().isEmpty()) return LineResult.failed(m, ran.cutShort());
        List<String> lines = switch (m.stream()) {
            case OUTPUT -> ran.stdout().lines().toList();
            case ERROR -> ran.stderr().lines().toList();
            case TRACE -> ran.trace();
        };
        String matching = null;
        for (String line : lines) {
            if (m.pattern().matcher(line).find()) {
                matching = line;
                break;
            }
        }
        if ((matching != null) != m.negated()) return LineResult.passed(m);
        if (m.negated()) return LineResult.failed(m, "this " + m.stream().word() + " line matched: " + clip(matching));
        if (lines.stream().allMatch(String::isBlank)) {
            return LineResult.failed(m, "no " + m.stream().word() + " at all" + (m.stream() == CommandStream.OUTPUT ? stderrHint(ran) : ""));
        }
        String what = m.stream() == CommandStream.TRACE ? lines.size() + " trace events, none matched" : m.stream().word() + " was: " + clip(String.join("\\n", lines));
        return LineResult.failed(m, what);
    }

    private LineResult verdict(Expectation.Verdict v) {
        Place from = new Place(v.from(), "root");
        Optional<String> problem = probe.problemWith(from);
        if (problem.isPresent()) return LineResult.broken(v, problem.get());
        if (!validPort(v.port())) return LineResult.broken(v, "`" + v.port() + "` is not a port (1 to 65535, or a name such as ssh)");
        if (!v.to().matches("\\d+\\.\\d+\\.\\d+\\.\\d+") && probe.problemWith(new Place(v.to(), "root")).isPresent()) {
            return LineResult.broken(v, "no machine '" + v.to() + "' in this world");
        }
        Probe.Ran ran = probe.run(from, "nc -z -w " + PROBE_SECONDS + " " + v.to() + " " + v.port(), false);
        if (!ran.cutShort().isEmpty()) return LineResult.broken(v, "the probe did not finish: " + ran.cutShort());
        String said = ran.stderr().strip();
        Reach seen;
        if (ran.status() == 0) seen = Reach.ACCEPTED;
        else if (said.contains("timed out")) seen = Reach.DROPPED;
        else if (said.startsWith("nc: connect to")) seen = Reach.REFUSED;
        else return LineResult.broken(v, "the probe could not run: " + clip(said));
        if (seen == v.expected()) return LineResult.passed(v);
        return LineResult.failed(v, seen.word() + (said.isEmpty() ? "" : " (" + clip(said.lines().findFirst().orElse("")) + ")"));
    }

    private static boolean validPort(String port) {
        if (port.matches("\\d{1,5}")) return Integer.parseInt(port) >= 1 && Integer.parseInt(port) <= 65535;
        return dev.syssim.sim.net.Services.portOf(port).isPresent();
    }

    // ---- state, read without running anything ----

    private LineResult file(Expectation.FileIs f) {
        Optional<String> problem = probe.problemWith(f.place());
        if (problem.isPresent()) return LineResult.broken(f, problem.get());
        Optional<Probe.FileFacts> facts = probe.file(f.place(), f.path());
        boolean met = switch (f.state()) {
            case EXISTS -> facts.isPresent();
            case MISSING -> facts.isEmpty();
            case DIRECTORY -> facts.isPresent() && facts.get().directory();
            case REGULAR -> facts.isPresent() && facts.get().regular();
            case CONTAINS -> facts.isPresent() && facts.get().regular() && anyLine(facts.get().content(), f.pattern());
            case LACKS -> facts.isPresent() && facts.get().regular() && !anyLine(facts.get().content(), f.pattern());
        };
        if (met) return LineResult.passed(f);
        if (facts.isEmpty()) return LineResult.failed(f, "there is no " + f.path());
        Probe.FileFacts found = facts.get();
        if (f.state() == FileState.MISSING) return LineResult.failed(f, f.path() + " is there");
        if (!found.regular()) return LineResult.failed(f, f.path() + " is " + (found.directory() ? "a directory" : "not a regular file"));
        return switch (f.state()) {
            case CONTAINS -> LineResult.failed(f, "no line matches; the file holds: " + clip(found.content().replace("\n", "\\n")));
            case LACKS -> LineResult.failed(f, "this line matches: " + clip(firstMatch(found.content(), f.pattern())));
            default -> LineResult.failed(f, f.path() + " is a regular file");
        };
    }

    private LineResult mode(Expectation.ModeIs m) {
        Optional<String> problem = probe.problemWith(m.place());
        if (problem.isPresent()) return LineResult.broken(m, problem.get());
        Optional<Probe.FileFacts> facts = probe.file(m.place(), m.path());
        if (facts.isEmpty()) return LineResult.failed(m, "there is no " + m.path());
        int mode = facts.get().mode() & 07777;
        return mode == m.mode() ? LineResult.passed(m) : LineResult.failed(m, "mode " + Integer.toOctalString(mode));
    }

    private LineResult owner(Expectation.OwnerIs o) {
        Optional<String> problem = probe.problemWith(o.place());
        if (problem.isPresent()) return LineResult.broken(o, problem.get());
        Optional<Probe.FileFacts> facts = probe.file(o.place(), o.path());
        if (facts.isEmpty()) return LineResult.failed(o, "there is no " + o.path());
        Probe.FileFacts f = facts.get();
        boolean met = f.owner().equals(o.user()) && (o.group() == null || f.group().equals(o.group()));
        return met ? LineResult.passed(o) : LineResult.failed(o, "owner " + f.owner() + ":" + f.group());
    }

    private LineResult process(Expectation.ProcessIs p) {
        Optional<String> problem = probe.problemWith(p.place());
        if (problem.isPresent()) return LineResult.broken(p, problem.get());
        long count = probe.processes(p.place()).stream().filter(p.name()::equals).count();
        if ((count > 0) == p.running()) return LineResult.passed(p);
        return LineResult.failed(p, count == 0 ? "no process " + p.name() : count + " process" + (count == 1 ? "" : "es") + " " + p.name());
    }

    // ---- helpers ----

    private static boolean anyLine(String text, Pattern pattern) {
        return firstMatch(text, pattern) != null;
    }

    private static String firstMatch(String text, Pattern pattern) {
        for (String line : text.lines().toList()) if (pattern.matcher(line).find()) return line;
        return null;
    }

    /** The first line of standard error, which usually says why a command failed. */
    private static String stderrHint(Probe.Ran ran) {
        String first = ran.stderr().strip().lines().findFirst().orElse("");
        return first.isEmpty() ? "" : " (" + clip(first) + ")";
    }

    static String clip(String text) {
        if (text == null) return "";
        return text.length() <= SEEN_CHARS ? text : text.substring(0, SEEN_CHARS - 1) + "…";
    }
}
