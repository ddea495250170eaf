package dev.syssim.kernel.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.trace.TraceSnapshot;
import dev.syssim.sim.trace.render.LaneSelector;
import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class TraceBundleTest {

    private static final TraceDisplayOptions FULL = TraceDisplayOptions.DEFAULT.withLevel(TraceLevel.FULL);
    private static final Gson GSON = new Gson();

    @Test
    void tracedCellCarriesTextHtmlPngAndJson() {
        DisplayBundle bundle = TraceBundle.build(TraceFixtures.catMotd(), FULL).orElseThrow();
        assertEquals(List.of("text/plain", "text/html", "image/png", "application/vnd.syssim.trace+json"),
                List.copyOf(bundle.data().keySet()));
        assertTrue(((String) bundle.data().get("text/plain")).startsWith("trace, level full: "));
        assertTrue(((String) bundle.data().get("text/html")).contains("<img src=\"data:image/svg+xml,<?xml"));
        assertTrue(bundle.data().get("application/vnd.syssim.trace+json") instanceof Map);
    }

    @Test
    void pngIsBase64WithItsCssSizeInTheMetadata() throws Exception {
        DisplayBundle bundle = TraceBundle.build(TraceFixtures.catMotd(), FULL).orElseThrow();
        byte[] png = Base64.getDecoder().decode((String) bundle.data().get("image/png"));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        Map<?, ?> size = (Map<?, ?>) bundle.metadata().get("image/png");
        int cssHeight = (Integer) size.get("height");
        int scale = cssHeight > dev.syssim.sim.trace.render.PngRenderer.TALL ? 1 : 2;
        assertEquals(image.getWidth(), scale * (Integer) size.get("width"));
        assertEquals(image.getHeight(), scale * cssHeight);
    }

    @Test
    void offOrEmptyTraceShowsNothing() {
        assertTrue(TraceBundle.build(TraceFixtures.catMotd(), TraceDisplayOptions.DEFAULT).isEmpty());
        assertTrue(TraceBundle.build(TraceSnapshot.of(TraceLevel.FULL, List.of()), FULL).isEmpty());
    }

    @Test
    void formatsLeaveOutWhatWasNotAskedForButAlwaysKeepText() {
        TraceDisplayOptions pngOnly = new TraceDisplayOptions(TraceLevel.FULL, LaneSelector.ALL, 100, EnumSet.of(TraceFormat.PNG));
        DisplayBundle bundle = TraceBundle.build(TraceFixtures.catMotd(), pngOnly).orElseThrow();
        assertEquals(List.of("text/plain", "image/png"), List.copyOf(bundle.data().keySet()));
    }

    @Test
    void lanesFilterKeepsOnlyTheChosenLanes() {
        TraceDisplayOptions processOnly = new TraceDisplayOptions(TraceLevel.FULL, new LaneSelector(List.of("process")), 100,
                EnumSet.of(TraceFormat.TEXT));
        String text = (String) TraceBundle.build(TraceFixtures.catMotd(), processOnly).orElseThrow().data().get("text/plain");
        assertTrue(text.contains("laptop:cat[1204]"), text);
        assertFalse(text.contains("laptop:kernel"), text);
        assertFalse(text.contains("laptop:disk"), text);
    }

    @Test
    void sameTraceGivesByteIdenticalBundles() {
        String first = GSON.toJson(TraceBundle.build(TraceFixtures.catMotd(), FULL).orElseThrow());
        String second = GSON.toJson(TraceBundle.build(TraceFixtures.catMotd(), FULL).orElseThrow());
        assertEquals(first, second);
    }

    @Test
    void typicalCellStaysUnderOneHundredKilobytes() {
        int size = serializedSize(TraceBundle.build(TraceFixtures.catMotd(), FULL).orElseThrow());
        assertTrue(size <= 100_000, "typical cell is " + size + " bytes");
    }

    @Test
    void hundredThousandEventsAreSummarisedUnderThreeHundredKilobytes() {
        TraceSnapshot snapshot = TraceFixtures.hundredThousandEvents(1000, 1000);
        DisplayBundle bundle = TraceBundle.build(snapshot, FULL).orElseThrow();
        String text = (String) bundle.data().get("text/plain");
        assertTrue(text.contains("more events (grouped):"), text);
        assertTrue(((String) bundle.data().get("text/html")).contains("more events (grouped)"));
        int size = serializedSize(bundle);
        assertTrue(size <= 300_000, "100,000-event trace is " + size + " bytes");
        Map<?, ?> json = (Map<?, ?>) bundle.data().get("application/vnd.syssim.trace+json");
        assertEquals(100_000L, json.get("total"));
    }

    /** The bundle's size as it lands in the notebook file: JSON text, UTF-8. */
    static int serializedSize(DisplayBundle bundle) {
        return GSON.toJson(Map.of("data", bundle.data(), "metadata", bundle.metadata())).getBytes(StandardCharsets.UTF_8).length;
    }
}
