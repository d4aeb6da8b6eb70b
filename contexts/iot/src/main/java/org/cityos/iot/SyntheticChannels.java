package org.cityos.iot;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.Placement;

/**
 * Plausible, clearly synthetic video channels for demos and benchmarks (the district has about 39,000):
 * valid GB/T 28181 ids inside the district (digits 7–8 from the town, industries weighted towards public
 * security street and community cameras, mostly network cameras), names marked 【合成】, the tag
 * {@code synthetic} and stream addresses on the reserved {@code .invalid} domain. The same seed gives
 * the same channels; load them with {@link VideoChannels#loadAll} and {@code synthetic = true}.
 */
public final class SyntheticChannels {
    private static final String[][] INDUSTRIES = {
        {"00", "40"}, {"01", "20"}, {"04", "12"}, {"05", "6"}, {"08", "14"}, {"09", "4"}, {"11", "4"}
    };
    private static final String[] SPOTS = {"路口", "主干道", "公交站", "广场", "小区出入口", "学校门口", "河道", "停车场", "桥下", "商业街"};
    private static final String[] VIEWS = {"东向", "西向", "南向", "北向", "全景", "球机", "枪机"};
    private static final int MAX_COUNT = 999_999;

    private SyntheticChannels() {}

    public static List<VideoChannelDraft> generate(
            long seed, int count, VideoChannelPlacer placer, List<DepartmentCode> departments) {
        if (count < 0 || count > MAX_COUNT || departments == null || departments.isEmpty()) {
            throw new IllegalArgumentException("need 0.." + MAX_COUNT + " channels and at least one department");
        }
        Random random = new Random(seed);
        int totalWeight = 0;
        for (String[] industry : INDUSTRIES) {
            totalWeight += Integer.parseInt(industry[1]);
        }
        List<VideoChannelDraft> drafts = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            Placement at = inside(random, placer);
            DivisionCode town = at.town().orElse(at.path().get(0).code());
            String industry = pick(random, totalWeight);
            String type = random.nextInt(10) < 8 ? "132" : "131";
            String network = random.nextInt(4) == 0 ? "2" : "0";
            String gbId = town.value().substring(0, 6)
                    + town.value().substring(7, 9)
                    + industry
                    + type
                    + network
                    + String.format("%06d", n);
            String place = at.path().get(at.path().size() - 1).name();
            String name = "【合成】" + place + SPOTS[random.nextInt(SPOTS.length)] + VIEWS[random.nextInt(VIEWS.length)]
                    + String.format("%04d", n % 10_000);
            int status = random.nextInt(100);
            drafts.add(new VideoChannelDraft(
                    gbId,
                    name,
                    departments
                            .get(Math.floorMod(industry.hashCode() + random.nextInt(3), departments.size()))
                            .value(),
                    at.point(),
                    place + "附近（合成地址）",
                    status < 90
                            ? VideoChannelStatus.ONLINE
                            : status < 97 ? VideoChannelStatus.OFFLINE : VideoChannelStatus.FAULTY,
                    "rtsp://media.synthetic.invalid/live/" + gbId,
                    "132".equals(type) && random.nextInt(3) == 0,
                    List.of("synthetic")));
        }
        return drafts;
    }

    private static Placement inside(Random random, VideoChannelPlacer placer) {
        var box = placer.box();
        for (int attempt = 0; attempt < 10_000; attempt++) {
            GeoPoint p = new GeoPoint(
                    round(box.getMinX() + random.nextDouble() * box.getWidth()),
                    round(box.getMinY() + random.nextDouble() * box.getHeight()));
            Placement at = placer.locate().apply(p);
            if (at.inside() && !at.path().isEmpty()) {
                return at;
            }
        }
        throw new IllegalStateException("no point of the box lies inside the district");
    }

    private static String pick(Random random, int totalWeight) {
        int r = random.nextInt(totalWeight);
        for (String[] industry : INDUSTRIES) {
            r -= Integer.parseInt(industry[1]);
            if (r < 0) {
                return industry[0];
            }
        }
        return INDUSTRIES[0][0];
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
