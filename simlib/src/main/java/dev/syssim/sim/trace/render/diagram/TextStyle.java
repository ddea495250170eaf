package dev.syssim.sim.trace.render.diagram;

/**
 * How a text looks. Every text is monospaced, so the layout can measure it by counting characters
 * ({@link #charWidth()}) and both painters agree on where it ends.
 */
public enum TextStyle {
    TITLE("title", 13, true, false, Anchor.START, 0x000000),
    MACHINE("machine", 12, true, false, Anchor.MIDDLE, 0x000000),
    LANE("lane", 11, false, false, Anchor.MIDDLE, 0x000000),
    LANE_TYPE("lanetype", 10, false, true, Anchor.MIDDLE, 0x555555),
    TIME("time", 11, false, false, Anchor.END, 0x444444),
    LABEL("label", 11, false, false, Anchor.START, 0x000000),
    NOTE("note", 11, false, true, Anchor.START, 0x222222),
    BAND_TITLE("bandtitle", 11, true, false, Anchor.START, 0x000000),
    BAND("band", 11, false, false, Anchor.START, 0x222222),
    LEGEND("legend", 11, false, false, Anchor.START, 0x000000);

    /** Advance of one character of DejaVu Sans Mono, in ems (0.602); other monospace fonts are close. */
    public static final double EM_PER_CHAR = 0.602;

    private final String id;
    private final int size;
    private final boolean bold;
    private final boolean italic;
    private final Anchor anchor;
    private final int rgb;

    TextStyle(String id, int size, boolean bold, boolean italic, Anchor anchor, int rgb) {
        this.id = id;
        this.size = size;
        this.bold = bold;
        this.italic = italic;
        this.anchor = anchor;
        this.rgb = rgb;
    }

    public String id() {
        return id;
    }

    /** Font size in CSS pixels. */
    public int size() {
        return size;
    }

    public boolean bold() {
        return bold;
    }

    public boolean italic() {
        return italic;
    }

    public Anchor anchor() {
        return anchor;
    }

    public int rgb() {
        return rgb;
    }

    /** The width of one character in CSS pixels. */
    public double charWidth() {
        return size * EM_PER_CHAR;
    }

    /** The width of {@code chars} characters, rounded up to whole pixels. */
    public int width(int chars) {
        return (int) Math.ceil(chars * charWidth());
    }
}
