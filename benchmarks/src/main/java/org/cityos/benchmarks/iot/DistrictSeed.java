package org.cityos.benchmarks.iot;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cityos.benchmarks.spatial.ReferenceDistrict;
import org.cityos.identity.Department;
import org.cityos.identity.persistence.DepartmentRepository;
import org.cityos.kernel.DepartmentCode;
import org.cityos.spatial.Division;
import org.cityos.spatial.DivisionKind;
import org.cityos.spatial.internal.partition.Areas;
import org.cityos.spatial.internal.partition.Cell;
import org.cityos.spatial.persistence.DivisionGeometryRepository;
import org.cityos.spatial.persistence.DivisionRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a first start of CityOS stores before devices can be placed: the district, its towns and the
 * synthetic communities and grids with their boundaries (as DivisionSeed and PartitionSeed store them),
 * and the reference departments (as IdentityBootstrap stores them).
 */
public final class DistrictSeed {
    static final String DEPARTMENTS = "reference/departments.csv";

    private DistrictSeed() {}

    /** Stores the division tree and every boundary; returns how many divisions. */
    public static int divisions(DataSource db, ReferenceDistrict district) {
        JdbcClient jdbc = JdbcClient.create(db);
        JdbcTemplate batch = new JdbcTemplate(db);
        Instant now = Instant.now();
        String source = "synthetic:seed=" + ReferenceDistrict.PARTITION_SEED;
        List<Division> tree = new ArrayList<>();
        tree.add(new Division(
                ReferenceDistrict.DISTRICT,
                null,
                DivisionKind.DISTRICT,
                ReferenceDistrict.DISTRICT_NAME,
                false,
                "benchmark",
                0,
                now));
        List<DivisionGeometryRepository.Stored> shapes = new ArrayList<>();
        shapes.add(new DivisionGeometryRepository.Stored(
                ReferenceDistrict.DISTRICT,
                district.outline(),
                Areas.squareMetres(district.outline()),
                false,
                ReferenceDistrict.OUTLINE));
        // Parents before children: towns, then communities, then grids (the partition's order).
        for (Cell cell : district.partition().all()) {
            tree.add(new Division(cell.code(), cell.parent(), cell.kind(), cell.name(), true, source, 0, now));
            shapes.add(new DivisionGeometryRepository.Stored(
                    cell.code(), cell.geometry(), Areas.squareMetres(cell.geometry()), true, source));
        }
        new DivisionRepository(jdbc, batch).insertAll(tree, now);
        new DivisionGeometryRepository(jdbc, batch).upsertAll(shapes, now);
        return tree.size();
    }

    /** Stores identity's reference departments; returns their codes in file order. */
    public static List<DepartmentCode> departments(DataSource db) throws IOException {
        DepartmentRepository repository = new DepartmentRepository(JdbcClient.create(db));
        List<DepartmentCode> codes = new ArrayList<>();
        try (InputStream in = DistrictSeed.class.getClassLoader().getResourceAsStream(DEPARTMENTS)) {
            if (in == null) {
                throw new IOException("not on the class path: " + DEPARTMENTS + " (is cityos-identity a dependency?)");
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            for (CSVRecord r : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)) {
                DepartmentCode code = DepartmentCode.of(r.get("code"));
                repository.insert(
                        new Department(code, r.get("name"), r.get("short_name"), r.get("responsibilities"), true, 0),
                        Instant.now());
                codes.add(code);
            }
        }
        return codes;
    }
}
