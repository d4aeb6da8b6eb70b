package org.cityos.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A batch handler that keeps what it was handed, for assertions from the test thread. */
final class Collected implements BatchHandler {
    final List<List<KafkaRecord>> batches = new CopyOnWriteArrayList<>();

    @Override
    public void handle(List<KafkaRecord> batch) throws Exception {
        batches.add(batch);
    }

    List<KafkaRecord> records() {
        List<KafkaRecord> all = new ArrayList<>();
        batches.forEach(all::addAll);
        return all;
    }

    List<String> values() {
        return records().stream()
                .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .toList();
    }

    int count() {
        return batches.stream().mapToInt(List::size).sum();
    }
}
