package org.cityos.spatial;

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
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.event.EventBus;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.spatial.PoiImportJob.State;
import org.cityos.spatial.PoiProblems.PoiFileTooLarge;
import org.cityos.spatial.PoiProblems.UnknownPoiImport;
import org.cityos.spatial.PoiProblems.UnsupportedPoiFile;
import org.cityos.spatial.internal.poi.LocalProjection;
import org.cityos.spatial.internal.poi.PoiFileFormat;
import org.cityos.spatial.internal.poi.PoiFileReader;
import org.cityos.spatial.internal.poi.PoiImportRun;
import org.cityos.spatial.internal.poi.PoiNames;
import org.cityos.spatial.internal.poi.PoiPlacer;
import org.cityos.spatial.internal.poi.PoiRowCheck;
import org.cityos.spatial.persistence.PoiClassRepository;
import org.cityos.spatial.persistence.PoiImportRepository;
import org.cityos.spatial.persistence.PoiRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * POI file imports as jobs: the upload is checked just enough to refuse a file that cannot be read at
 * all (4xx, nothing stored), then stored as a job and streamed in the background; anyone polling the
 * job (on any node) sees rows read, imported, updated, unchanged and failed, and the row issues.
 */
@Service
public class PoiImports implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(PoiImports.class);
    /** Issues returned with a job; the job keeps up to {@code maxImportIssues}. */
    public static final int ISSUES_SHOWN = 1000;

    private final PoiImportRepository jobs;
    private final PoiClassRepository classes;
    private final PoiProperties properties;
    private final PoiImportRun.Tools tools;
    private final Clock clock;
    private ExecutorService workers;

    public PoiImports(
            PoiImportRepository jobs,
            PoiRepository pois,
            PoiClassRepository classes,
            Places places,
            PoiNames names,
            PoiProperties properties,
            AuditTrail audit,
            EventBus events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jobs = jobs;
        this.classes = classes;
        this.properties = properties;
        this.clock = clock;
        this.tools = new PoiImportRun.Tools(
                pois,
                jobs,
                names,
                new PoiPlacer(places::locate),
                new LocalProjection(properties.projectionLatitude()),
                audit,
                events,
                new TransactionTemplate(transactions),
                clock);
    }

    /** Stores the upload, checks it can be read and starts the job; returns at once. */
    public PoiImportJob start(Actor actor, InputStream content, String filename, boolean dryRun, Crs crs) {
        actor.require(Permission.DIVISION_WRITE);
        PoiFileFormat format = PoiFileFormat.ofFilename(filename).orElseThrow(() -> new UnsupportedPoiFile(filename));
        Path file = store(content);
        try {
            PoiFileReader reader = format.reader();
            reader.check(file);
            PoiImportId id = PoiImportId.random();
            jobs.create(id, actor.id(), filename, format.name(), crs.name(), dryRun, clock.instant());
            PoiImportRun run = new PoiImportRun(
                    tools,
                    id,
                    actor,
                    new PoiRowCheck(classes.all(), crs),
                    dryRun,
                    properties.importBatchSize(),
                    properties.maxImportRows(),
                    properties.maxImportIssues(),
                    "import:" + filename);
            workers().execute(() -> process(id, run, reader, file));
            return jobs.find(id, ISSUES_SHOWN).orElseThrow();
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    /** The job as it stands; only its starter (or the system) may see it. */
    public PoiImportJob get(Actor actor, PoiImportId id) {
        actor.require(Permission.DIVISION_WRITE);
        var now = clock.instant();
        jobs.failStale(now.minus(properties.staleImportAfter()), now);
        PoiImportJob job = jobs.find(id, ISSUES_SHOWN).orElseThrow(() -> new UnknownPoiImport(id));
        if (!actor.isSystem() && !job.actorId().equals(actor.id())) {
            throw new UnknownPoiImport(id);
        }
        return job;
    }

    private void process(PoiImportId id, PoiImportRun run, PoiFileReader reader, Path file) {
        try {
            run.run(reader, file);
            jobs.finish(id, State.SUCCEEDED, null, List.of(), clock.instant());
        } catch (PoiFileReader.Broken e) {
            jobs.finish(
                    id,
                    State.FAILED,
                    "problem.poi-import-broken",
                    List.of(e.rowsRead(), e.getMessage()),
                    clock.instant());
        } catch (DomainProblem e) {
            jobs.finish(
                    id, State.FAILED, "problem.poi-import-broken", List.of(run.rowsRead(), e.type()), clock.instant());
        } catch (RuntimeException e) {
            log.error("POI import {} failed after {} rows", id, run.rowsRead(), e);
            jobs.finish(
                    id,
                    State.FAILED,
                    "problem.poi-import-broken",
                    List.of(run.rowsRead(), e.getClass().getSimpleName()),
                    clock.instant());
        } finally {
            delete(file);
        }
    }

    /** Copies the upload to a file of our own: the servlet container may delete its copy when the request ends. */
    private Path store(InputStream content) {
        long limit = properties.maxImportSize().toBytes();
        try {
            Files.createDirectories(properties.importDirectory());
            Path file = Files.createTempFile(properties.importDirectory(), "poi-import-", ".upload");
            long copied = 0;
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                    copied += n;
                    if (copied > limit) {
                        delete(file);
                        throw new PoiFileTooLarge(limit);
                    }
                    out.write(buffer, 0, n);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}", file, e);
        }
    }

    private synchronized ExecutorService workers() {
        if (workers == null) {
            workers = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "cityos-poi-import");
                t.setDaemon(true);
                return t;
            });
        }
        return workers;
    }

    /** Jobs whose node stopped mid-way are marked failed, with the counts of what they committed. */
    @Override
    public void start() {
        var now = clock.instant();
        int stale = jobs.failStale(now.minus(properties.staleImportAfter()), now);
        if (stale > 0) {
            log.warn("{} POI import jobs stopped without finishing; marked failed", stale);
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
}
