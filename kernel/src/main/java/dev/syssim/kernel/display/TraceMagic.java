package dev.syssim.kernel.display;

import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.trace.render.LaneSelector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The arguments of the {@code %trace} line magic: a level word and options, applied on top of the
 * current options (what is not mentioned stays as it was). Bad arguments are an answer, not an
 * exception: the evaluator shows the message, which ends with the usage.
 */
public final class TraceMagic {

    /** What {@code %trace --help} prints, and what every error message ends with. */
    public static final String USAGE = String.join("\n",
            "usage: %trace [off|syscalls|interrupts|full] [--lanes LIST] [--max N] [--formats LIST]",
            "  off|syscalls|interrupts|full  what the world records: nothing; syscalls, processes, signals,",
            "                                packets and firewall verdicts; also interrupts, exceptions,",
            "                                context switches and VM exits; also mode switches, device",
            "                                requests, blocking, memory and the kernel log",
            "  --lanes LIST    lanes to show, comma-separated: a lane type (process, kernel, device,",
            "                  hypervisor, network, firewall), a machine (border), or both (border:firewall);",
            "                  'all' shows every lane",
            "  --max N         events drawn one by one, 2 to " + TraceDisplayOptions.LIMIT_MAX_EVENTS
                    + " (default " + TraceDisplayOptions.DEFAULT_MAX_EVENTS + "); the rest are grouped and counted",
            "  --formats LIST  what the display carries, comma-separated: text, html, png, json, or 'all';",
            "                  text is always included (e.g. --formats text,png for a PDF handout);",
            "                  default text,html,json, or the kernel's SYSSIM_TRACE_FORMATS",
            "  %trace          without arguments: show the current settings",
            "");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** What a {@code %trace} line does. */
    public sealed interface Result permits Apply, Show, Error {
    }

    /** New options to use from now on. */
    public record Apply(TraceDisplayOptions options) implements Result {
    }

    /** Text to print, options unchanged ({@code %trace} alone, {@code --help}). */
    public record Show(String text) implements Result {
    }

    /** Bad arguments: print {@code message} as the cell's error; options unchanged. */
    public record Error(String message) implements Result {
    }

    private TraceMagic() {
    }

    public static Result parse(String arguments, TraceDisplayOptions current) {
        List<String> words = new ArrayList<>(List.of(arguments.strip().split("\\s+")));
        words.removeIf(String::isEmpty);
        if (words.isEmpty()) return new Show(current.describe() + "\n");
        if (words.contains("--help") || words.contains("-h")) return new Show(USAGE);

        TraceLevel level = current.level();
        LaneSelector lanes = current.lanes();
        int max = current.maxEvents();
        Set<TraceFormat> formats = current.formats();
        boolean levelGiven = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String option = word;
            String value = null;
            int equals = word.indexOf('=');
            if (word.startsWith("--") && equals > 0) {
                option = word.substring(0, equals);
                value = word.substring(equals + 1);
            }
            if (!option.startsWith("-")) {
                Optional<TraceLevel> parsed = TraceLevel.parse(word);
                if (parsed.isEmpty()) return error("unknown level '" + word + "' (expected off, syscalls, interrupts or full)");
                if (levelGiven) return error("more than one level given");
                level = parsed.get();
                levelGiven = true;
                continue;
            }
            if (!List.of("--level", "--lanes", "--max", "--formats").contains(option)) {
                return error("unknown option '" + option + "'");
            }
            if (value == null) {
                if (i + 1 >= words.size()) return error(option + " needs a value");
                value = words.get(++i);
            }
            switch (option) {
                case "--level" -> {
                    Optional<TraceLevel> parsed = TraceLevel.parse(value);
                    if (parsed.isEmpty()) return error("unknown level '" + value + "' (expected off, syscalls, interrupts or full)");
                    if (levelGiven) return error("more than one level given");
                    level = parsed.get();
                    levelGiven = true;
                }
                case "--lanes" -> {
                    Result bad = null;
                    List<String> selected = new ArrayList<>();
                    for (String lane : value.split(",", -1)) {
                        if (!lane.equals("all") && !validLane(lane)) {
                            bad = error("--lanes: '" + lane + "' is neither a lane type (process, kernel, device, hypervisor, "
                                    + "network, firewall), a machine name, nor machine:type");
                            break;
                        }
                        selected.add(lane);
                    }
                    if (bad != null) return bad;
                    lanes = selected.contains("all") ? LaneSelector.ALL : new LaneSelector(selected);
                }
                case "--max" -> {
                    Integer n = wholeNumber(value);
                    if (n == null || n < 2 || n > TraceDisplayOptions.LIMIT_MAX_EVENTS) {
                        return error("--max needs a whole number from 2 to " + TraceDisplayOptions.LIMIT_MAX_EVENTS
                                + ", not '" + value + "'");
                    }
                    max = n;
                }
                default -> {
                    Optional<Set<TraceFormat>> chosen = TraceFormat.parseList(value);
                    if (chosen.isEmpty()) {
                        String unknown = Arrays.stream(value.split(",", -1))
                                .filter(w -> !w.equals("all") && TraceFormat.parse(w).isEmpty()).findFirst().orElse(value);
                        return error("--formats: unknown format '" + unknown + "' (expected text, html, png, json or all)");
                    }
                    formats = chosen.get();
                }
            }
        }
        return new Apply(new TraceDisplayOptions(level, lanes, max, formats));
    }

    private static boolean validLane(String word) {
        int colon = word.indexOf(':');
        if (colon < 0) return NAME.matcher(word).matches();
        return NAME.matcher(word.substring(0, colon)).matches() && LaneSelector.isTypeWord(word.substring(colon + 1));
    }

    private static Integer wholeNumber(String text) {
        if (!text.matches("[0-9]{1,9}")) return null;
        return Integer.parseInt(text);
    }

    private static Error error(String problem) {
        return new Error("%trace: " + problem + "\n" + USAGE);
    }
}
