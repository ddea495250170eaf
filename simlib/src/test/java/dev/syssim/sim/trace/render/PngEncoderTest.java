package dev.syssim.sim.trace.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Node;

class PngEncoderTest {

    @Test
    void anImageOfAtMostSixteenColoursDecodesToExactlyItsPixels() throws IOException {
        int width = 37; // odd: the last byte of a row holds one pixel
        int height = 11;
        int[] pixels = new int[width * height];
        for (int i = 0; i < pixels.length; i++) pixels[i] = 0x101010 * ((i * 7 + i / width) % 16);
        BufferedImage decoded = decode(PngEncoder.encode(pixels, width, height, 192));
        assertEquals(width, decoded.getWidth());
        assertEquals(height, decoded.getHeight());
        int[] rgb = decoded.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < rgb.length; i++) rgb[i] &= 0xffffff; // opaque: drop the alpha byte
        assertArrayEquals(pixels, rgb);
    }

    @Test
    void aRareSeventeenthColourTakesTheNearestOfTheSixteenMostFrequent() throws IOException {
        int width = 16;
        int height = 4;
        int[] pixels = new int[width * height];
        for (int i = 0; i < pixels.length; i++) pixels[i] = 0x101010 * (i % 16);
        pixels[5] = 0x212223; // seen once: nearest is 0x202020
        int[] decoded = decode(PngEncoder.encode(pixels, width, height, 96)).getRGB(0, 0, width, height, null, 0, width);
        assertEquals(0x202020, decoded[5] & 0xffffff);
        assertEquals(0x303030, decoded[3] & 0xffffff);
    }

    @Test
    void theResolutionIsRecordedInPixelsPerMetre() throws IOException {
        byte[] png = PngEncoder.encode(new int[] {0xffffff}, 1, 1, 192);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadata metadata = reader.getImageMetadata(0);
            Node phys = find(metadata.getAsTree("javax_imageio_png_1.0"), "pHYs");
            assertEquals("7559", phys.getAttributes().getNamedItem("pixelsPerUnitXAxis").getNodeValue());
            assertEquals("meter", phys.getAttributes().getNamedItem("unitSpecifier").getNodeValue());
        }
    }

    @Test
    void theSamePixelsGiveTheSameBytes() {
        int[] pixels = new int[64 * 64];
        for (int i = 0; i < pixels.length; i++) pixels[i] = (i * 31) % 5 == 0 ? 0x336699 : 0xffffff;
        assertArrayEquals(PngEncoder.encode(pixels, 64, 64, 96), PngEncoder.encode(pixels.clone(), 64, 64, 96));
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static Node find(Node node, String name) {
        if (node.getNodeName().equals(name)) return node;
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            Node found = find(child, name);
            if (found != null) return found;
        }
        return null;
    }
}
