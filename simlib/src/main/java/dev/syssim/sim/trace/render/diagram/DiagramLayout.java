package dev.syssim.sim.trace.render.diagram;

import dev.syssim.sim.trace.CpuMode;
import dev.syssim.sim.trace.Lane;
import dev.syssim.sim.trace.OmittedGroup;
import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.trace.render.EventLine;
import dev.syssim.sim.trace.render.EventWords;
import dev.syssim.sim.trace.render.Run;
import dev.syssim.sim.trace.render.TraceView;
import dev.syssim.sim.trace.render.Units;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lays out a trace as a sequence diagram: a column per lane (grouped under its machine), a row per
 * kept event with time flowing downward, the event's label in a column on the right (indented by
 * nesting), arrows between lanes, spans that show who held each machine's CPU in which mode (the
 * simulation's trace does not say which core, so a span is per machine: from the row where a lane
 * takes the CPU to its last row before another lane of that machine does),
 * repeats drawn once with a bracket and {@code × N}, the omitted middle as a band listing its
 * groups, and a legend of what is used. Rows are evenly spaced, not to scale: the time column
 * tells how far apart events are.
 */
public final class DiagramLayout {

    /** Labels longer than this are cut with an ellipsis in the diagram (the table has them whole). */
    public static final int MAX_LABEL_CHARS = 72;

    static final int PAD = 12;
    static final int ROW = 18;
    static final int SPAN_HALF = 5;
    private static final int MIN_LANE = 84;
    private static final int MACHINE_GAP = 10;
    private static final int GAP = 12;
    private static final int HEADER_TOP = 30;
    private static final int BAND_LINE = 16;
    private static final int LEGEND_SAMPLE = 34;

    public Diagram layout(TraceView view) {
        return new Builder(view).build();
    }

    /** The state of one layout; thrown away afterwards. */
    private static final class Builder {
        private final TraceView view;
        private final ArrowRule arrows;
        private final Map<Lane, Integer> centre = new HashMap<>();
        private final boolean anyLaneType;
        private final List<Shape> background = new ArrayList<>();
        private final List<Shape> lifelines = new ArrayList<>();
        private final List<Shape> bands = new ArrayList<>();
        private final List<Shape> spans = new ArrayList<>();
        private final List<Shape> marks = new ArrayList<>();
        private final List<Shape> texts = new ArrayList<>();
        private final Set<ArrowStyle> usedArrows = EnumSet.noneOf(ArrowStyle.class);
        private final Set<BoxStyle> usedSpans = EnumSet.noneOf(BoxStyle.class);
        private final Map<String, Holder> holders = new LinkedHashMap<>();
        private boolean usedDots;
        private boolean usedRepeats;
        private int timeRight;
        private int labelX;
        private int width;
        private int y;
        /** The time written on the last row, so an unchanged time is not written again. */
        private String lastTime = "";
        private int rowIndex;

        /** Who held a machine's CPU, in which mode, from the top of its first row to the bottom of its last. */
        private record Holder(Lane lane, BoxStyle style, int top, int bottom) {
        }

        Builder(TraceView view) {
            this.view = view;
            this.arrows = new ArrowRule(view);
            boolean typed = false;
            for (Lane lane : view.lanes()) typed |= showsType(lane);
            this.anyLaneType = typed;
        }

        Diagram build() {
            int timeChars = "time".length();
            for (EventLine line : view.lines()) timeChars = Math.max(timeChars, Units.time(line.event().time()).length());
            timeRight = PAD + TextStyle.TIME.width(timeChars);
            int lanesRight = placeLanes(timeRight + GAP);
            labelX = lanesRight + GAP;
            width = Math.max(labelX + labelWidth(), PAD + TextStyle.TITLE.width(title().length())) + PAD;
            width = Math.max(width, PAD + bandWidth() + PAD);

            texts.add(new Shape.Text(PAD, 20, title(), TextStyle.TITLE));
            int headerBottom = header();
            y = headerBottom + 4;
            texts.add(new Shape.Text(timeRight, headerBottom - 4, "time", TextStyle.TIME));
            texts.add(new Shape.Text(labelX, headerBottom - 4, "event", TextStyle.LABEL));
            runs(view.headRuns());
            if (view.hasOmitted()) band();
            runs(view.tailRuns());
            closeSpans();
            int rowsBottom = y;
            for (int x : centre.values().stream().sorted().toList()) {
                lifelines.add(new Shape.Line(x, headerBottom, x, rowsBottom, LineStyle.LIFELINE));
            }
            int height = legend(rowsBottom + 14) + PAD;

            List<Shape> shapes = new ArrayList<>();
            shapes.add(new Shape.Box(0, 0, width, height, BoxStyle.PAGE));
            shapes.addAll(background);
            shapes.addAll(lifelines);
            shapes.addAll(bands);
            shapes.addAll(spans);
            shapes.addAll(marks);
            shapes.addAll(texts);
            return new Diagram(width, height, title(), description(), shapes);
        }

        private String title() {
            return "syssim trace, " + view.summary();
        }

        // ---- columns -------------------------------------------------------------------------

        private int placeLanes(int left) {
            List<Lane> lanes = view.lanes();
            int x = left;
            int i = 0;
            while (i < lanes.size()) {
                String machine = lanes.get(i).machine();
                int start = x;
                int j = i;
                List<Integer> widths = new ArrayList<>();
                while (j < lanes.size() && lanes.get(j).machine().equals(machine)) {
                    widths.add(laneWidth(lanes.get(j)));
                    j++;
                }
                int sum = widths.stream().mapToInt(Integer::intValue).sum();
                int needed = TextStyle.MACHINE.width(machine.length()) + 12;
                if (needed > sum) widths.set(widths.size() - 1, widths.get(widths.size() - 1) + needed - sum);
                for (int k = i; k < j; k++) {
                    int w = widths.get(k - i);
                    centre.put(lanes.get(k), x + w / 2);
                    x += w;
                }
                machineHeader(machine, start, x - start);
                x += MACHINE_GAP;
                i = j;
            }
            return lanes.isEmpty() ? left : x - MACHINE_GAP;
        }

        private static int laneWidth(Lane lane) {
            int name = TextStyle.LANE.width(lane.name().length()) + 14;
            int type = TextStyle.LANE_TYPE.width(EventWords.laneType(lane.type()).length()) + 14;
            return Math.max(MIN_LANE, Math.max(name, type));
        }

        private static boolean showsType(Lane lane) {
            return !lane.name().equals(EventWords.laneType(lane.type()));
        }

        private void machineHeader(String machine, int x, int w) {
            background.add(new Shape.Box(x, HEADER_TOP, w, 18, BoxStyle.MACHINE));
            texts.add(new Shape.Text(x + w / 2, HEADER_TOP + 13, machine, TextStyle.MACHINE));
        }

        private int header() {
            int nameY = HEADER_TOP + 34;
            for (Lane lane : view.lanes()) {
                int x = centre.get(lane);
                texts.add(new Shape.Text(x, nameY, lane.name(), TextStyle.LANE));
                if (showsType(lane)) {
                    texts.add(new Shape.Text(x, nameY + 13, EventWords.laneType(lane.type()), TextStyle.LANE_TYPE));
                }
            }
            return nameY + (anyLaneType ? 13 : 0) + 10;
        }

        // ---- rows ----------------------------------------------------------------------------

        private int labelWidth() {
            int chars = "event".length();
            for (EventLine line : view.lines()) chars = Math.max(chars, 2 * line.depth() + label(line.event()).length());
            List<Run> runs = new ArrayList<>(view.headRuns());
            runs.addAll(view.tailRuns());
            for (Run run : runs) {
                if (run instanceof Run.Repeat repeat) {
                    chars = Math.max(chars, 2 * repeat.block().get(0).depth() + note(repeat).length());
                }
            }
            return TextStyle.LABEL.width(chars);
        }

        private static String note(Run.Repeat repeat) {
            int size = repeat.block().size();
            String above = size == 1 ? "the row above" : "the " + size + " rows above";
            return "\u00d7 " + Units.count(repeat.times()) + "  " + above + ", " + Units.count(repeat.times())
                    + " times in all, until " + Units.time(repeat.lastTime());
        }

        /**
         * A row's text: the event's label. Its details (the why of each step) are in the event table
         * beside the diagram and in the JSON; drawing them too doubled the diagram's bytes.
         */
        private static String label(TraceEvent event) {
            String text = event.label();
            return text.length() <= MAX_LABEL_CHARS ? text : text.substring(0, MAX_LABEL_CHARS - 1) + "\u2026";
        }

        private void runs(List<Run> runs) {
            for (Run run : runs) {
                if (run instanceof Run.Single single) {
                    row(single.line());
                } else if (run instanceof Run.Repeat repeat) {
                    int top = y;
                    for (EventLine line : repeat.block()) row(line);
                    repeatNote(repeat, top);
                }
            }
        }

        private void row(EventLine line) {
            TraceEvent event = line.event();
            stripe();
            int mid = y + ROW / 2;
            int baseline = y + 13;
            hold(event);
            // the time is written when it changes, as a log does: rows of the same instant read as one step
            String time = Units.time(event.time());
            if (!time.equals(lastTime)) texts.add(new Shape.Text(timeRight, baseline, time, TextStyle.TIME));
            lastTime = time;
            texts.add(new Shape.Text(labelX + TextStyle.LABEL.width(2 * line.depth()), baseline, label(event), TextStyle.LABEL));
            Integer at = centre.get(event.lane());
            arrows.arrow(event).ifPresentOrElse(link -> {
                int from = centre.get(link.from());
                int to = centre.get(link.to());
                int dir = Integer.signum(to - from);
                marks.add(new Shape.Arrow(from + dir * SPAN_HALF, to - dir * SPAN_HALF, mid, link.style()));
                usedArrows.add(link.style());
            }, () -> {
                marks.add(new Shape.Dot(at, mid));
                usedDots = true;
            });
            y += ROW;
            rowIndex++;
        }

        private void stripe() {
            if (rowIndex % 2 == 1) background.add(new Shape.Box(PAD, y, width - 2 * PAD, ROW, BoxStyle.ZEBRA));
        }

        private void repeatNote(Run.Repeat repeat, int top) {
            stripe();
            String note = note(repeat);
            int indent = TextStyle.LABEL.width(2 * repeat.block().get(0).depth());
            marks.add(new Shape.Line(labelX - 5, top + 3, labelX - 5, y - 3, LineStyle.BRACKET));
            texts.add(new Shape.Text(labelX + indent, y + 13, note, TextStyle.NOTE));
            usedRepeats = true;
            y += ROW;
            rowIndex++;
        }

        // ---- spans: who holds each machine's CPU, in which mode ------------------------------

        private void hold(TraceEvent event) {
            BoxStyle style = spanStyle(event.mode());
            if (style == null) return;
            Holder current = holders.get(event.machine());
            if (current != null && current.lane().equals(event.lane()) && current.style() == style) {
                holders.put(event.machine(), new Holder(current.lane(), style, current.top(), y + ROW));
                return;
            }
            if (current != null) closeSpan(current);
            holders.put(event.machine(), new Holder(event.lane(), style, y, y + ROW));
        }

        private static BoxStyle spanStyle(CpuMode mode) {
            return switch (mode) {
                case USER -> BoxStyle.USER;
                case KERNEL -> BoxStyle.KERNEL;
                case HYPERVISOR -> BoxStyle.HYPERVISOR;
                case NONE -> null;
            };
        }

        private void closeSpans() {
            for (Holder holder : holders.values()) closeSpan(holder);
            holders.clear();
        }

        /**
         * A span ends with its holder's last row: a machine that goes quiet (waiting for a packet,
         * idle) is not drawn as if it kept running.
         */
        private void closeSpan(Holder holder) {
            Integer x = centre.get(holder.lane());
            if (x == null) return;
            spans.add(new Shape.Box(x - SPAN_HALF, holder.top() + 1, 2 * SPAN_HALF, holder.bottom() - holder.top() - 2, holder.style()));
            usedSpans.add(holder.style());
        }

        // ---- the omitted middle --------------------------------------------------------------

        private List<String> bandLines() {
            List<String> lines = new ArrayList<>();
            lines.add("\u2026 " + view.omittedSentence());
            List<OmittedGroup> groups = view.snapshot().omitted();
            int countWidth = 1;
            for (OmittedGroup group : groups) countWidth = Math.max(countWidth, Units.count(group.count()).length());
            int laneWidth = 1;
            for (OmittedGroup group : groups) laneWidth = Math.max(laneWidth, group.lane().title().length());
            for (OmittedGroup group : view.listedGroups()) {
                String count = Units.count(group.count());
                lines.add(" ".repeat(countWidth - count.length()) + count + " \u00d7  " + padded(group.lane().title(), laneWidth)
                        + "  " + padded(EventWords.kind(group.kind()), 9) + "  " + group.label());
            }
            if (view.unlistedGroups() > 0) {
                lines.add("\u2026 and " + Units.plural(view.unlistedGroups(), "more group") + " ("
                        + Units.plural(view.unlistedEvents(), "event") + ")");
            }
            return lines;
        }

        private static String padded(String text, int width) {
            return text.length() >= width ? text : text + " ".repeat(width - text.length());
        }

        private int bandWidth() {
            if (!view.hasOmitted()) return 0;
            int chars = 0;
            for (String line : bandLines()) chars = Math.max(chars, line.length());
            return TextStyle.BAND.width(chars) + 2 * PAD;
        }

        private void band() {
            lastTime = "";
            closeSpans();
            List<String> lines = bandLines();
            int top = y + 6;
            int height = 8 + lines.size() * BAND_LINE;
            bands.add(new Shape.Box(PAD, top, width - 2 * PAD, height, BoxStyle.BAND));
            int baseline = top + 16;
            texts.add(new Shape.Text(2 * PAD, baseline, lines.get(0), TextStyle.BAND_TITLE));
            for (String line : lines.subList(1, lines.size())) {
                baseline += BAND_LINE;
                texts.add(new Shape.Text(2 * PAD, baseline, line, TextStyle.BAND));
            }
            y = top + height + 6;
            rowIndex = 0;
        }

        // ---- legend --------------------------------------------------------------------------

        private int legend(int top) {
            List<Shape> samples = new ArrayList<>();
            List<String> meanings = new ArrayList<>();
            for (BoxStyle style : usedSpans) {
                samples.add(new Shape.Box(0, -6, LEGEND_SAMPLE, 10, style));
                meanings.add(style.meaning());
            }
            for (ArrowStyle style : usedArrows) {
                samples.add(new Shape.Arrow(0, LEGEND_SAMPLE, -1, style));
                meanings.add(style.meaning());
            }
            if (usedDots) {
                samples.add(new Shape.Dot(LEGEND_SAMPLE / 2, -1));
                meanings.add("event on its own lane");
            }
            if (usedRepeats) {
                samples.add(new Shape.Text(LEGEND_SAMPLE / 2 - 10, 3, "\u00d7 N", TextStyle.NOTE));
                meanings.add("rows repeated N times");
            }
            if (samples.isEmpty()) return top - 14;
            int chars = 0;
            for (String meaning : meanings) chars = Math.max(chars, meaning.length());
            int column = LEGEND_SAMPLE + 8 + TextStyle.LEGEND.width(chars) + 18;
            int columns = Math.max(1, Math.min(samples.size(), (width - 2 * PAD) / column));
            int rows = (samples.size() + columns - 1) / columns;
            texts.add(new Shape.Text(PAD, top + 12, "legend", TextStyle.BAND_TITLE));
            int first = top + 32;
            for (int i = 0; i < samples.size(); i++) {
                int x = PAD + (i / rows) * column;
                int rowY = first + (i % rows) * ROW;
                marks.add(moved(samples.get(i), x, rowY));
                texts.add(new Shape.Text(x + LEGEND_SAMPLE + 8, rowY + 4, meanings.get(i), TextStyle.LEGEND));
            }
            return first + (rows - 1) * ROW + 8;
        }

        private static Shape moved(Shape shape, int dx, int dy) {
            if (shape instanceof Shape.Box b) return new Shape.Box(b.x() + dx, b.y() + dy, b.width(), b.height(), b.style());
            if (shape instanceof Shape.Arrow a) return new Shape.Arrow(a.x1() + dx, a.x2() + dx, a.y() + dy, a.style());
            if (shape instanceof Shape.Dot d) return new Shape.Dot(d.x() + dx, d.y() + dy);
            if (shape instanceof Shape.Text t) return new Shape.Text(t.x() + dx, t.y() + dy, t.text(), t.style());
            return shape;
        }

        // ---- for screen readers --------------------------------------------------------------

        private String description() {
            StringBuilder d = new StringBuilder("Sequence diagram of a syssim trace, time flowing downward, one row per event. ");
            d.append("Lanes, left to right: ");
            List<Lane> lanes = view.lanes();
            for (int i = 0; i < lanes.size(); i++) {
                if (i > 0) d.append("; ");
                d.append(lanes.get(i).title()).append(" (").append(EventWords.laneType(lanes.get(i).type())).append(')');
            }
            d.append(". ");
            if (view.hasOmitted()) {
                d.append("The first and last events are drawn one by one; ").append(view.omittedSentence())
                        .append(" are listed in a band between them. ");
            }
            d.append("Arrows show traps, returns, interrupts, device requests, packets and firewall verdicts; ")
                    .append("shaded spans show which lane held the CPU in user, kernel or hypervisor mode.");
            return d.toString();
        }
    }
}
