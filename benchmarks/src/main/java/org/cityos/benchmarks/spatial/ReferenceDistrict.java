package org.cityos.benchmarks.spatial;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.DivisionLevel;
import org.cityos.spatial.AddressVocabulary;
import org.cityos.spatial.DivisionKind;
import org.cityos.spatial.Placement.PlacedDivision;
import org.cityos.spatial.RoadSeat;
import org.cityos.spatial.internal.DivisionRules;
import org.cityos.spatial.internal.PlaceIndex;
import org.cityos.spatial.internal.partition.Cell;
import org.cityos.spatial.internal.partition.Partition;
import org.cityos.spatial.internal.partition.ReferenceShapes;
import org.cityos.spatial.internal.partition.Seat;
import org.cityos.spatial.internal.partition.SyntheticPartition;
import org.locationtech.jts.geom.Geometry;

/**
 * The reference district as a first start of CityOS builds it (PartitionSeed + Places.rebuild): the
 * outline and seats from the classpath, the township kinds from the NBS list, the synthetic partition
 * with the app's default seed and sizes, and a place index over the outline and every cell.
 */
public final class ReferenceDistrict {
    public static final String OUTLINE = "reference/boundaries/daxing_110115_county_boundary_osm.geojson";
    public static final String SEATS = "reference/divisions/daxing_township_seats_approx.csv";
    public static final String TOWNS = "reference/divisions/daxing_110115_township_level_2022.csv";
    public static final long PARTITION_SEED = 20261124L;
    public static final SyntheticPartition.Sizes SIZES = new SyntheticPartition.Sizes(441, 5);
    public static final DivisionCode DISTRICT = DivisionCode.of("110115000000");
    public static final String DISTRICT_NAME = "大兴区";
    public static final String CITY_NAME = "北京市";

    private final Geometry outline;
    private final Partition partition;

    private ReferenceDistrict(Geometry outline, Partition partition) {
        this.outline = outline;
        this.partition = partition;
    }

    /** Reads the reference files and generates the partition (a few seconds on one core). */
    public static ReferenceDistrict load() {
        try {
            Geometry outline;
            try (InputStream in = resource(OUTLINE)) {
                outline = ReferenceShapes.outline(in);
            }
            List<Seat> seats;
            try (InputStream in = resource(SEATS)) {
                seats = ReferenceShapes.seats(in, townKinds());
            }
            return new ReferenceDistrict(outline, SyntheticPartition.generate(PARTITION_SEED, outline, seats, SIZES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Geometry outline() {
        return outline;
    }

    public Partition partition() {
        return partition;
    }

    public List<Cell> grids() {
        return partition.grids();
    }

    /** What Places indexes after the seed: the district's outline and every generated cell. */
    public PlaceIndex placeIndex() {
        List<PlaceIndex.Entry> entries = new ArrayList<>();
        entries.add(new PlaceIndex.Entry(
                new PlacedDivision(DISTRICT, DISTRICT_NAME, DivisionKind.DISTRICT, false), outline));
        for (Cell cell : partition.all()) {
            entries.add(new PlaceIndex.Entry(
                    new PlacedDivision(cell.code(), cell.name(), cell.kind(), true), cell.geometry()));
        }
        return new PlaceIndex(entries);
    }

    /** The parser's names as Gazetteer.vocabulary() reads them from the stored division tree. */
    public AddressVocabulary vocabulary() {
        List<String> towns =
                partition.towns().stream().map(Cell::name).distinct().toList();
        List<String> communities =
                partition.communities().stream().map(Cell::name).distinct().toList();
        return new AddressVocabulary(List.of(CITY_NAME), DISTRICT_NAME, towns, communities);
    }

    /** The seats the road generator grows street grids around. */
    public static List<RoadSeat> roadSeats() {
        try (Reader reader = new InputStreamReader(resource(SEATS), StandardCharsets.UTF_8)) {
            return RoadSeat.readCsv(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Township-level units of the district with their kinds, as DivisionSeed stores them. */
    static Map<DivisionCode, DivisionKind> townKinds() throws IOException {
        Map<DivisionCode, DivisionKind> kinds = new LinkedHashMap<>();
        try (Reader reader = new InputStreamReader(resource(TOWNS), StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)) {
                DivisionCode code = DivisionCode.of(row.get("code12"));
                if (DISTRICT.contains(code) && code.level() == DivisionLevel.TOWN) {
                    kinds.put(code, DivisionRules.townshipKind(row.get("kind_by_code_range"), row.get("name")));
                }
            }
        }
        return kinds;
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = ReferenceDistrict.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException("not on the class path: " + path + " (is cityos-spatial a dependency?)");
        }
        return in;
    }
}
