package dev.syssim.sim.trace.render;

import java.util.List;

/** A stretch of kept events as renderers show it: one event, or a block of events repeated. */
public sealed interface Run permits Run.Single, Run.Repeat {

    /** The events this run stands for one by one (a repeat counts its block once per time). */
    long eventCount();

    /** One event shown on its own line. */
    record Single(EventLine line) implements Run {
        @Override
        public long eventCount() {
            return 1;
        }
    }

    /**
     * A block of events that happened {@code times} times in a row; renderers show the block once
     * and say {@code x times}. {@code lastTime} is when the last repetition's last event happened.
     */
    record Repeat(List<EventLine> block, int times, long lastTime) implements Run {
        public Repeat {
            block = List.copyOf(block);
            if (block.isEmpty() || times < 2) throw new IllegalArgumentException("a repeat needs a block and times >= 2");
        }

        @Override
        public long eventCount() {
            return (long) block.size() * times;
        }
    }
}
