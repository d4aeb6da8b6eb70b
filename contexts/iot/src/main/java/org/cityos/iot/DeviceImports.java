package org.cityos.iot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.cityos.audit.AuditTrail;
import org.cityos.identity.Departments;
import org.cityos.iot.DeviceImportJob.State;
import org.cityos.iot.internal.registry.DeviceImportRun;
import org.cityos.iot.internal.registry.DevicePlacing;
import org.cityos.iot.internal.registry.DeviceRowParser;
import org.cityos.iot.internal.registry.DeviceRows;
import org.cityos.iot.persistence.DeviceImportRepository;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.event.EventBus;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.NotFound;
import org.cityos.kernel.problem.ProblemKind;
import org.cityos.spatial.Crs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk device imports (CSV, Excel .xlsx) as jobs: the upload is stored, the job answers at once, and
 * rows stream through in the background in JDBC batches; anyone polling the job sees the counts and the
 * row issues. Rows are keyed by vendor + serial, so re-importing a file adds nothing twice.
 */
@Service
public class DeviceImports implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DeviceImports.class);
    public static final int ISSUES_SHOWN = 1000;

    private final DeviceImportRepository jobs;
    private final DeviceRegistryProperties properties;
    private final DeviceImportRun.Tools tools;
    private final Clock clock;
    private ExecutorService workers;

    public DeviceImports(
            DeviceImportRepository jobs,
            DevicePlacing placing,
            DeviceTypes types,
            Departments departments,
            DeviceRegistryProperties properties,
            AuditTrail audit,
            EventBus events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
        this.tools = new DeviceImportRun.Tools(
                jobs,
                placing,
                code -> types.find(code).isPresent(),
                code -> types.find(code).map(DeviceType::gateway).orElse(false),
                departments::exists,
                audit,
                events,
                new TransactionTemplate(transactions),
                clock);
    }

    /** Stores the upload and starts the job; returns the queued job at once. */
    public DeviceImportJob start(Actor actor, InputStream content, String filename, boolean dryRun, Crs crs) {
        actor.require(Permission.DEVICE_WRITE);
        DeviceRows format = DeviceRows.ofFilename(filename).orElseThrow(() -> new UnsupportedDeviceFile(filename));
        Path file = store(content);
        DeviceImportId id = DeviceImportId.random();
        jobs.create(id, actor.id(), filename, format.name(), dryRun, clock.instant());
        DeviceImportRun run = new DeviceImportRun(
                tools,
                id,
                actor,
                new DeviceRowParser(crs),
                dryRun,
                properties.importBatchSize(),
                properties.maxImportIssues());
        workers().execute(() -> process(id, run, format, file));
        return jobs.find(id, ISSUES_SHOWN).orElseThrow();
    }

    /** The job as it stands; only its starter (or the system) may see it. */
    public DeviceImportJob get(Actor actor, DeviceImportId id) {
        actor.require(Permission.DEVICE_WRITE);
        var now = clock.instant();
        jobs.failStale(now.minus(properties.staleImportAfter()), now);
        DeviceImportJob job = jobs.find(id, ISSUES_SHOWN).orElseThrow(() -> new NotFound("device import", id));
        if (!actor.isSystem() && !job.actorId().equals(actor.id())) {
            throw new NotFound("device import", id);
        }
        return job;
    }

    private void process(DeviceImportId id, DeviceImportRun run, DeviceRows format, Path file) {
        try {
            format.read(file, run);
            run.flush();
            jobs.finish(id, State.SUCCEEDED, null, List.of(), clock.instant());
        } catch (Exception e) {
            log.warn("Device import {} failed after {} rows", id, run.rowsRead(), e);
            jobs.finish(
                    id,
                    State.FAILED,
                    "problem.device-import-broken",
                    List.of(run.rowsRead(), e.getClass().getSimpleName()),
                    clock.instant());
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete {}", file, e);
            }
        }
    }

    /** Copies the upload to a file of our own: the servlet container may delete its copy when the request ends. */
    private Path store(InputStream content) {
        long limit = properties.maxImportSize().toBytes();
        try {
            Files.createDirectories(properties.importDirectory());
            Path file = Files.createTempFile(properties.importDirectory(), "device-import-", ".upload");
            long copied = 0;
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                    copied += n;
                    if (copied > limit) {
                        out.close();
                        Files.deleteIfExists(file);
                        throw new DeviceFileTooLarge(limit);
                    }
                    out.write(buffer, 0, n);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized ExecutorService workers() {
        if (workers == null) {
            workers = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "cityos-device-import");
                t.setDaemon(true);
                return t;
            });
        }
        return workers;
    }

    @Override
    public void start() {
        var now = clock.instant();
        int stale = jobs.failStale(now.minus(properties.staleImportAfter()), now);
        if (stale > 0) {
            log.warn("{} device import jobs stopped without finishing; marked failed", stale);
        }
        workers();
    }

    @Override
    public synchronized void stop() {
        if (workers != null) {
            workers.shutdownNow();
            workers = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return workers != null;
    }

    /** The file is neither CSV nor Excel .xlsx. */
    public static final class UnsupportedDeviceFile extends DomainProblem {
        public UnsupportedDeviceFile(String filename) {
            super(
                    ProblemKind.UNSUPPORTED,
                    "unsupported-device-file",
                    "problem.device-file-type",
                    String.valueOf(filename));
        }
    }

    /** The uploaded file is larger than allowed. */
    public static final class DeviceFileTooLarge extends DomainProblem {
        public DeviceFileTooLarge(long limit) {
            super(ProblemKind.TOO_LARGE, "device-file-too-large", "problem.device-file-too-large", limit);
        }
    }
}
