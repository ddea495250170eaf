package dev.syssim.sim.trace.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.trace.TraceSnapshot;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngRendererTest {

    private final PngRenderer png = new PngRenderer();

    @Test
    void sameSnapshotGivesSameBytes() {
        for (TraceSnapshot snapshot : SvgRendererTest.stories().values()) {
            assertArrayEquals(png.render(snapshot).png(), png.render(snapshot).png());
        }
    }

    @Test
    void aSmallDiagramIsDrawnAtTwiceTheCssSizeForPrint() throws Exception {
        PngRenderer.Image image = png.render(LectureStories.sneakyCli());
        assertTrue(image.height() <= PngRenderer.TALL, "a small story: " + image.height());
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.png()));
        assertEquals(2 * image.width(), decoded.getWidth());
        assertEquals(2 * image.height(), decoded.getHeight());
        assertTrue(chunks(image.png()).contains("pHYs"));
    }

    @Test
    void aTallDiagramIsDrawnAtItsCssSizeBecausePrintShrinksItAnyway() throws Exception {
        PngRenderer.Image image = png.render(LectureStories.catMotd());
        assertTrue(image.height() > PngRenderer.TALL, "a tall story: " + image.height());
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.png()));
        assertEquals(image.width(), decoded.getWidth());
        assertEquals(image.height(), decoded.getHeight());
    }

    @Test
    void noTextOrTimeChunksThatCouldCarryACreationDate() {
        List<String> chunks = chunks(png.render(LectureStories.synDroppedAtBorder()).png());
        assertFalse(chunks.contains("tIME"), chunks.toString());
        assertFalse(chunks.contains("tEXt"), chunks.toString());
        assertFalse(chunks.contains("iTXt"), chunks.toString());
    }

    @Test
    void sameSizeAsTheSvgDiagram() {
        TraceSnapshot snapshot = LectureStories.vmExitIoInstruction();
        PngRenderer.Image image = png.render(snapshot);
        String svg = new SvgRenderer().render(snapshot);
        assertTrue(svg.contains("width=\"" + image.width() + "\" height=\"" + image.height() + "\""), svg.substring(0, 300));
    }

    @Test
    void typicalCellStaysSmall() {
        assertTrue(png.render(LectureStories.catMotd()).png().length < 60_000);
    }

    private static List<String> chunks(byte[] png) {
        List<String> types = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(png);
        buffer.position(8);
        while (buffer.remaining() >= 12) {
            int length = buffer.getInt();
            byte[] type = new byte[4];
            buffer.get(type);
            types.add(new String(type, StandardCharsets.US_ASCII));
            buffer.position(buffer.position() + length + 4);
        }
        return types;
    }
}
