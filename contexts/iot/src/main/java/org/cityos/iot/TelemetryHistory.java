package org.cityos.iot;

import java.time.Instant;
import java.util.Collection;
import java.util.function.Consumer;
import org.cityos.iot.persistence.TelemetryQueries;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays stored readings in time order, for evaluating a draft rule against the past (the alerting dry run).
 * No actor: the caller checks its user's rights and scope first.
 */
public class TelemetryHistory {
    private final TelemetryQueries queries;
    private final TransactionTemplate transactions;

    public TelemetryHistory(TelemetryQueries queries, TransactionTemplate transactions) {
        this.queries = queries;
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.transactions.setReadOnly(true);
    }

    /**
     * Streams the readings of devices of the given types (and the given properties, or all when empty) in
     * {@code [from, to)}, ordered by time, at most {@code limit} of them.
     *
     * @return how many were streamed
     */
    public long replay(
            Collection<String> typeCodes,
            Collection<String> properties,
            Instant from,
            Instant to,
            long limit,
            Consumer<StoredReading> each) {
        Long n = transactions.execute(status -> queries.replay(typeCodes, properties, from, to, limit, each));
        return n == null ? 0 : n;
    }
}
