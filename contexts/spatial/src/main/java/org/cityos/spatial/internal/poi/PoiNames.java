package org.cityos.spatial.internal.poi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cityos.spatial.Poi;
import org.cityos.spatial.PoiFilter;
import org.cityos.spatial.PoiId;
import org.cityos.spatial.PoiProperties;
import org.cityos.spatial.persistence.PoiRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the in-memory name index in step with {@code spatial_poi}: built at start, updated after
 * each local commit, and caught up with writes of other nodes by a periodic check (rows changed
 * since the last check, with a look-back for transactions that committed late; a full rebuild when
 * the row count disagrees, which is how deletions elsewhere show up). Also re-projects stored points
 * at start when the configured projection latitude changed.
 */
@Component
public class PoiNames implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(PoiNames.class);
    private static final Duration LOOK_BACK = Duration.ofMinutes(2);
    private static final int PAGE = 5000;

    private final PoiRepository repository;
    private final LocalProjection projection;
    private final Duration checkEvery;
    private final PoiNameIndex index = new PoiNameIndex();
    private volatile Instant indexedUpTo = Instant.EPOCH;
    private ScheduledExecutorService checker;

    public PoiNames(PoiRepository repository, PoiProperties properties) {
        this.repository = repository;
        this.projection = new LocalProjection(properties.projectionLatitude());
        this.checkEvery = properties.indexCheckInterval();
    }

    public PoiNameIndex.Result search(String text, PoiFilter filter, List<String> scope, int offset, int limit) {
        return index.search(
                text,
                filter.classCode(),
                filter.division() == null ? null : filter.division().prefix(),
                scope,
                offset,
                limit);
    }

    public List<String> words(String text) {
        return index.words(text);
    }

    /** Indexes the POIs once the current transaction commits (at once without one). */
    public void afterCommit(Collection<Poi> changed, Collection<PoiId> removed) {
        List<Poi> put = List.copyOf(changed);
        List<PoiId> gone = List.copyOf(removed);
        // Same lock as rebuild(): a put can never be wiped by a rebuild that read the table before it.
        Runnable apply = () -> {
            synchronized (this) {
                if (!put.isEmpty()) {
                    index.put(put);
                }
                if (!gone.isEmpty()) {
                    index.remove(gone);
                }
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    apply.run();
                }
            });
        } else {
            apply.run();
        }
    }

    /** Reads every POI in pages and swaps the whole index. */
    public synchronized void rebuild() {
        PoiRepository.Fingerprint before = repository.fingerprint();
        List<Poi> all = new ArrayList<>();
        UUID after = new UUID(0, 0);
        for (List<Poi> page = repository.after(after, PoiFilter.any(), null, PAGE);
                !page.isEmpty();
                page = repository.after(after, PoiFilter.any(), null, PAGE)) {
            all.addAll(page);
            after = page.get(page.size() - 1).id().value();
        }
        index.replaceAll(all);
        indexedUpTo = before.latest();
        log.info("POI name index built over {} POIs", all.size());
    }

    /** Catches up with writes made on other nodes; cheap when nothing changed. */
    public synchronized void catchUp() {
        PoiRepository.Fingerprint now = repository.fingerprint();
        if (now.latest().isAfter(indexedUpTo)) {
            List<Poi> changed = repository.changedSince(indexedUpTo.minus(LOOK_BACK), Integer.MAX_VALUE);
            index.put(changed);
            indexedUpTo = now.latest();
        }
        if (index.size() != now.count()) {
            rebuild();
        }
    }

    public int size() {
        return index.size();
    }

    @Override
    public void start() {
        int reprojected = repository.ensureProjection(projection);
        if (reprojected > 0) {
            log.info("Re-projected {} POIs for reference latitude {}", reprojected, projection.referenceLatitude());
        }
        rebuild();
        checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cityos-poi-names");
            t.setDaemon(true);
            return t;
        });
        checker.scheduleWithFixedDelay(
                this::checkQuietly, checkEvery.toMillis(), checkEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkQuietly() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            log.warn("POI name index check failed; keeping the current index", e);
        }
    }

    @Override
    public void stop() {
        if (checker != null) {
            checker.shutdownNow();
            checker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return checker != null;
    }
}
