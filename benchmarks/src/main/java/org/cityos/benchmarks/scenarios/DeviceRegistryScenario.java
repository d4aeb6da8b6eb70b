package org.cityos.benchmarks.scenarios;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cityos.benchmarks.Mode;
import org.cityos.benchmarks.Numbers;
import org.cityos.benchmarks.Row;
import org.cityos.benchmarks.iot.DeviceLoad;
import org.cityos.benchmarks.iot.DistrictSeed;
import org.cityos.benchmarks.iot.ImportBench;
import org.cityos.benchmarks.iot.QueryBench;
import org.cityos.benchmarks.iot.RegistryContext;
import org.cityos.benchmarks.iot.TokenBench;
import org.cityos.benchmarks.load.Cleanup;
import org.cityos.benchmarks.spatial.ReferenceDistrict;
import org.cityos.iot.DeviceDraft;
import org.cityos.iot.DeviceType;
import org.cityos.iot.SyntheticChannels;
import org.cityos.iot.SyntheticDevices;
import org.cityos.iot.VideoChannelDraft;
import org.cityos.iot.VideoChannelPlacer;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.access.Actor;
import org.cityos.postgres.EmbeddedPostgresServer;
import org.cityos.testkit.FreePorts;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The device registry (issue "Device registry") in its own embedded PostgreSQL: every migration, the
 * reference district's divisions and synthetic partition, the reference departments, the device-type
 * catalogue; then a CSV import job of the synthetic devices into the empty registry (against the bulk
 * path that leaves them stored), the synthetic video channels, the list / inventory / channel queries,
 * and device token checks. The services run in a bare Spring context, as the app wires them.
 */
public final class DeviceRegistryScenario {
    static final long DEVICE_SEED = 20261124L;
    static final long CHANNEL_SEED = 28181L;
    static final List<String> CHANNEL_OWNERS = List.of("public-security", "transport", "urban-management");

    private DeviceRegistryScenario() {}

    /** Devices (= import rows), channels, measured calls and warm-up calls per query, tokens issued. */
    record Sizes(int devices, int channels, int calls, int warmups, int tokens) {
        static Sizes of(Mode mode) {
            return mode.isFull() ? new Sizes(130_000, 39_000, 500, 100, 10_000) : new Sizes(5_000, 2_000, 50, 10, 500);
        }
    }

    /** Runs with its PostgreSQL data under {@code work} (the suite's temporary directory). */
    public static List<Row> run(Mode mode, ReferenceDistrict district, Path work) throws Exception {
        Sizes sizes = Sizes.of(mode);
        Path dir = Files.createDirectories(work.resolve("iot-postgres"));
        EmbeddedPostgresServer server = Cleanup.register(EmbeddedPostgresServer.start(dir, FreePorts.next(), false));
        HikariDataSource db = Cleanup.register(new HikariDataSource());
        RegistryContext registry = null;
        try {
            String url = server.jdbcUrl("postgres");
            Flyway.configure()
                    .dataSource(url, "postgres", "")
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            db.setJdbcUrl(url);
            db.setUsername("postgres");
            db.setMaximumPoolSize(8);
            JdbcClient jdbc = JdbcClient.create(db);
            long began = System.nanoTime();
            int divisions = DistrictSeed.divisions(db, district);
            List<DepartmentCode> departments = DistrictSeed.departments(db);
            registry = Cleanup.register(RegistryContext.open(db, Files.createDirectories(work.resolve("iot-imports"))));
            double seeded = (System.nanoTime() - began) / 1e9;
            Actor system = Actor.system("benchmarks");

            List<String> types =
                    registry.types().list(system).stream().map(DeviceType::code).toList();
            List<DeviceDraft> drafts = DeviceLoad.tagged(
                    SyntheticDevices.generate(DEVICE_SEED, sizes.devices(), registry.places()::locate, types));
            ImportBench.Outcome imported = ImportBench.run(registry, jdbc, drafts, work, system);

            began = System.nanoTime();
            List<VideoChannelDraft> channelDrafts = SyntheticChannels.generate(
                    CHANNEL_SEED,
                    sizes.channels(),
                    VideoChannelPlacer.of(registry.places(), ReferenceDistrict.DISTRICT),
                    CHANNEL_OWNERS.stream().map(DepartmentCode::of).toList());
            int channels = registry.channels().loadAll(system, channelDrafts, "benchmark", true);
            jdbc.sql("ANALYZE").update();
            double channelSeconds = (System.nanoTime() - began) / 1e9;
            String loaded = "loaded: " + divisions + " divisions and " + departments.size() + " departments with "
                    + types.size() + " device types in " + Numbers.seconds(seeded) + "; "
                    + Numbers.figure(imported.loaded().size()) + " devices by the bulk path in "
                    + Numbers.seconds(imported.loadSeconds()) + "; " + Numbers.figure(channels)
                    + " channels (VideoChannels.loadAll) in " + Numbers.seconds(channelSeconds);
            System.out.println(loaded);

            List<Row> rows = new ArrayList<>();
            Row importRow = imported.row();
            rows.add(new Row(
                    importRow.scenario(),
                    importRow.figure(),
                    importRow.unit(),
                    importRow.baseline(),
                    importRow.baselineFigure(),
                    importRow.notes() + "; " + loaded));
            rows.addAll(QueryBench.run(registry, jdbc, sizes.calls(), sizes.warmups()));
            rows.addAll(TokenBench.run(mode, registry, imported.loaded(), sizes.tokens(), system));
            return rows;
        } finally {
            if (registry != null) {
                Cleanup.close(registry);
            }
            Cleanup.close(db);
            Cleanup.close(server);
        }
    }
}
