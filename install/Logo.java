import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws the SysSim kernelspec logos (a terminal prompt above a trace lane) at 32 and 64 pixels.
 * Run from the repository root: java install/Logo.java
 * It writes install/kernelspec/logo-{32x32,64x64}.png, which the kernel jar carries.
 */
public class Logo {

    public static void main(String[] args) throws IOException {
        String dir = "install/kernelspec/";
        for (int size : new int[] {32, 64}) {
            ImageIO.write(draw(size), "png", new File(dir + "logo-" + size + "x" + size + ".png"));
        }
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 64.0, size / 64.0); // drawn on a 64-unit grid

        g.setColor(new Color(0x1e293b)); // dark slate screen
        g.fill(new RoundRectangle2D.Double(2, 2, 60, 60, 14, 14));

        g.setColor(new Color(0x4ade80)); // green prompt ">_"
        g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D chevron = new Path2D.Double();
        chevron.moveTo(13, 14);
        chevron.lineTo(25, 24);
        chevron.lineTo(13, 34);
        g.draw(chevron);
        g.drawLine(30, 34, 44, 34);

        // A trace lane: user -> kernel -> user, the path every lecture story walks.
        g.setColor(new Color(0x94a3b8));
        g.setStroke(new BasicStroke(3, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(12, 48, 52, 48);
        int[][] events = {{14, 0x38bdf8}, {32, 0xf97316}, {50, 0x38bdf8}};
        for (int[] event : events) {
            g.setColor(new Color(event[1]));
            g.fillOval(event[0] - 5, 43, 10, 10);
        }
        g.dispose();
        return image;
    }
}
