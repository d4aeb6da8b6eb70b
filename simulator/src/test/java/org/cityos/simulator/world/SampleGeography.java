package org.cityos.simulator.world;

import java.util.List;
import org.cityos.kernel.GeoPoint;

/** A hand-made Daxing for tests: seven towns (four rural), a grid of roads and a few POIs of each class that matters. */
public final class SampleGeography {
    private SampleGeography() {}

    public static Geography daxing() {
        return new Geography(
                new Geography.Box(116.20, 39.45, 116.65, 39.85),
                List.of(
                        division("110115001", "兴丰街道", 116.33, 39.74, false),
                        division("110115002", "西红门镇", 116.33, 39.79, false),
                        division("110115003", "亦庄镇", 116.50, 39.78, false),
                        division("110115101", "庞各庄镇", 116.32, 39.58, true),
                        division("110115102", "采育镇", 116.57, 39.62, true),
                        division("110115103", "安定镇", 116.47, 39.57, true),
                        division("110115104", "礼贤镇", 116.40, 39.52, true)),
                List.of(
                        road("R1", "京开高速", 116.33, 39.84, 116.33, 39.50),
                        road("R2", "兴华大街", 116.30, 39.74, 116.55, 39.74),
                        road("R3", "南六环", 116.22, 39.68, 116.62, 39.68),
                        road("R4", "京台高速", 116.45, 39.84, 116.45, 39.50),
                        road("R5", "采林路", 116.45, 39.62, 116.62, 39.62),
                        road("R6", "庞安路", 116.25, 39.58, 116.45, 39.58)),
                List.of(
                        poi("P1", "hazmat-enterprise", "燃气储配站", 116.52, 39.64),
                        poi("P2", "hazmat-enterprise", "化工仓库", 116.28, 39.56),
                        poi("P3", "elderly-care", "敬老院一", 116.34, 39.73),
                        poi("P4", "elderly-care", "敬老院二", 116.47, 39.58),
                        poi("P5", "school", "第一中学", 116.33, 39.75),
                        poi("P6", "school", "采育小学", 116.56, 39.62),
                        poi("P7", "farmers-market", "黄村农贸市场", 116.35, 39.72),
                        poi("P8", "mall", "万达广场", 116.31, 39.77),
                        poi("P9", "hospital", "区医院", 116.34, 39.72)));
    }

    /**
     * An L-shaped grid of about 850 × 1,100 m in 兴丰街道 (its north-east corner is missing, so it is not convex), as
     * CityOS answers a grid's boundary.
     */
    public static GridArea grid() {
        return new GridArea(
                "110115001001001",
                "兴丰社区第1网格",
                List.of(List.of(
                        GeoPoint.of(116.330, 39.740),
                        GeoPoint.of(116.340, 39.740),
                        GeoPoint.of(116.340, 39.745),
                        GeoPoint.of(116.335, 39.745),
                        GeoPoint.of(116.335, 39.750),
                        GeoPoint.of(116.330, 39.750))));
    }

    private static Geography.Division division(String code, String name, double lon, double lat, boolean rural) {
        return new Geography.Division(code, name, GeoPoint.of(lon, lat), rural);
    }

    private static Geography.Road road(String id, String name, double lon1, double lat1, double lon2, double lat2) {
        GeoPoint a = GeoPoint.of(lon1, lat1);
        GeoPoint b = GeoPoint.of(lon2, lat2);
        GeoPoint mid = GeoPoint.of((lon1 + lon2) / 2, (lat1 + lat2) / 2);
        return new Geography.Road(id, name, List.of(a, mid, b));
    }

    private static Geography.Poi poi(String id, String classCode, String name, double lon, double lat) {
        return new Geography.Poi(id, classCode, name, GeoPoint.of(lon, lat), null);
    }
}
