package dev.syssim.kernel.eval;

import dev.syssim.kernel.display.TraceMagic;
import dev.syssim.sim.os.Credentials;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.prog.lang.Source;
import dev.syssim.sim.world.Machine;
import dev.syssim.sim.world.MachineAdmin;
import dev.syssim.sim.world.Scenario;
import dev.syssim.sim.world.Scenarios;
import dev.syssim.sim.world.Session;
import dev.syssim.sim.world.UserPrograms;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The magics of the kernel and the world: tracing, which machine and user the session is on,
 * resetting and seeding the world, scenario presets, limits, sudo for notebooks, user programs and
 * homework checks. Each answers with its own usage text when its arguments are wrong.
 */
final class Magics {

    private final Map<String, Magic> line = new TreeMap<>();
    private final Map<String, Magic> cell = new TreeMap<>();
    private final Workspace workspace;
    private final CellRunner runner;
    private final JavaSide javaSide;
    private final Homework homework;

    Magics(Workspace workspace, CellRunner runner, JavaSide java) {
        this.workspace = workspace;
        this.runner = runner;
        this.javaSide = java;
        this.homework = new Homework(workspace);
        add(new Magic("trace", false, TraceMagic.USAGE.lines().findFirst().orElse("%trace"),
                "what the trace under each cell shows: off, syscalls, interrupts or full, and which lanes, how many events, which formats",
                this::trace));
        add(new Magic("machine", false, "usage: %machine NAME [USER]",
                "move the session to machine NAME (as root unless USER is given); without NAME, list the machines", this::machine));
        add(new Magic("reset", false, "usage: %reset", "start over: a fresh copy of the current scenario, same seed", this::reset));
        add(new Magic("seed", false, "usage: %seed [N]", "show the seed, or rebuild the world from seed N (same seed, same outputs)", this::seed));
        add(new Magic("scenario", false, "usage: %scenario [NAME]", "replace the world with a preset; without NAME, list the presets", this::scenario));
        add(new Magic("limits", false, "usage: %limits [steps=N] [output=BYTES] [seconds=S] [cell=BYTES]",
                "show or change what one cell may use: simulated steps, output bytes, seconds of wall time, bytes of cell text", this::limits));
        add(new Magic("sudo", false, "usage: %sudo nopasswd|passwd",
                "let the session's user run sudo without a password on this machine (for notebooks run headless), or ask again", this::sudo));
        add(new Magic("lsmagic", false, "usage: %lsmagic", "list the magics", this::lsmagic));
        add(new Magic("help", false, "usage: %help [MAGIC]", "how cells work, and the magics", this::help));
        add(new Magic("program", true, "usage: %%program NAME",
                "define an executable NAME on this machine in the tiny program language (installed in /usr/local/bin)", this::program));
        add(new Magic("java", true, "usage: %%java",
                "run the cell as Java (JShell, in the kernel): world, machine and sh are the notebook's; sh.run(\"cmd\") runs a command line",
                this::java));
        add(new Magic("sh", true, "usage: %%sh",
                "run the cell as shell text (the default of the SysSim kernel; in SysSim (Java) cells are Java)", this::sh));
        add(new Magic("check", true, Homework.CHECK_USAGE, Homework.CHECK_HELP, homework::check));
        add(new Magic("grade", false, "usage: %grade", Homework.GRADE_HELP, homework::grade));
    }

    private void add(Magic m) {
        (m.cell() ? cell : line).put(m.name(), m);
    }

    Magic lineMagic(String name) {
        return line.get(name);
    }

    Magic cellMagic(String name) {
        return cell.get(name);
    }

    Collection<Magic> lineMagics() {
        return line.values();
    }

    Collection<Magic> cellMagics() {
        return cell.values();
    }

    static ExecuteOutcome usage(Magic m, String problem) {
        return ExecuteOutcome.error("UsageError", problem, List.of("UsageError: " + problem, m.usage()));
    }

    // ---- the magics ----

    private ExecuteOutcome trace(String args, String body, CellIO io) {
        TraceMagic.Result r = TraceMagic.parse(args, workspace.traceOptions());
        if (r instanceof TraceMagic.Apply apply) {
            workspace.setTraceOptions(apply.options());
            if (workspace.started()) workspace.world().trace().setLevel(apply.options().level());
            return ExecuteOutcome.OK;
        }
        if (r instanceof TraceMagic.Show show) {
            io.stream("stdout", show.text());
            return ExecuteOutcome.OK;
        }
        String message = ((TraceMagic.Error) r).message();
        return ExecuteOutcome.error("UsageError", message.lines().findFirst().orElse(message), List.of("UsageError: " + message));
    }

    private ExecuteOutcome machine(String args, String body, CellIO io) {
        String[] words = args.isBlank() ? new String[0] : args.strip().split("\\s+");
        Session session = workspace.session();
        if (words.length == 0) {
            StringBuilder out = new StringBuilder();
            for (Machine m : workspace.world().machines()) {
                out.append(m == session.machine() ? "* " : "  ").append(m.name()).append(m == session.machine() ? "  (" + session.user() + ")" : "").append('\n');
            }
            io.stream("stdout", out.toString());
            return ExecuteOutcome.OK;
        }
        if (words.length > 2) return usage(line.get("machine"), "too many arguments");
        Machine target = workspace.world().machine(words[0]);
        if (target == null) {
            List<String> names = new ArrayList<>();
            workspace.world().machines().forEach(m -> names.add(m.name()));
            return usage(line.get("machine"), "no machine '" + words[0] + "' in this world (machines: " + String.join(", ", names) + ")");
        }
        String user = words.length > 1 ? words[1] : "root";
        try {
            session.switchTo(target, user);
        } catch (IllegalArgumentException e) {
            return usage(line.get("machine"), "no user '" + user + "' on " + target.name());
        }
        return ExecuteOutcome.OK;
    }

    private ExecuteOutcome reset(String args, String body, CellIO io) {
        if (!args.isBlank()) return usage(line.get("reset"), "%reset takes no arguments");
        workspace.rebuild(workspace.scenario(), workspace.seed(), workspace.limits());
        return ExecuteOutcome.OK;
    }

    private ExecuteOutcome seed(String args, String body, CellIO io) {
        if (args.isBlank()) {
            io.result(java.util.Map.of("text/plain", Long.toString(workspace.seed())), java.util.Map.of());
            return ExecuteOutcome.OK;
        }
        try {
            long seed = Long.parseLong(args.strip());
            workspace.rebuild(workspace.scenario(), seed, workspace.limits());
            return ExecuteOutcome.OK;
        } catch (NumberFormatException e) {
            return usage(line.get("seed"), "not a number: '" + args.strip() + "'");
        }
    }

    private ExecuteOutcome scenario(String args, String body, CellIO io) {
        if (args.isBlank()) {
            StringBuilder out = new StringBuilder();
            for (Scenario s : Scenarios.all()) {
                out.append(s == workspace.scenario() ? "* " : "  ").append(String.format("%-10s %s%n", s.name(), s.description()));
            }
            io.stream("stdout", out.toString());
            return ExecuteOutcome.OK;
        }
        var chosen = Scenarios.named(args.strip());
        if (chosen.isEmpty()) {
            List<String> names = new ArrayList<>();
            Scenarios.all().forEach(s -> names.add(s.name()));
            return usage(line.get("scenario"), "no scenario '" + args.strip() + "' (scenarios: " + String.join(", ", names) + ")");
        }
        workspace.rebuild(chosen.get(), workspace.seed(), workspace.limits());
        ScenarioView.show(chosen.get(), workspace.world(), io);
        return ExecuteOutcome.OK;
    }

    private ExecuteOutcome limits(String args, String body, CellIO io) {
        CellLimits limits = workspace.limits();
        if (args.isBlank()) {
            io.stream("stdout", limits.describe() + "\n");
            return ExecuteOutcome.OK;
        }
        for (String word : args.strip().split("\\s+")) {
            String[] kv = word.split("=", 2);
            if (kv.length != 2) return usage(line.get("limits"), "write limits as name=number, e.g. steps=1000000");
            try {
                limits = limits.with(kv[0], kv[1]);
            } catch (IllegalArgumentException e) {
                String why = e.getMessage().startsWith("not a number") ? "write limits as name=number, e.g. steps=1000000" : e.getMessage();
                return usage(line.get("limits"), why);
            }
        }
        workspace.setLimits(limits);
        return ExecuteOutcome.OK;
    }

    private ExecuteOutcome sudo(String args, String body, CellIO io) {
        String mode = args.strip();
        if (!mode.equals("nopasswd") && !mode.equals("passwd")) return usage(line.get("sudo"), "say nopasswd or passwd");
        Session session = workspace.session();
        String user = session.user();
        MachineAdmin.setSudoWithoutPassword(session.machine(), user, mode.equals("nopasswd"));
        return ExecuteOutcome.OK;
    }

    private ExecuteOutcome lsmagic(String args, String body, CellIO io) {
        StringBuilder out = new StringBuilder("Available line magics:\n");
        List<String> names = new ArrayList<>();
        line.keySet().forEach(n -> names.add("%" + n));
        out.append(String.join("  ", names)).append("\n\nAvailable cell magics:\n");
        names.clear();
        cell.keySet().forEach(n -> names.add("%%" + n));
        out.append(String.join("  ", names)).append('\n');
        io.stream("stdout", out.toString());
        return ExecuteOutcome.OK;
    }

    private ExecuteOutcome help(String args, String body, CellIO io) {
        String name = args.strip().replaceFirst("^%+", "");
        if (!name.isEmpty()) {
            Magic m = line.containsKey(name) ? line.get(name) : cell.get(name);
            if (m == null) return usage(line.get("help"), "no magic '" + args.strip() + "'");
            io.stream("stdout", m.usage() + "\n  " + m.help() + "\n");
            return ExecuteOutcome.OK;
        }
        StringBuilder out = new StringBuilder(HelpText.OVERVIEW).append("\nMagics:\n");
        for (Magic m : line.values()) out.append(String.format("  %%%-10s %s%n", m.name(), m.help()));
        for (Magic m : cell.values()) out.append(String.format("  %%%%%-9s %s%n", m.name(), m.help()));
        io.stream("stdout", out.toString());
        return ExecuteOutcome.OK;
    }

    private ExecuteOutcome program(String args, String body, CellIO io) {
        String name = args.strip();
        if (name.isEmpty() || name.contains(" ")) return usage(cell.get("program"), "give the program one name");
        Session session = workspace.session();
        Process shell = session.shell();
        Credentials owner = shell.credentials();
        try {
            UserPrograms.install(session.machine(), name, body, owner.uid(), owner.gid());
            return ExecuteOutcome.OK;
        } catch (Source.Error e) {
            String message = "%%program " + name + ": " + e.getMessage();
            String[] lines = body.split("\n", -1);
            String offending = e.line() - 1 < lines.length ? lines[e.line() - 1] : "";
            return ExecuteOutcome.error("ProgramError", message,
                    List.of("  Cell line " + (e.line() + 1) + ": " + offending.strip(), "ProgramError: " + message));
        } catch (IllegalArgumentException e) {
            return usage(cell.get("program"), e.getMessage());
        }
    }

    private ExecuteOutcome java(String args, String body, CellIO io) {
        if (!args.isBlank()) return usage(cell.get("java"), "%%java takes no arguments");
        return javaSide.execute(body, 2, io);
    }

    private ExecuteOutcome sh(String args, String body, CellIO io) {
        if (!args.isBlank()) return usage(cell.get("sh"), "%%sh takes no arguments");
        return runner.runBody(body, 2, io).outcome();
    }
}
