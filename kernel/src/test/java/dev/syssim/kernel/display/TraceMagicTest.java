package dev.syssim.kernel.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.trace.render.LaneSelector;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceMagicTest {

    private static final TraceDisplayOptions DEFAULT = TraceDisplayOptions.DEFAULT;

    private static TraceDisplayOptions apply(String arguments, TraceDisplayOptions current) {
        return assertInstanceOf(TraceMagic.Apply.class, TraceMagic.parse(arguments, current)).options();
    }

    private static String error(String arguments) {
        return assertInstanceOf(TraceMagic.Error.class, TraceMagic.parse(arguments, DEFAULT)).message();
    }

    @Test
    void levelWordSetsTheLevelAndKeepsTheRest() {
        TraceDisplayOptions options = apply("full", DEFAULT);
        assertEquals(TraceLevel.FULL, options.level());
        assertEquals(DEFAULT.maxEvents(), options.maxEvents());
        assertEquals(DEFAULT.formats(), options.formats());
    }

    @Test
    void optionsAccumulateOverSeveralMagics() {
        TraceDisplayOptions first = apply("interrupts --max 40", DEFAULT);
        TraceDisplayOptions second = apply("--formats text,png", first);
        assertEquals(TraceLevel.INTERRUPTS, second.level());
        assertEquals(40, second.maxEvents());
        assertEquals(EnumSet.of(TraceFormat.TEXT, TraceFormat.PNG), second.formats());
    }

    @Test
    void lanesTakeTypesMachinesAndMachineColonType() {
        TraceDisplayOptions options = apply("--lanes=process,border,border:firewall", DEFAULT);
        assertEquals(new LaneSelector(List.of("process", "border", "border:firewall")), options.lanes());
        assertEquals(LaneSelector.ALL, apply("--lanes all", options).lanes());
    }

    @Test
    void textIsAlwaysIncluded() {
        assertEquals(EnumSet.of(TraceFormat.TEXT, TraceFormat.PNG), apply("--formats png", DEFAULT).formats());
    }

    @Test
    void noArgumentsShowsTheCurrentSettings() {
        TraceMagic.Result result = TraceMagic.parse("  ", apply("full", DEFAULT));
        assertEquals("trace: full, lanes all, max 100 events, formats text,html,png,json\n",
                assertInstanceOf(TraceMagic.Show.class, result).text());
    }

    @Test
    void helpShowsUsage() {
        assertEquals(TraceMagic.USAGE, assertInstanceOf(TraceMagic.Show.class, TraceMagic.parse("--help", DEFAULT)).text());
    }

    @Test
    void badArgumentsSayWhatIsWrongThenTheUsage() {
        assertTrue(error("verbose").startsWith("%trace: unknown level 'verbose' (expected off, syscalls, interrupts or full)\nusage: %trace"));
        assertTrue(error("--max lots").startsWith("%trace: --max needs a whole number from 2 to 2000, not 'lots'"));
        assertTrue(error("--max 1").startsWith("%trace: --max needs a whole number"));
        assertTrue(error("--formats svg").startsWith("%trace: --formats: unknown format 'svg'"));
        assertTrue(error("--lanes border:router").startsWith("%trace: --lanes: 'border:router' is neither"));
        assertTrue(error("--colour").startsWith("%trace: unknown option '--colour'"));
        assertTrue(error("--max").startsWith("%trace: --max needs a value"));
        assertTrue(error("full syscalls").startsWith("%trace: more than one level given"));
    }
}
