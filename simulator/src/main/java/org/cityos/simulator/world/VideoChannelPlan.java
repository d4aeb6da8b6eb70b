package org.cityos.simulator.world;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cityos.kernel.GeoPoint;

/**
 * The district's cameras: each beside a simulated device that stands by a road or a site (a pole, a gauge, a
 * detector), a few metres off, in that device's town. Industries are weighted towards public security's street and
 * community cameras, then traffic and urban management; most are fixed network cameras, a third of the dome ones
 * can pan. The same seed and devices give the same channels.
 */
public final class VideoChannelPlan {
    /** Industry code, weight, owning department. */
    private static final String[][] INDUSTRIES = {
        {"00", "45", "public-security"},
        {"01", "20", "public-security"},
        {"04", "15", "transport"},
        {"08", "20", "urban-management"}
    };

    private static final String[] SPOTS = {"路口", "主干道", "公交站", "广场", "小区出入口", "学校门口", "河道", "停车场"};
    private static final String[] VIEWS = {"东向", "西向", "南向", "北向", "全景", "球机"};

    private VideoChannelPlan() {}

    public static List<SimChannel> generate(long seed, int count, List<SimDevice> devices) {
        if (count < 0 || count > 999_999) {
            throw new IllegalArgumentException("0 to 999,999 channels, not " + count);
        }
        List<SimDevice> anchors = devices.stream()
                .filter(d -> d.routeId() == null
                        && d.division() != null
                        && d.division().length() >= 9)
                .toList();
        if (count > 0 && anchors.isEmpty()) {
            throw new IllegalArgumentException("no placed device to stand the cameras by");
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x5EED_CA3EL);
        List<SimChannel> channels = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            SimDevice by = anchors.get(random.nextInt(anchors.size()));
            String[] industry = industry(random.nextInt(100));
            boolean dome = random.nextInt(10) < 2;
            String type = dome ? "131" : "132";
            String network = random.nextInt(4) == 0 ? "2" : "0";
            String centre = by.division().substring(0, 6) + by.division().substring(7, 9);
            String gbId = centre + industry[0] + type + network + String.format("%06d", n);
            GeoPoint at = new GeoPoint(
                    round(by.at().lon() + (random.nextDouble() - 0.5) * 0.0004),
                    round(by.at().lat() + (random.nextDouble() - 0.5) * 0.0003));
            int status = random.nextInt(100);
            channels.add(new SimChannel(
                    gbId,
                    "【合成】" + SPOTS[random.nextInt(SPOTS.length)] + VIEWS[random.nextInt(VIEWS.length)]
                            + String.format("%05d", n),
                    industry[2],
                    at,
                    dome && random.nextInt(3) > 0,
                    status < 90 ? "ONLINE" : status < 97 ? "OFFLINE" : "FAULTY"));
        }
        return channels;
    }

    private static String[] industry(int percent) {
        int r = percent;
        for (String[] i : INDUSTRIES) {
            r -= Integer.parseInt(i[1]);
            if (r < 0) {
                return i;
            }
        }
        return INDUSTRIES[0];
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
