package dev.syssim.sim.trace.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.trace.CpuMode;
import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.Lane;
import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.trace.TraceSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class HtmlRendererTest {

    private final HtmlRenderer html = new HtmlRenderer();

    @Test
    void noInlineSvgAndNoScriptSoUntrustedNotebooksKeepIt() {
        String out = html.render(LectureStories.catMotd()).toLowerCase(Locale.ROOT);
        // the diagram's SVG stands inside the image's src attribute, where it is no element
        out = out.replaceAll("src=\"data:image/svg\\+xml,[^\"]*\"", "src=\"\"");
        assertFalse(out.contains("<svg"), "an inline <svg> is removed by the sanitizer of untrusted notebooks");
        assertFalse(out.contains("<script"));
        assertFalse(out.contains("<style"));
        assertFalse(Pattern.compile("\\son[a-z]+=").matcher(out).find(), "no event handler attributes");
    }

    @Test
    void diagramIsAnImageWhoseDataUriIsTheSvgsXml() throws Exception {
        TraceSnapshot snapshot = LectureStories.catMotd();
        String out = html.render(snapshot);
        Matcher m = Pattern.compile("<img src=\"data:image/svg\\+xml,([^\"]+)\" width=\"\\d+\" height=\"\\d+\" alt=\"[^\"]+\">")
                .matcher(out);
        assertTrue(m.find(), out.substring(0, 200));
        Document shown = xml(percentDecoded(m.group(1)));
        // the data URI leaves out the line breaks between tags (whitespace SVG does not draw)
        Document drawn = xml(new SvgRenderer().render(snapshot).replace(">\n<", "><"));
        assertTrue(shown.getDocumentElement().isEqualNode(drawn.getDocumentElement()), () -> "the image's SVG is the same XML as the SVG renderer's:\n"
                + percentDecoded(m.group(1)).substring(0, 400));
    }

    @Test
    void theDataUriHoldsNothingThatWouldEndTheAttributeOrTheUrl() {
        String uri = HtmlRenderer.svgDataUri("<svg a=\"1\" b=\"x'y\"><text>100% #1 &amp; \u00d7</text>\n</svg>");
        assertEquals("data:image/svg+xml,<svg a='1' b='x%26%2339;y'><text>100%25 %231 %26amp; \u00d7</text></svg>", uri);
        assertEquals("data:image/svg+xml,<text>a%0Ab</text><style>p{}%0Aq{}</style>", HtmlRenderer.svgDataUri("<text>a\nb</text>\n<style>p{}\nq{}</style>"),
                "only a line break between two tags is left out");
    }

    @Test
    void theDataUriIsHardlyLongerThanTheSvgWhereBase64WouldBeAThirdLonger() {
        String svgDocument = new SvgRenderer().render(LectureStories.catMotd());
        int uri = HtmlRenderer.svgDataUri(svgDocument).getBytes(StandardCharsets.UTF_8).length;
        assertTrue(uri < svgDocument.getBytes(StandardCharsets.UTF_8).length * 1.05, uri + " bytes");
    }

    private static String percentDecoded(String uri) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        byte[] raw = uri.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%') {
                bytes.write(Integer.parseInt(new String(raw, i + 1, 2, StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Document xml(String text) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        document.normalizeDocument();
        return document;
    }

    @Test
    void eventsAreInACollapsibleTable() {
        String out = html.render(LectureStories.catMotd());
        assertTrue(out.contains("<details>\n<summary>Event table (level full: 32 events on 5 lanes)</summary>\n<table>"), out);
        assertTrue(out.contains("<td>openat(AT_FDCWD, &quot;/etc/motd&quot;, O_RDONLY)\n"), out);
        assertEquals(32 + 1, count(out, "<tr>"), "a header row and one row per event");
    }

    @Test
    void tableCellsAndRowsLeaveOutTheirOptionalEndTagsSoEveryEventRowHasFiveCells() {
        String out = html.render(LectureStories.catMotd());
        assertFalse(out.contains("</td>") || out.contains("</tr>") || out.contains("</th>"), "the next <td> or <tr> ends a cell or row");
        String body = out.substring(out.indexOf("<tbody>\n") + 8, out.indexOf("</tbody>"));
        for (String row : body.split("\n")) {
            assertTrue(row.startsWith("<tr><td>"), row);
            assertEquals(5, count(row, "<td>"), row);
        }
    }

    @Test
    void aTimeOrLaneEqualToTheRowAbovesIsLeftBlankAsInALog() {
        String out = html.render(LectureStories.catMotd());
        String body = out.substring(out.indexOf("<tbody>\n") + 8, out.indexOf("</tbody>"));
        String[] rows = body.split("\n");
        int blankLanes = 0;
        for (String row : rows) if (row.startsWith("<tr><td><td><td>") || row.matches("<tr><td>[^<]+<td><td>.*")) blankLanes++;
        assertTrue(blankLanes > 0, body);
        assertTrue(rows[0].matches("<tr><td>0\\.0+ s<td>laptop: [^<]+<td>.*"), "the first row names its time and lane: " + rows[0]);
        assertTrue(count(out, "<td>laptop: ") < rows.length, "a lane is named only where it changes");
    }

    @Test
    void labelsWithMarkupCharactersAreEscaped() {
        TraceEvent e = new TraceEvent(1, 0, Lane.process("laptop", "sh", 7), CpuMode.USER, EventKind.COMPUTE,
                "<img src=x onerror=alert(1)> & \"q\" 'a'", "", TraceEvent.NO_CAUSE);
        String out = html.render(TraceSnapshot.of(TraceLevel.FULL, List.of(e)));
        assertTrue(out.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &#39;a&#39;"), out);
        assertEquals(1, count(out, "<img"), "only the diagram is an image");
    }

    @Test
    void omittedGroupsAppearInTheTable() {
        String out = html.render(LongTraces.yes(100_000, 12, 8));
        assertTrue(out.contains("<b>\u2026 99,980 more events (grouped)</b>"), out);
        assertTrue(out.contains("<td>33,106 \u00d7<td>laptop: yes[1301]<td>"), out);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
        return n;
    }
}
