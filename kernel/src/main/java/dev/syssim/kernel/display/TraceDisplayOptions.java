package dev.syssim.kernel.display;

import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.trace.render.LaneSelector;
import dev.syssim.sim.trace.render.TraceFilter;
import java.util.Collections;
import java.util.EnumSet;
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
