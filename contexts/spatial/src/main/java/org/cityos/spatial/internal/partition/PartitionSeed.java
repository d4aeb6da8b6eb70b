package org.cityos.spatial.internal.partition;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityos.audit.AuditTrail;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Actor;
import org.cityos.spatial.Division;
import org.cityos.spatial.DivisionKind;
import org.cityos.spatial.Places;
import org.cityos.spatial.SpatialProperties;
import org.cityos.spatial.persistence.DivisionGeometryRepository;
import org.cityos.spatial.persistence.DivisionRepository;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On a first start with no boundaries, stores the district outline and generates the synthetic
 * partition (towns' cells, communities/villages and grids) so the demo has places down to the grid.
 * Deployments with official boundaries turn it off and import theirs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
public class PartitionSeed implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(PartitionSeed.class);

    private final DivisionRepository divisions;
    private final DivisionGeometryRepository geometries;
    private final Places places;
    private final SpatialProperties properties;
    private final ResourceLoader resources;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    public PartitionSeed(
            DivisionRepository divisions,
            DivisionGeometryRepository geometries,
            Places places,
            SpatialProperties properties,
            ResourceLoader resources,
            AuditTrail audit,
            TransactionTemplate tx,
            Clock clock) {
        this.divisions = divisions;
        this.geometries = geometries;
        this.places = places;
        this.properties = properties;
        this.resources = resources;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (geometries.count() > 0 || !properties.syntheticPartition()) {
            return;
        }
        DivisionCode district = DivisionCode.of(properties.districtCode());
        if (divisions.find(district).isEmpty()) {
            return;
        }
        Geometry outline;
        try (InputStream in =
                resources.getResource(properties.districtOutline()).getInputStream()) {
            outline = ReferenceShapes.outline(in);
        }
        Map<DivisionCode, DivisionKind> kinds = new LinkedHashMap<>();
        divisions.children(district).forEach(d -> kinds.put(d.code(), d.kind()));
        List<Seat> seats;
        try (InputStream in = resources.getResource(properties.townSeats()).getInputStream()) {
            seats = ReferenceShapes.seats(in, kinds);
        }
        long started = System.nanoTime();
        Partition partition = SyntheticPartition.generate(
                properties.partitionSeed(),
                outline,
                seats,
                new SyntheticPartition.Sizes(properties.communities(), properties.gridsPerCommunity()));
        tx.executeWithoutResult(status -> store(district, outline, partition));
        places.rebuild();
        log.info(
                "Generated the SYNTHETIC partition (seed {}): {} towns, {} communities/villages, {} grids in {} ms",
                properties.partitionSeed(),
                partition.towns().size(),
                partition.communities().size(),
                partition.grids().size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private void store(DivisionCode district, Geometry outline, Partition partition) {
        Instant now = clock.instant();
        String source = "synthetic:seed=" + properties.partitionSeed();
        List<Division> generated = new ArrayList<>();
        List<DivisionGeometryRepository.Stored> shapes = new ArrayList<>();
        shapes.add(new DivisionGeometryRepository.Stored(
                district, outline, Areas.squareMetres(outline), false, properties.districtOutline()));
        for (Cell cell : partition.all()) {
            if (cell.code().level() != org.cityos.kernel.DivisionLevel.TOWN) {
                generated.add(new Division(cell.code(), cell.parent(), cell.kind(), cell.name(), true, source, 0, now));
            }
            shapes.add(new DivisionGeometryRepository.Stored(
                    cell.code(), cell.geometry(), Areas.squareMetres(cell.geometry()), true, source));
        }
        divisions.insertAll(generated, now);
        geometries.upsertAll(shapes, now);
        audit.record(
                Actor.system("seed"),
                "spatial.partition.generate",
                "division",
                district.value(),
                Map.of(
                        "seed", properties.partitionSeed(),
                        "communities", partition.communities().size(),
                        "grids", partition.grids().size(),
                        "synthetic", true));
    }
}
