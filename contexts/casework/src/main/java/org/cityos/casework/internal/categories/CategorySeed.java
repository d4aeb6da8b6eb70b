package org.cityos.casework.internal.categories;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.cityos.audit.AuditTrail;
import org.cityos.casework.CategoryProperties;
import org.cityos.casework.internal.categories.CategoryImport.Plan;
import org.cityos.casework.persistence.CategoryRepository;
import org.cityos.casework.persistence.CategoryRepository.CategoryRow;
import org.cityos.kernel.access.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the reference tree into an empty category table on start (a tree that has rows is left alone), checked by
 * the same rules as an import: a broken seed file stops the start rather than half-loading.
 */
// Before the runners that check categories (the Open311 catalogue, dispatch rules, intake policies).
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
@Component
public class CategorySeed implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(CategorySeed.class);

    private final CategoryRepository repository;
    private final CategoryCatalog catalog;
    private final CategorySuggester suggester;
    private final CategoryProperties properties;
    private final ResourceLoader resources;
    private final AuditTrail audit;
    private final Clock clock;

    public CategorySeed(
            CategoryRepository repository,
            CategoryCatalog catalog,
            CategorySuggester suggester,
            CategoryProperties properties,
            ResourceLoader resources,
            AuditTrail audit,
            Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.suggester = suggester;
        this.properties = properties;
        this.resources = resources;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        String source = properties.seed();
        if (source.isBlank() || !repository.isEmpty()) {
            return;
        }
        Plan plan;
        try (InputStream in = resources.getResource(source).getInputStream()) {
            plan = CategoryImport.plan(
                    CategoryFile.read(in, source), CategoryTree.of(java.util.List.of()), false, false);
        }
        if (!plan.report().errors().isEmpty()) {
            throw new IllegalStateException(
                    "category seed " + source + " is broken: " + plan.report().errors());
        }
        Instant now = clock.instant();
        int inserted = 0;
        for (CategoryRow row : plan.creates()) {
            if (repository.insert(row, now)) {
                inserted++;
            }
        }
        audit.record(
                Actor.system("seed"),
                "casework.category.seed",
                "category",
                source,
                Map.of("source", source, "categories", inserted));
        catalog.invalidate();
        suggester.retrain();
        log.info("Seeded {} case categories from {}", inserted, source);
    }
}
