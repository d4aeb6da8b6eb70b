package org.cityos.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.spatial.PoiImportJob.State;
import org.cityos.spatial.PoiProblems.UnknownPoiImport;
import org.cityos.spatial.PoiProblems.UnreadablePoiFile;
import org.cityos.spatial.PoiProblems.UnsupportedPoiFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Import jobs over CSV, Excel and GeoJSON with bad rows, re-imports, dry runs and export round trips. */
class PoiImportIT {
    static PoiFixture f;

    static final String CSV = """
            external_id,name,class,lon,lat,address,phone,level
            c-1,兴华医院,医院,116.30,39.60,兴华路1号,010-69241111,三级
            c-2,东方小学,school,116.55,39.65,,,
            c-3,,school,116.55,39.65,,,
            c-4,坏坐标,school,abc,39.65,,,
            c-5,区外公园,park,116.397,39.908,,,
            c-6,未知类,no-such,116.55,39.65,,,
            c-2,重复,school,116.55,39.65,,,
            c-7,多列,school,116.55,39.65,,,,extra
            ,无编号餐厅,餐饮,116.50,39.70,,,
            """;

    @BeforeAll
    static void start() {
        f = new PoiFixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static PoiImportJob run(byte[] content, String filename, boolean dryRun, Crs crs) {
        PoiImportJob started =
                f.imports.start(PoiFixture.STEWARD, new ByteArrayInputStream(content), filename, dryRun, crs);
        assertThat(started.state()).isIn(State.QUEUED, State.RUNNING, State.SUCCEEDED);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        f.imports.get(PoiFixture.STEWARD, started.id()).state().finished());
        return f.imports.get(PoiFixture.STEWARD, started.id());
    }

    @Test
    void csvGoodRowsAreImportedOnceAndBadRowsListed() {
        PoiImportJob job = run(CSV.getBytes(StandardCharsets.UTF_8), "pois.csv", false, Crs.WGS84);

        assertThat(job.state()).isEqualTo(State.SUCCEEDED);
        assertThat(job.rowsRead()).isEqualTo(9);
        assertThat(job.imported()).isEqualTo(3);
        assertThat(job.failed()).isEqualTo(6);
        assertThat(job.issues())
                .extracting(RowIssue::row, RowIssue::field, RowIssue::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "name", "validation.required"),
                        org.assertj.core.groups.Tuple.tuple(4, "lon", "problem.poi-not-a-number"),
                        org.assertj.core.groups.Tuple.tuple(5, "location", "problem.poi-outside-district"),
                        org.assertj.core.groups.Tuple.tuple(6, "class", "problem.unknown-poi-class"),
                        org.assertj.core.groups.Tuple.tuple(7, "externalId", "problem.poi-duplicate-in-file"),
                        org.assertj.core.groups.Tuple.tuple(8, "row", "problem.poi-row-columns"));
        Poi hospital = byExternalId("c-1");
        assertThat(hospital.classCode()).isEqualTo("hospital");
        assertThat(hospital.attributes()).containsEntry("level", "三级");
        assertThat(hospital.grid()).isEqualTo(PoiFixture.GRID);
        assertThat(f.count("SELECT count(*) FROM audit_record WHERE action = 'spatial.poi.import' AND target_id = '"
                        + job.id() + "'"))
                .isPositive();

        PoiImportJob again = run(CSV.getBytes(StandardCharsets.UTF_8), "pois.csv", false, Crs.WGS84);
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.updated()).isZero();
        assertThat(again.imported())
                .as("only the row without an external id is added again")
                .isEqualTo(1);
        assertThat(f.count("SELECT count(*) FROM spatial_poi WHERE external_id IN ('c-1', 'c-2')"))
                .isEqualTo(2);

        PoiImportJob changed =
                run(CSV.replace("兴华医院", "兴华人民医院").getBytes(StandardCharsets.UTF_8), "pois.csv", false, Crs.WGS84);
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(byExternalId("c-1").name()).isEqualTo("兴华人民医院");
        assertThat(byExternalId("c-1").version()).isEqualTo(1);
        assertThatThrownBy(() -> f.imports.get(PoiFixture.WEST_STEWARD, job.id()))
                .isInstanceOf(UnknownPoiImport.class);
    }

    @Test
    void dryRunCountsButWritesNothing() {
        long before = f.count("SELECT count(*) FROM spatial_poi");
        String csv = "name,class,lon,lat,external_id\n试运行公园,park,116.5,39.7,dry-1\n";
        PoiImportJob job = run(csv.getBytes(StandardCharsets.UTF_8), "dry.csv", true, Crs.WGS84);
        assertThat(job.dryRun()).isTrue();
        assertThat(job.imported()).isEqualTo(1);
        assertThat(f.count("SELECT count(*) FROM spatial_poi")).isEqualTo(before);
    }

    @Test
    void excelIsStreamedWithChineseHeaders() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet("兴趣点");
            Object[][] rows = {
                {"外部编号", "名称", "类别", "经度", "纬度", "备注"},
                {"x-1", "幸福养老院", "养老机构", 116.31, 39.61, "民办"},
                {"x-2", "坏纬度", "学校", 116.31, 95.0, null},
                {"x-3", "星河加油站", "fuel-station", 116.6, 39.66, null}
            };
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Double d) {
                        row.createCell(c).setCellValue(d);
                    } else if (rows[r][c] != null) {
                        row.createCell(c).setCellValue((String) rows[r][c]);
                    }
                }
            }
            wb.write(out);
        }
        PoiImportJob job = run(out.toByteArray(), "pois.xlsx", false, Crs.WGS84);
        assertThat(job.state()).isEqualTo(State.SUCCEEDED);
        assertThat(job.imported()).isEqualTo(2);
        assertThat(job.issues()).singleElement().satisfies(i -> {
            assertThat(i.row()).isEqualTo(2);
            assertThat(i.field()).isEqualTo("lat");
        });
        assertThat(byExternalId("x-1").attributes()).containsEntry("备注", "民办");
        assertThat(byExternalId("x-3").location()).isEqualTo(new GeoPoint(116.6, 39.66));
    }

    @Test
    void geoJsonFeaturesInGcj02() {
        GeoPoint wgs84 = new GeoPoint(116.52, 39.71);
        GeoPoint gcj = Crs.GCJ02.fromWgs84(wgs84);
        String json = """
                {"type":"FeatureCollection","name":"test","features":[
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[%s,%s]},
                  "properties":{"external_id":"g-1","name":"翠湖公园","class":"公园","open":true,"area":12.5}},
                 {"type":"Feature","geometry":{"type":"LineString","coordinates":[[116.5,39.7],[116.6,39.7]]},
                  "properties":{"external_id":"g-2","name":"线","class":"park"}},
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[116.5,39.7]},
                  "properties":{"external_id":"g-3","class":"park"}}
                ]}
                """.formatted(gcj.lon(), gcj.lat());
        PoiImportJob job = run(json.getBytes(StandardCharsets.UTF_8), "pois.geojson", false, Crs.GCJ02);
        assertThat(job.imported()).isEqualTo(1);
        assertThat(job.issues())
                .extracting(RowIssue::row, RowIssue::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "geometry"),
                        org.assertj.core.groups.Tuple.tuple(3, "name"));
        Poi park = byExternalId("g-1");
        assertThat(park.location().distanceTo(wgs84)).isLessThan(0.01);
        assertThat(park.attributes()).containsEntry("open", true).containsEntry("area", 12.5);
    }

    @Test
    void aFileBrokenPartWayKeepsWhatWasReadAndSaysWhere() {
        String json = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[116.5,39.7]},"properties":{"external_id":"b-1","name":"甲","class":"park"}},
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[116.5,39.7]},"properties":{"external_id":"b-2","name":"乙","class":"park"}},
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[116.5,
                """;
        PoiImportJob job = run(json.getBytes(StandardCharsets.UTF_8), "broken.geojson", false, Crs.WGS84);
        assertThat(job.state()).isEqualTo(State.FAILED);
        assertThat(job.messageKey()).isEqualTo("problem.poi-import-broken");
        assertThat(job.messageArgs().get(0)).isEqualTo("2");
        assertThat(job.imported()).isEqualTo(2);
        assertThat(f.count("SELECT count(*) FROM spatial_poi WHERE external_id IN ('b-1', 'b-2')"))
                .isEqualTo(2);
    }

    @Test
    void unreadableFilesAreRefusedBeforeAnyJob() {
        long jobs = f.count("SELECT count(*) FROM spatial_poi_import");
        assertThatThrownBy(() -> start("name,lon,lat\nx,1,2\n", "missing-class.csv"))
                .isInstanceOf(UnreadablePoiFile.class);
        assertThatThrownBy(() -> start("not a workbook", "fake.xlsx")).isInstanceOf(UnreadablePoiFile.class);
        assertThatThrownBy(() -> start("{\"type\":\"Point\",\"coordinates\":[1,2]}", "point.geojson"))
                .isInstanceOf(UnreadablePoiFile.class);
        assertThatThrownBy(() -> start("[1,2", "array.json")).isInstanceOf(UnreadablePoiFile.class);
        assertThatThrownBy(() -> start("%PDF-1.4", "report.pdf")).isInstanceOf(UnsupportedPoiFile.class);
        assertThatThrownBy(() -> f.imports.start(
                        PoiFixture.LEADER, new ByteArrayInputStream(new byte[0]), "a.csv", false, Crs.WGS84))
                .isInstanceOf(AccessDenied.class);
        assertThat(f.count("SELECT count(*) FROM spatial_poi_import")).isEqualTo(jobs);
    }

    @Test
    void exportsRoundTripThroughImportInEveryFormat() {
        for (String format : List.of("csv", "xlsx", "geojson")) {
            List<Poi> placed = List.of(
                    f.pois.place(
                            PoiFixture.STEWARD,
                            new PoiDraft(
                                    "fire-station",
                                    "东消防站",
                                    new GeoPoint(116.612345, 39.654321),
                                    "东路9号",
                                    "010-119",
                                    Map.of("trucks", 4),
                                    format + "-f1")),
                    f.pois.place(
                            PoiFixture.STEWARD,
                            new PoiDraft(
                                    "fire-station",
                                    "西消防站",
                                    new GeoPoint(116.301234, 39.612345),
                                    null,
                                    null,
                                    Map.of(),
                                    format + "-f2")));
            byte[] file = export(PoiFixture.STEWARD, format, new PoiFilter("fire-station", null), Crs.BD09);
            for (Poi p : placed) {
                f.pois.remove(PoiFixture.STEWARD, p.id(), 0);
            }
            PoiImportJob back = run(file, "export." + format, false, Crs.BD09);
            assertThat(back.issues()).as(format).isEmpty();
            assertThat(back.imported()).as(format).isEqualTo(2);
            for (Poi p : placed) {
                Poi copy = byExternalId(p.externalId());
                assertThat(copy.name()).isEqualTo(p.name());
                assertThat(copy.classCode()).isEqualTo("fire-station");
                assertThat(copy.address()).isEqualTo(p.address());
                assertThat(copy.phone()).isEqualTo(p.phone());
                assertThat(copy.location().distanceTo(p.location())).as(format).isLessThan(0.05);
                assertThat(copy.grid()).isEqualTo(p.grid());
                assertThat(String.valueOf(copy.attributes().get("trucks")))
                        .isEqualTo(String.valueOf(p.attributes().get("trucks")));
            }
            assertThat(run(file, "export." + format, false, Crs.BD09).unchanged())
                    .as(format)
                    .isEqualTo(2);
            for (Poi p : placed) {
                Poi copy = byExternalId(p.externalId());
                f.pois.remove(PoiFixture.STEWARD, copy.id(), copy.version());
            }
        }
    }

    @Test
    void exportIsScopedToTheCallersDivisions() {
        f.pois.place(
                PoiFixture.STEWARD,
                new PoiDraft("bank", "东银行", new GeoPoint(116.58, 39.66), null, null, null, "e-bank"));
        f.pois.place(
                PoiFixture.STEWARD, new PoiDraft("bank", "西银行", new GeoPoint(116.3, 39.6), null, null, null, "w-bank"));
        String csv =
                new String(export(PoiFixture.EAST_READER, "csv", PoiFilter.any(), Crs.WGS84), StandardCharsets.UTF_8);
        assertThat(csv).contains("东银行").doesNotContain("西银行");
        assertThat(csv.lines().skip(1)).allSatisfy(line -> assertThat(line).contains(",110115002"));
    }

    private static byte[] export(org.cityos.kernel.access.Actor actor, String format, PoiFilter filter, Crs crs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.exports.prepare(actor, format, filter, crs).writer().writeTo(out);
        return out.toByteArray();
    }

    private static PoiImportJob start(String content, String filename) {
        return f.imports.start(
                PoiFixture.STEWARD,
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
                filename,
                false,
                Crs.WGS84);
    }

    private static Poi byExternalId(String externalId) {
        return f.search.search(PoiFixture.STEWARD, null, PoiFilter.any(), PageRequest.of(0, 1000)).items().stream()
                .filter(p -> externalId.equals(p.externalId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no POI " + externalId));
    }
}
