package dev.syssim.sim.trace.render;

/** Escaping for text placed in XML or HTML (SVG, the HTML table, attributes). */
public final class Markup {

    private Markup() {
    }

    /**
     * Escapes {@code & < > " '} so any label can sit in element content or a quoted attribute, and
     * drops control characters XML 1.0 cannot carry (a label could contain a raw byte from a file).
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') out.append(c);
                    else out.append('\ufffd');
                }
            }
        }
        return out.toString();
    }
}
