package org.cityos.benchmarks.scenarios;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cityos.benchmarks.Numbers;
import org.cityos.benchmarks.ingest.DeviceEnrolment;
import org.cityos.benchmarks.ingest.DeviceLogin;
import org.cityos.benchmarks.load.CityOsProcess;
import org.cityos.benchmarks.load.Cleanup;
import org.cityos.testkit.FreePorts;

/**
 * A CityOS process set up for ingest load: fresh data directory, its embedded PostgreSQL on a known port (for the
 * SQL checks and the COPY baseline), {@code devices} air micro-stations imported and given tokens, and the
 * sessions of the data steward (queries) and the administrator (metrics).
 */
record IngestCity(
        CityOsProcess app,
        int dbPort,
        String stewardToken,
        String adminToken,
        List<DeviceLogin> devices,
        String setupNotes) {
    static final Duration READY = Duration.ofMinutes(4);

    /** Starts CityOS under {@code work/dir} with {@code extra} arguments and enrols {@code devices}. */
    static IngestCity start(Path jar, Path work, String dir, int devices, List<String> extra) throws Exception {
        int dbPort = FreePorts.next();
        List<String> args = new ArrayList<>(extra);
        args.add("--cityos.db.port=" + dbPort);
        CityOsProcess app = CityOsProcess.start(jar, work.resolve(dir), FreePorts.next(), dir + ".log", args);
        try {
            Duration ready = app.awaitReady(READY);
            String steward = app.api().login("steward");
            String admin = app.api().login("admin");
            DeviceEnrolment.Enrolled enrolled =
                    new DeviceEnrolment(app.port(), steward).enrol(devices, dir.replaceAll("[^a-z0-9]", ""));
            String notes = "CityOS ready in " + Numbers.seconds(ready.toMillis() / 1e3) + "; "
                    + Numbers.figure(devices) + " devices imported (CSV job) in "
                    + Numbers.seconds(enrolled.importSeconds()) + ", tokens issued in "
                    + Numbers.seconds(enrolled.tokenSeconds());
            System.out.println("  " + notes);
            return new IngestCity(app, dbPort, steward, admin, enrolled.devices(), notes);
        } catch (Exception | Error e) {
            System.err.println(app.logTail());
            Cleanup.close(app);
            throw e;
        }
    }

    /** Restarts CityOS on the same data directory (after a kill -9), with the same arguments. */
    static CityOsProcess restart(Path jar, Path work, String dir, int dbPort, List<String> extra)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(extra);
        args.add("--cityos.db.port=" + dbPort);
        CityOsProcess app = CityOsProcess.start(jar, work.resolve(dir), FreePorts.next(), dir + "-restart.log", args);
        app.awaitReady(READY);
        return app;
    }
}
