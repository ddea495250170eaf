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
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import dev.syssim.sim.trace.render.diagram.ArrowStyle;
import dev.syssim.sim.trace.render.diagram.BoxStyle;
import dev.syssim.sim.trace.render.diagram.LineStyle;
import dev.syssim.sim.trace.render.diagram.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class SvgRendererTest {

    private final SvgRenderer svg = new SvgRenderer();

    static Map<String, TraceSnapshot> stories() {
        return Map.of("cat-motd", LectureStories.catMotd(), "sneaky-cli", LectureStories.sneakyCli(),
                "two-spins", LectureStories.twoSpinsOneCore(), "syn-dropped", LectureStories.synDroppedAtBorder(),
                "vm-exit-io", LectureStories.vmExitIoInstruction());
    }

    @Test
    void storiesMatchTheirGoldenDiagrams() {
        stories().forEach((name, snapshot) -> Golden.assertMatches(name + ".svg", svg.render(snapshot)));
    }

    @Test
    void longTraceDrawsTheOmittedBandWithItsGroups() {
        String out = svg.render(LongTraces.yes(100_000, 12, 8));
        Golden.assertMatches("long-trace.svg", out);
        assertTrue(out.contains(">\u2026 99,980 more events (grouped)</text>"), out);
        assertTrue(out.contains("33,106 \u00d7  laptop: yes[1301]"), out);
    }

    @Test
    void sameSnapshotGivesSameBytes() {
        for (TraceSnapshot snapshot : stories().values()) {
            assertEquals(svg.render(snapshot), svg.render(snapshot));
        }
    }

    @Test
    void everyDiagramIsWellFormedXmlWithTitleDescAndATextPerLane() throws Exception {
        for (TraceSnapshot snapshot : stories().values()) {
            Document doc = parse(svg.render(snapshot));
            assertEquals("svg", doc.getDocumentElement().getTagName());
            assertEquals(1, doc.getElementsByTagName("title").getLength());
            assertEquals(1, doc.getElementsByTagName("desc").getLength());
            List<String> texts = texts(doc);
            for (Lane lane : TraceView.of(snapshot).lanes()) {
                assertTrue(texts.contains(lane.name()), "no <text> for lane " + lane);
                assertTrue(texts.contains(lane.machine()), "no <text> for machine " + lane.machine());
            }
        }
    }

    @Test
    void labelsWithMarkupCharactersAreEscaped() throws Exception {
        String label = "echo \"<b>\" & 'x' > /tmp/a";
        TraceEvent e = new TraceEvent(1, 0, Lane.process("laptop", "sh<1>", 7), CpuMode.USER, EventKind.COMPUTE, label, "",
                TraceEvent.NO_CAUSE);
        String out = svg.render(TraceSnapshot.of(TraceLevel.FULL, List.of(e)));
        assertFalse(out.contains("<b>"), out);
        Document doc = parse(out);
        assertTrue(texts(doc).contains(label), "label must survive escaping intact");
        assertTrue(texts(doc).contains("sh<1>[7]"), "lane names are escaped too");
    }

    @Test
    void grayscaleReadersGetDashPatternsNotColourAlone() {
        String out = svg.render(LectureStories.catMotd());
        assertTrue(out.contains(".ret{stroke:#1f4e79;stroke-width:1.2;stroke-dasharray:6,3"), out);
        assertTrue(out.contains("<pattern id=\"hatch-user\""), out);
    }

    @Test
    void cssClassNamesAreDistinctAcrossAllStyles() {
        List<String> ids = new ArrayList<>(List.of("dot"));
        for (TextStyle style : TextStyle.values()) ids.add(style.id());
        for (BoxStyle style : BoxStyle.values()) ids.add(style.id());
        for (LineStyle style : LineStyle.values()) ids.add(style.id());
        for (ArrowStyle style : ArrowStyle.values()) ids.add(style.id());
        assertEquals(ids.size(), new HashSet<>(ids).size(), "one CSS class would style two kinds of shape: " + ids);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document doc) {
        NodeList nodes = doc.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent());
        return out;
    }
}
