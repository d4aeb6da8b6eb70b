package org.cityos.benchmarks.iot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cityos.benchmarks.Numbers;
import org.cityos.benchmarks.Row;
import org.cityos.benchmarks.load.ClosedLoop;
import org.cityos.benchmarks.load.LoadResult;
import org.cityos.iot.DeviceFilter;
import org.cityos.iot.DeviceId;
import org.cityos.iot.DeviceState;
import org.cityos.iot.Devices;
import org.cityos.iot.Inventory;
import org.cityos.iot.VideoChannelFilter;
import org.cityos.iot.VideoChannelStatus;
import org.cityos.iot.VideoChannels;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.DivisionLevel;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.ActorKind;
import org.cityos.kernel.access.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registry, inventory and channel queries through their facades (permission, scope, SQL, mapping), one
 * thread, after a warm-up; p99 of each against the p99 of the cheapest read on the same stack, a
 * device by primary key, so the ratio is what filtering, counting and scoping cost.
 */
public final class QueryBench {
    static final Duration AT_MOST = Duration.ofMinutes(3);
    static final PageRequest PAGE = new PageRequest(0, 50);
    static final String SENSOR = "waterlogging-level";
    static final double TARGET_MS = 100;

    private QueryBench() {}

    /** One query; returns how many things it found (zero is a failure: the query measured nothing). */
    @FunctionalInterface
    interface Query {
        long run();
    }

    private record Named(String scenario, String found, Query query) {}

    public static List<Row> run(RegistryContext registry, JdbcClient jdbc, int calls, int warmups) {
        Actor district = Actor.system("benchmarks");
        DivisionCode town = DivisionCode.of(
                jdbc.sql("SELECT left(division, 9) FROM iot_device GROUP BY 1" + " ORDER BY count(*) DESC, 1 LIMIT 1")
                                .query(String.class)
                                .single()
                        + "000");
        Actor townActor = new Actor(
                "bench-town",
                ActorKind.USER,
                "town handler",
                Set.of(Role.TOWN_HANDLER),
                List.of(town),
                Set.of(),
                false);
        DepartmentCode channelDepartment = DepartmentCode.of(
                jdbc.sql("SELECT department FROM iot_video_channel GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
                        .query(String.class)
                        .single());
        long devices =
                jdbc.sql("SELECT count(*) FROM iot_device").query(Long.class).single();
        long channels = jdbc.sql("SELECT count(*) FROM iot_video_channel")
                .query(Long.class)
                .single();
        List<DeviceId> ids = jdbc.sql("SELECT id FROM iot_device ORDER BY md5(id) LIMIT 1000")
                .query((rs, i) -> new DeviceId(rs.getString(1)))
                .list();

        Devices registryFacade = registry.devices();
        Inventory inventory = registry.inventory();
        VideoChannels video = registry.channels();
        String t = town.value();
        List<Named> queries = List.of(
                list(
                        registryFacade,
                        district,
                        "district-wide actor, type = " + SENSOR,
                        filter(SENSOR, null, null, null, null)),
                list(
                        registryFacade,
                        district,
                        "district-wide actor, state = FAULTY",
                        filter(null, DeviceState.FAULTY, null, null, null)),
                list(
                        registryFacade,
                        district,
                        "district-wide actor, division = town " + t,
                        filter(null, null, town, null, null)),
                list(
                        registryFacade,
                        district,
                        "district-wide actor, department = water",
                        filter(null, null, null, DepartmentCode.of("water"), null)),
                list(
                        registryFacade,
                        district,
                        "district-wide actor, tag = " + DeviceLoad.RARE_TAG,
                        filter(null, null, null, null, DeviceLoad.RARE_TAG)),
                list(registryFacade, townActor, "town-scoped actor (" + t + "), no filter", DeviceFilter.all()),
                list(
                        registryFacade,
                        townActor,
                        "town-scoped actor, type = " + SENSOR + " and state = ACTIVE",
                        filter(SENSOR, DeviceState.ACTIVE, null, null, null)),
                new Named(
                        "inventory: Inventory.counts type × department × state, district-wide actor, whole district",
                        "groups",
                        () -> inventory
                                .counts(district, DivisionLevel.DISTRICT, null, null, null, null)
                                .size()),
                new Named(
                        "inventory: Inventory.counts type × department × community × state, town-scoped actor, its town",
                        "groups",
                        () -> inventory
                                .counts(townActor, DivisionLevel.COMMUNITY, town, null, null, null)
                                .size()),
                new Named(
                        "inventory: Inventory.coverage of a town's communities by " + SENSOR + ", town-scoped actor",
                        "communities",
                        () -> inventory.coverage(townActor, town, SENSOR).children()),
                new Named(
                        "video channels: VideoChannels.list, district-wide actor, division = town, page of 50",
                        "matching channels",
                        () -> video.list(district, new VideoChannelFilter(town, null, null, null, null), PAGE)
                                .total()),
                new Named(
                        "video channels: VideoChannels.list, district-wide actor, department + status ONLINE, page of 50",
                        "matching channels",
                        () -> video.list(
                                        district,
                                        new VideoChannelFilter(
                                                null, channelDepartment, VideoChannelStatus.ONLINE, null, null),
                                        PAGE)
                                .total()));

        LoadResult get = measure(calls, warmups, seq -> {
            registryFacade.get(district, ids.get((int) (seq % ids.size())));
            return 1;
        });
        double baseline = p99(get);
        String scale = Numbers.figure(devices) + " devices, " + Numbers.figure(channels) + " channels";
        List<Row> rows = new ArrayList<>();
        for (Named q : queries) {
            long[] found = new long[1];
            LoadResult r = measure(calls, warmups, seq -> found[0] = q.query().run());
            double p99 = p99(r);
            rows.add(new Row(
                    q.scenario() + ", p99",
                    p99,
                    "ms",
                    "Devices.get by id (primary key), district-wide actor, p99 (ms)",
                    baseline,
                    "lower is better; " + Numbers.percentiles(r.latencyMicros()) + " over " + r.ok() + " calls; "
                            + found[0] + " " + q.found() + "; " + scale + "; target p99 ≤ "
                            + Numbers.figure(TARGET_MS) + " ms: " + (p99 <= TARGET_MS ? "met" : "MISSED")
                            + "; get " + Numbers.percentiles(get.latencyMicros()) + r.errorNote()));
        }
        return rows;
    }

    private static Named list(Devices devices, Actor actor, String what, DeviceFilter filter) {
        return new Named(
                "device list: Devices.list, " + what + ", page of 50 with total",
                "matching devices",
                () -> devices.list(actor, filter, PAGE).total());
    }

    private static DeviceFilter filter(
            String type, DeviceState state, DivisionCode division, DepartmentCode department, String tag) {
        return new DeviceFilter(type, state, division, department, tag, null);
    }

    @FunctionalInterface
    private interface Call {
        long call(long seq);
    }

    /** Warm-up calls, then measured ones; a call that finds nothing counts as an error, all errors crash. */
    private static LoadResult measure(int calls, int warmups, Call call) {
        ClosedLoop.Operation op = (thread, seq) -> {
            if (call.call(seq) <= 0) {
                throw new IllegalStateException("the query found nothing");
            }
        };
        ClosedLoop.run(1, AT_MOST, warmups, op);
        LoadResult result = ClosedLoop.run(1, AT_MOST, calls, op);
        if (result.ok() == 0) {
            throw new IllegalStateException("no query succeeded; first error: " + result.firstError());
        }
        return result;
    }

    private static double p99(LoadResult r) {
        return r.latencyMicros().getValueAtPercentile(99) / 1000.0;
    }
}
