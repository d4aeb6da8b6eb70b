package org.cityos.spatial.internal.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.DivisionLevel;
import org.cityos.spatial.DivisionKind;
import org.cityos.spatial.internal.DivisionRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

class SyntheticPartitionTest {
    private static Geometry outline;
    private static List<Seat> seats;
    private static Partition partition;

    @BeforeAll
    static void generate() throws IOException {
        outline = ReferenceShapes.outline(resource("reference/boundaries/daxing_110115_county_boundary_osm.geojson"));
        Map<DivisionCode, DivisionKind> kinds = new HashMap<>();
        try (var reader = new java.io.InputStreamReader(
                resource("reference/divisions/daxing_110115_township_level_2022.csv"),
                java.nio.charset.StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)) {
                kinds.put(
                        DivisionCode.of(r.get("code12")),
                        DivisionRules.townshipKind(r.get("kind_by_code_range"), r.get("name")));
            }
        }
        seats = ReferenceShapes.seats(resource("reference/divisions/daxing_township_seats_approx.csv"), kinds);
        partition = SyntheticPartition.generate(42, outline, seats, new SyntheticPartition.Sizes(441, 5));
    }

    @Test
    void everyTownGetsACellAndTheCellsTileTheOutline() {
        assertThat(seats).hasSize(26);
        assertThat(partition.towns()).hasSize(26);
        Geometry union = outline.getFactory()
                .buildGeometry(partition.towns().stream().map(Cell::geometry).toList())
                .union();
        assertThat(outline.symDifference(union).getArea() / outline.getArea()).isLessThan(1e-6);
        assertSiblingsDoNotOverlap(partition.towns());
    }

    @Test
    void communitiesAndGridsNestAndCoverTheirParents() {
        assertThat(partition.communities().size()).isBetween(430, 480);
        assertThat(partition.grids().size()).isBetween(1500, 3500);
        Map<DivisionCode, Geometry> byCode =
                partition.all().stream().collect(Collectors.toMap(Cell::code, Cell::geometry));
        for (Cell c : partition.communities()) {
            assertThat(c.code().level()).isEqualTo(DivisionLevel.COMMUNITY);
            assertThat(c.parent().contains(c.code())).isTrue();
            assertThat(byCode.get(c.parent()).buffer(1e-9).covers(c.geometry()))
                    .as(c.code().value())
                    .isTrue();
            assertThat(c.kind()).isIn(DivisionKind.COMMUNITY, DivisionKind.VILLAGE);
        }
        for (Cell g : partition.grids()) {
            assertThat(g.code().level()).isEqualTo(DivisionLevel.GRID);
            assertThat(g.code().parent()).contains(g.parent());
        }
        Map<DivisionCode, List<Cell>> gridsByCommunity =
                partition.grids().stream().collect(Collectors.groupingBy(Cell::parent));
        Cell first = partition.communities().get(0);
        Geometry gridUnion = first.geometry()
                .getFactory()
                .buildGeometry(gridsByCommunity.get(first.code()).stream()
                        .map(Cell::geometry)
                        .toList())
                .union();
        assertThat(first.geometry().symDifference(gridUnion).getArea()
                        / first.geometry().getArea())
                .isLessThan(1e-6);
        assertSiblingsDoNotOverlap(gridsByCommunity.get(first.code()));
        Set<String> names = new HashSet<>();
        partition
                .communities()
                .forEach(c -> assertThat(names.add(c.name())).as(c.name()).isTrue());
    }

    @Test
    void theSameSeedGivesTheSamePartitionAndAnotherSeedAnother() {
        Partition again = SyntheticPartition.generate(42, outline, seats, new SyntheticPartition.Sizes(441, 5));
        assertThat(again.all()).hasSameSizeAs(partition.all());
        for (int i = 0; i < partition.all().size(); i += 97) {
            Cell a = partition.all().get(i);
            Cell b = again.all().get(i);
            assertThat(b.code()).isEqualTo(a.code());
            assertThat(b.name()).isEqualTo(a.name());
            assertThat(b.geometry().equalsExact(a.geometry(), 1e-12)).isTrue();
        }
        Partition other = SyntheticPartition.generate(7, outline, seats, new SyntheticPartition.Sizes(441, 5));
        assertThat(other.communities()
                        .get(0)
                        .geometry()
                        .equalsExact(partition.communities().get(0).geometry(), 1e-9))
                .isFalse();
    }

    private static void assertSiblingsDoNotOverlap(List<Cell> cells) {
        for (int i = 0; i < cells.size(); i++) {
            for (int j = i + 1; j < cells.size(); j++) {
                double overlap = cells.get(i)
                        .geometry()
                        .intersection(cells.get(j).geometry())
                        .getArea();
                assertThat(overlap)
                        .as(cells.get(i).code() + " / " + cells.get(j).code())
                        .isLessThan(1e-12);
            }
        }
    }

    private static InputStream resource(String path) {
        return SyntheticPartitionTest.class.getClassLoader().getResourceAsStream(path);
    }
}
