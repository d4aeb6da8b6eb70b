package org.cityos.iot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.Placement;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class SyntheticDevicesTest {
    /** A "district" that is the western half of the area. */
    private static final Function<GeoPoint, Placement> WEST_HALF =
            p -> p.lon() < 116.45 ? new Placement(p, true, List.of()) : Placement.outside(p);

    @Test
    void sameSeedSameDevicesAllInsideWithUniqueSerials() {
        List<String> types = List.of("camera", "waterlogging-level", "gateway");
        List<DeviceDraft> a = SyntheticDevices.generate(7, 500, WEST_HALF, types);
        List<DeviceDraft> b = SyntheticDevices.generate(7, 500, WEST_HALF, types);
        assertThat(a).isEqualTo(b);
        assertThat(a).allSatisfy(d -> assertThat(d.location().lon()).isLessThan(116.45));
        assertThat(a.stream().map(DeviceDraft::serial)).doesNotHaveDuplicates();
        assertThat(a.stream().map(DeviceDraft::typeCode).distinct()).containsExactlyInAnyOrderElementsOf(types);
        assertThat(a.stream().filter(d -> d.typeCode().equals("camera")))
                .allSatisfy(d -> assertThat(d.department().value()).isEqualTo("public-security"));
        assertThat(SyntheticDevices.generate(8, 500, WEST_HALF, types)).isNotEqualTo(a);
    }

    @Test
    void writesAnImportableCsv() throws Exception {
        List<DeviceDraft> drafts = SyntheticDevices.generate(
                1, 3, WEST_HALF, List.of("camera"), new Envelope(116.3, 116.4, 39.6, 39.7), t -> a("ecology"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyntheticDevices.writeCsv(drafts, out);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("id,type,name,vendor,serial,lon,lat");
        assertThat(lines.get(1)).contains(",camera,", ",syn-1-0,", ",ecology,");
    }

    private static org.cityos.kernel.DepartmentCode a(String code) {
        return org.cityos.kernel.DepartmentCode.of(code);
    }
}
