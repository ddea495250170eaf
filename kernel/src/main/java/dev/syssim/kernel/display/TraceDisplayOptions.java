package dev.syssim.kernel.display;

import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.trace.render.LaneSelector;
import dev.syssim.sim.trace.render.TraceFilter;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code %trace} chose: the level the world records at, which lanes are shown, how many
 * events are drawn one by one (the rest are grouped and counted), and which formats the display
 * carries. {@code text/plain} is always carried, as every Jupyter display should be readable as text.
 */
public record TraceDisplayOptions(TraceLevel level, LaneSelector lanes, int maxEvents, Set<TraceFormat> formats) {

    /**
     * Events drawn one by one unless {@code --max} says otherwise: enough for any lecture story, and
     * small enough that a 100,000-event trace stays well under 300 KB in all formats together.
     */
    public static final int DEFAULT_MAX_EVENTS = 100;
    /** The largest {@code --max}: beyond it a diagram is unreadable and a notebook heavy. */
    public static final int LIMIT_MAX_EVENTS = 2_000;

    /** Tracing off; when turned on, every lane, {@link #DEFAULT_MAX_EVENTS}, every format. */
    public static final TraceDisplayOptions DEFAULT =
            new TraceDisplayOptions(TraceLevel.OFF, LaneSelector.ALL, DEFAULT_MAX_EVENTS, EnumSet.allOf(TraceFormat.class));

    /**
     * The variable (process environment, or kernel.json's env) that chooses the formats a kernel's
     * trace displays carry until {@code %trace --formats} says otherwise: a list as {@code --formats}
     * takes it. install/handouts.sh sets {@code all} when it makes PDF or Markdown handouts.
     */
    public static final String FORMATS_VARIABLE = "SYSSIM_TRACE_FORMATS";

    /**
     * The formats of a live kernel when {@link #FORMATS_VARIABLE} is not set: everything but the PNG.
     * Only a PDF or Markdown handout needs the PNG (nbconvert's LaTeX cannot draw the SVG); a live
     * notebook, trusted or not, shows the SVG image inside the HTML. Drawing and compressing the
     * PNG was most of a traced cell's cost: a traced {@code cat /etc/motd} took about 90 ms and
     * 120 KB with it, about 20 ms and 69 KB without, and the kernel's heap grew by the PNG's
     * full-size raster (README, Performance).
     */
    public static final Set<TraceFormat> LIVE_FORMATS = Collections.unmodifiableSet(
            EnumSet.of(TraceFormat.TEXT, TraceFormat.HTML, TraceFormat.JSON));

    /**
     * {@link #DEFAULT} with the formats {@code env} chooses ({@link #LIVE_FORMATS} unless
     * {@link #FORMATS_VARIABLE} is set); a value that is not a list of formats is reported in
     * {@code problems} and the live formats kept.
     */
    public static TraceDisplayOptions fromEnvironment(Map<String, String> env, List<String> problems) {
        Set<TraceFormat> formats = LIVE_FORMATS;
        String value = env.get(FORMATS_VARIABLE);
        if (value != null && !value.isBlank()) {
            Optional<Set<TraceFormat>> parsed = TraceFormat.parseList(value.strip());
            if (parsed.isPresent()) formats = parsed.get();
            else problems.add(FORMATS_VARIABLE + "=" + value + " ignored: expected a comma-separated list of text, html, png, json or all");
        }
        return new TraceDisplayOptions(DEFAULT.level(), DEFAULT.lanes(), DEFAULT.maxEvents(), formats);
    }

    public TraceDisplayOptions {
        EnumSet<TraceFormat> copy = EnumSet.of(TraceFormat.TEXT);
        copy.addAll(formats);
        formats = Collections.unmodifiableSet(copy);
        if (maxEvents < 2 || maxEvents > LIMIT_MAX_EVENTS) throw new IllegalArgumentException("maxEvents out of range: " + maxEvents);
    }

    public boolean tracing() {
        return level != TraceLevel.OFF;
    }

    public boolean includes(TraceFormat format) {
        return formats.contains(format);
    }

    /** The filter the renderers apply before drawing. */
    public TraceFilter filter() {
        return new TraceFilter(level, lanes, maxEvents);
    }

    public TraceDisplayOptions withLevel(TraceLevel newLevel) {
        return new TraceDisplayOptions(newLevel, lanes, maxEvents, formats);
    }

    /** One line for {@code %trace} without arguments: {@code trace: full, lanes all, max 100 events, formats text,html,png,json}. */
    public String describe() {
        return "trace: " + level.word() + ", lanes " + lanes + ", max " + maxEvents + " events, formats "
                + formats.stream().map(TraceFormat::word).collect(Collectors.joining(","));
    }
}
