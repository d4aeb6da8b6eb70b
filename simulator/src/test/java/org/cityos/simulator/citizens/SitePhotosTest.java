package org.cityos.simulator.citizens;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.cityos.kernel.GeoPoint;
import org.junit.jupiter.api.Test;

class SitePhotosTest {
    @Test
    void aPhotoIsASmallRealJpegTheSameForTheSameCase() throws IOException {
        PatrolDesk.SitePhoto photo = SitePhotos.afterPhoto("case-1", GeoPoint.of(116.33, 39.74));

        BufferedImage read = ImageIO.read(new ByteArrayInputStream(photo.jpeg()));
        assertThat(read.getWidth()).isEqualTo(SitePhotos.WIDTH);
        assertThat(read.getHeight()).isEqualTo(SitePhotos.HEIGHT);
        assertThat(photo.jpeg().length).isBetween(1_000, 60_000);
        assertThat(photo.stage()).isEqualTo(PatrolDesk.SitePhoto.Stage.VERIFY);
        assertThat(photo.fileName()).isEqualTo("check-case-1.jpg");
        assertThat(SitePhotos.afterPhoto("case-1", GeoPoint.of(116.33, 39.74)).jpeg())
                .isEqualTo(photo.jpeg());
        assertThat(SitePhotos.afterPhoto("case-2", GeoPoint.of(116.33, 39.74)).jpeg())
                .isNotEqualTo(photo.jpeg());
    }
}
