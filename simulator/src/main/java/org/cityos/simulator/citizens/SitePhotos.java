package org.cityos.simulator.citizens;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.cityos.kernel.GeoPoint;

/**
 * The photos a grid worker's phone takes: small real JPEGs (sky, street and the thing reported, in flat colours with
 * a little noise), drawn from a seed so that the same report or check gets the same picture. CityOS recognises images
 * by their bytes, so a photo has to be one.
 */
final class SitePhotos {
    static final int WIDTH = 240;
    static final int HEIGHT = 180;

    private SitePhotos() {}

    /** The photo taken with a report, named after it. */
    static PatrolDesk.SitePhoto ofReport(GridReport report) {
        return new PatrolDesk.SitePhoto(
                PatrolDesk.SitePhoto.Stage.INTAKE,
                "report-" + report.reportId() + ".jpg",
                jpeg(report.reportId().hashCode()),
                report.point());
    }

    /** The after-photo of an on-site check, taken at {@code at}. */
    static PatrolDesk.SitePhoto afterPhoto(String caseId, GeoPoint at) {
        return new PatrolDesk.SitePhoto(
                PatrolDesk.SitePhoto.Stage.VERIFY, "check-" + caseId + ".jpg", jpeg(caseId.hashCode() * 31L), at);
    }

    static byte[] jpeg(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        int horizon = HEIGHT / 3 + random.nextInt(HEIGHT / 4);
        int thingLeft = random.nextInt(WIDTH / 2);
        int thingTop = horizon + random.nextInt(HEIGHT / 4);
        int thingWidth = WIDTH / 6 + random.nextInt(WIDTH / 4);
        int thingHeight = HEIGHT / 8 + random.nextInt(HEIGHT / 5);
        int thing = random.nextInt(0x1000000);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int colour;
                if (x >= thingLeft && x < thingLeft + thingWidth && y >= thingTop && y < thingTop + thingHeight) {
                    colour = thing;
                } else if (y < horizon) {
                    colour = rgb(150 + y * 60 / horizon, 190, 235);
                } else {
                    colour = rgb(110, 110, 105);
                }
                int grain = random.nextInt(17) - 8;
                pixels[y * WIDTH + x] = shade(colour, grain);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
        try {
            if (!ImageIO.write(image, "jpg", out)) {
                throw new IllegalStateException("this Java has no JPEG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static int shade(int colour, int by) {
        return rgb(((colour >> 16) & 0xFF) + by, ((colour >> 8) & 0xFF) + by, (colour & 0xFF) + by);
    }

    private static int rgb(int r, int g, int b) {
        return (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
