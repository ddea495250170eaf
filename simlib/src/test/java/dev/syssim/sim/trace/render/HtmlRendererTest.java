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
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlRendererTest {

    private final HtmlRenderer html = new HtmlRenderer();

    @Test
    void noInlineSvgAndNoScriptSoUntrustedNotebooksKeepIt() {
        String out = html.render(LectureStories.catMotd()).toLowerCase(Locale.ROOT);
        assertFalse(out.contains("<svg"), "an inline <svg> is removed by the sanitizer of untrusted notebooks");
        assertFalse(out.contains("<script"));
        assertFalse(out.contains("<style"));
        assertFalse(Pattern.compile("\\son[a-z]+=").matcher(out).find(), "no event handler attributes");
    }

    @Test
    void diagramIsAnImageWhoseDataUriIsTheSvg() {
        TraceSnapshot snapshot = LectureStories.catMotd();
        String out = html.render(snapshot);
        Matcher m = Pattern.compile("<img src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\" width=\"\\d+\" height=\"\\d+\" alt=\"[^\"]+\">")
                .matcher(out);
        assertTrue(m.find(), out.substring(0, 200));
        String decoded = new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8);
        assertEquals(new SvgRenderer().render(snapshot), decoded);
    }

    @Test
    void eventsAreInACollapsibleTable() {
        String out = html.render(LectureStories.catMotd());
        assertTrue(out.contains("<details>\n<summary>Event table (level full: 32 events on 5 lanes)</summary>\n<table>"), out);
        assertTrue(out.contains("<td>openat(AT_FDCWD, &quot;/etc/motd&quot;, O_RDONLY)</td>"), out);
        assertEquals(32 + 1, count(out, "<tr>"), "a header row and one row per event");
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
        assertTrue(out.contains("<td>33,106 \u00d7</td><td>laptop: yes[1301]</td>"), out);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
        return n;
    }
}
