package org.cityos.spatial.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cityos.audit.AuditTrail;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.DivisionLevel;
import org.cityos.kernel.access.Actor;
import org.cityos.spatial.Division;
import org.cityos.spatial.DivisionKind;
import org.cityos.spatial.SpatialProperties;
import org.cityos.spatial.persistence.DivisionRepository;
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
 * Loads the deployment's district and its township-level units into an empty tree on first start,
 * from the reference list named in {@link SpatialProperties}. A tree that has rows is left alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class DivisionSeed implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DivisionSeed.class);

    private final DivisionRepository repository;
    private final SpatialProperties properties;
    private final ResourceLoader resources;
    private final AuditTrail audit;
    private final Clock clock;

    public DivisionSeed(
            DivisionRepository repository,
            SpatialProperties properties,
            ResourceLoader resources,
            AuditTrail audit,
            Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.resources = resources;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (!repository.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        DivisionCode district = DivisionCode.of(properties.districtCode());
        if (district.level() != DivisionLevel.DISTRICT) {
            throw new IllegalStateException("cityos.spatial.district-code must be a district code: " + district);
        }
        String source = properties.seedDivisions();
        repository.insert(
                new Division(district, null, DivisionKind.DISTRICT, properties.districtName(), false, source, 0, now),
                now);
        int count = 0;
        if (!source.isBlank()) {
            try (Reader reader =
                    new InputStreamReader(resources.getResource(source).getInputStream(), StandardCharsets.UTF_8)) {
                for (CSVRecord row : CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(reader)) {
                    DivisionCode code = DivisionCode.of(row.get("code12"));
                    if (!district.contains(code) || code.level() != DivisionLevel.TOWN) {
                        continue;
                    }
                    DivisionKind kind = DivisionRules.townshipKind(row.get("kind_by_code_range"), row.get("name"));
                    repository.insert(new Division(code, district, kind, row.get("name"), false, source, 0, now), now);
                    count++;
                }
            }
        }
        audit.record(
                Actor.system("seed"),
                "spatial.division.seed",
                "division",
                district.value(),
                Map.of("source", source, "townshipUnits", count));
        log.info(
                "Seeded division tree: {} {} with {} township-level units", district, properties.districtName(), count);
    }
}
