package org.cityos.casework.internal.categories;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.cityos.casework.CategoryProperties;
import org.cityos.casework.persistence.CategoryRepository;
import org.springframework.stereotype.Component;

/**
 * This node's reading of the category tree. Intake asks whether a code is usable for every case, so the tree is
 * read once and reused; a write on this node drops it at once, a write on another node shows after
 * {@code cache-for} at most.
 */
@Component
public class CategoryCatalog {
    private record Reading(CategoryTree tree, Instant at) {}

    private final CategoryRepository repository;
    private final Clock clock;
    private final CategoryProperties properties;
    private final AtomicReference<Reading> reading = new AtomicReference<>();

    public CategoryCatalog(CategoryRepository repository, Clock clock, CategoryProperties properties) {
        this.repository = repository;
        this.clock = clock;
        this.properties = properties;
    }

    public CategoryTree tree() {
        Reading r = reading.get();
        Instant now = clock.instant();
        if (r == null || !now.isBefore(r.at().plus(properties.cacheFor())) || now.isBefore(r.at())) {
            r = new Reading(CategoryTree.of(repository.all()), now);
            reading.set(r);
        }
        return r.tree();
    }

    /** Forgets the reading: the next question reads the table again. */
    public void invalidate() {
        reading.set(null);
    }
}
