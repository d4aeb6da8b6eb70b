package org.cityos.simulator.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cityos.kernel.GeoPoint;
import org.cityos.simulator.world.SimChannel;
import org.junit.jupiter.api.Test;

class ChannelLoaderTest {
    @Test
    void theImportFileHasCityOsChannelColumnsAndOneRowPerChannel() {
        String csv = ChannelLoader.csv(List.of(
                new SimChannel(
                        "11011505001320000001",
                        "【合成】路口东向00001",
                        "public-security",
                        new GeoPoint(116.3412345, 39.7298765),
                        false,
                        "ONLINE"),
                new SimChannel(
                        "11011505041310000002",
                        "【合成】广场球机00002",
                        "transport",
                        new GeoPoint(116.4, 39.6),
                        true,
                        "FAULTY")));
        assertThat(csv.lines().toList())
                .containsExactly(
                        "国标编码,名称,权属部门,经度,纬度,地址,状态,视频流地址,云台,标签",
                        "11011505001320000001,【合成】路口东向00001,public-security,116.341235,39.729877,,ONLINE,"
                                + "rtsp://media.sim.invalid/live/11011505001320000001,否,synthetic;simulator",
                        "11011505041310000002,【合成】广场球机00002,transport,116.400000,39.600000,,FAULTY,"
                                + "rtsp://media.sim.invalid/live/11011505041310000002,是,synthetic;simulator");
    }
}
