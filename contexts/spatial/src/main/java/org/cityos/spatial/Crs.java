package org.cityos.spatial;

import java.util.Locale;
import java.util.Optional;
import org.cityos.kernel.GeoPoint;

/**
 * The coordinate systems CityOS accepts and returns. Everything is stored as WGS84 (CGCS2000 treated
 * as equal); GCJ-02 (national survey offset used by AMap/Tencent) and BD-09 (Baidu) are converted at
 * the edges. GCJ-02 applies only inside China; outside it the coordinates are returned unchanged.
 */
public enum Crs {
    WGS84,
    GCJ02,
    BD09;

    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;
    private static final double X_PI = Math.PI * 3000.0 / 180.0;

    /** Parses {@code wgs84}, {@code gcj02}, {@code bd09} (also {@code cgcs2000}, {@code epsg:4326}). */
    public static Optional<Crs> parse(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(WGS84);
        }
        String n = name.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (n) {
            case "wgs84", "epsg:4326", "cgcs2000", "epsg:4490" -> Optional.of(WGS84);
            case "gcj02" -> Optional.of(GCJ02);
            case "bd09", "bd09ll" -> Optional.of(BD09);
            default -> Optional.empty();
        };
    }

    public GeoPoint toWgs84(GeoPoint p) {
        return switch (this) {
            case WGS84 -> p;
            case GCJ02 -> gcj02ToWgs84(p);
            case BD09 -> gcj02ToWgs84(bd09ToGcj02Refined(p));
        };
    }

    public GeoPoint fromWgs84(GeoPoint p) {
        return switch (this) {
            case WGS84 -> p;
            case GCJ02 -> wgs84ToGcj02(p);
            case BD09 -> gcj02ToBd09(wgs84ToGcj02(p));
        };
    }

    static GeoPoint wgs84ToGcj02(GeoPoint p) {
        if (outOfChina(p)) {
            return p;
        }
        double[] d = delta(p.lon(), p.lat());
        return new GeoPoint(p.lon() + d[0], p.lat() + d[1]);
    }

    /** Inverse of the GCJ-02 offset by fixed-point iteration (error well under a centimetre). */
    static GeoPoint gcj02ToWgs84(GeoPoint p) {
        if (outOfChina(p)) {
            return p;
        }
        double lon = p.lon();
        double lat = p.lat();
        for (int i = 0; i < 10; i++) {
            double[] d = delta(lon, lat);
            double nextLon = p.lon() - d[0];
            double nextLat = p.lat() - d[1];
            if (Math.abs(nextLon - lon) < 1e-10 && Math.abs(nextLat - lat) < 1e-10) {
                return new GeoPoint(nextLon, nextLat);
            }
            lon = nextLon;
            lat = nextLat;
        }
        return new GeoPoint(lon, lat);
    }

    static GeoPoint gcj02ToBd09(GeoPoint p) {
        double x = p.lon();
        double y = p.lat();
        double z = Math.sqrt(x * x + y * y) + 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) + 0.000003 * Math.cos(x * X_PI);
        return new GeoPoint(z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006);
    }

    /** The published BD-09 inverse is approximate (metres off); refine it against the forward formula. */
    static GeoPoint bd09ToGcj02Refined(GeoPoint p) {
        GeoPoint g = bd09ToGcj02(p);
        for (int i = 0; i < 10; i++) {
            GeoPoint back = gcj02ToBd09(g);
            double dLon = p.lon() - back.lon();
            double dLat = p.lat() - back.lat();
            if (Math.abs(dLon) < 1e-11 && Math.abs(dLat) < 1e-11) {
                break;
            }
            g = new GeoPoint(g.lon() + dLon, g.lat() + dLat);
        }
        return g;
    }

    static GeoPoint bd09ToGcj02(GeoPoint p) {
        double x = p.lon() - 0.0065;
        double y = p.lat() - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
        return new GeoPoint(z * Math.cos(theta), z * Math.sin(theta));
    }

    private static double[] delta(double lon, double lat) {
        double dLat = transformLat(lon - 105.0, lat - 35.0);
        double dLon = transformLon(lon - 105.0, lat - 35.0);
        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {dLon, dLat};
    }

    private static double transformLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double transformLon(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }

    private static boolean outOfChina(GeoPoint p) {
        return p.lon() < 72.004 || p.lon() > 137.8347 || p.lat() < 0.8293 || p.lat() > 55.8271;
    }
}
