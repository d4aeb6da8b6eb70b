package org.cityos.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cityos.iot.RegistryFixture.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityos.iot.DeviceImportJob.Issue;
import org.cityos.kernel.access.Actor;
import org.cityos.spatial.Crs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

class DeviceImportIT {
    static RegistryFixture f;
    static final String HEADER = "type,name,vendor,serial,lon,lat,department,state,tags,shared_with\n";

    @BeforeAll
    static void start() {
        f = new RegistryFixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static String csv() {
        StringBuilder b = new StringBuilder(HEADER);
        for (int i = 1; i <= 20; i++) {
            double lon = 116.30 + i * 0.01;
            b.append("rain-gauge,雨量计")
                    .append(i)
                    .append(",acme,RG-")
                    .append(i)
                    .append(',')
                    .append(lon)
                    .append(",39.62,water,ACTIVE,flood;pilot,city-management\n");
        }
        b.append("no-such-type,坏类型,acme,RG-bad1,116.40,39.65,water,,,\n"); // row 21
        b.append("rain-gauge,出界,acme,RG-bad2,117.50,39.60,water,,,\n"); // row 22
        b.append("rain-gauge,坏坐标,acme,RG-bad3,east,39.60,water,,,\n"); // row 23
        b.append("rain-gauge,无部门,acme,RG-bad4,116.40,39.65,nobody,,,\n"); // row 24
        b.append("rain-gauge,重复,acme,RG-1,116.41,39.66,water,,,\n"); // row 25
        b.append("rain-gauge,坏状态,acme,RG-bad6,116.42,39.66,water,BROKEN,,\n"); // row 26
        return b.toString();
    }

    DeviceImportJob run(String filename, byte[] content, boolean dryRun) {
        DeviceImportJob started =
                f.imports.start(STEWARD, new ByteArrayInputStream(content), filename, dryRun, Crs.WGS84);
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> f.imports.get(STEWARD, started.id()), j -> j.finishedAt() != null);
    }

    @Test
    void goodRowsOnceBadRowsReportedAndReimportAddsNothing() {
        byte[] file = csv().getBytes(StandardCharsets.UTF_8);
        DeviceImportJob dry = run("gauges.csv", file, true);
        assertThat(dry.state()).isEqualTo(DeviceImportJob.State.SUCCEEDED);
        assertThat(dry.imported()).isEqualTo(20);
        assertThat(f.count("SELECT count(*) FROM iot_device WHERE type_code = 'rain-gauge'"))
                .as("a dry run keeps nothing")
                .isZero();

        DeviceImportJob first = run("gauges.csv", file, false);
        assertThat(first.rowsRead()).isEqualTo(26);
        assertThat(first.imported()).isEqualTo(20);
        assertThat(first.existing()).isZero();
        assertThat(first.failed()).isEqualTo(6);
        assertThat(first.issues())
                .extracting(Issue::row, Issue::field, Issue::messageKey)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(21, "type", "problem.unknown-device-type"),
                        org.assertj.core.groups.Tuple.tuple(22, "lon", "problem.device-outside-district"),
                        org.assertj.core.groups.Tuple.tuple(23, "lon", "problem.device-coordinates"),
                        org.assertj.core.groups.Tuple.tuple(24, "department", "problem.unknown-department"),
                        org.assertj.core.groups.Tuple.tuple(25, "serial", "problem.device-serial-repeated"),
                        org.assertj.core.groups.Tuple.tuple(26, "state", "problem.device-state"));
        assertThat(f.count("SELECT count(*) FROM iot_device WHERE type_code = 'rain-gauge'"))
                .isEqualTo(20);
        assertThat(f.count("SELECT count(*) FROM iot_device WHERE serial = 'RG-3' AND state = 'ACTIVE'"
                        + " AND tags = '{flood,pilot}' AND shared_with = '{city-management}'"))
                .isEqualTo(1);

        DeviceImportJob again = run("gauges.csv", file, false);
        assertThat(again.imported()).isZero();
        assertThat(again.existing()).isEqualTo(20);
        assertThat(f.count("SELECT count(*) FROM iot_device WHERE type_code = 'rain-gauge'"))
                .isEqualTo(20);
    }

    @Test
    void theJobOverHttpGivesEachRowIssueInWordsInTheCallersLanguage() throws Exception {
        MockMvc mvc = f.mvc(new Actor[] {STEWARD});
        byte[] file =
                (HEADER + "rain-gauge,坏状态,acme,RG-web1,116.43,39.66,water,BROKEN,,\n").getBytes(StandardCharsets.UTF_8);
        String location = mvc.perform(multipart("/api/devices/imports")
                        .file(new MockMultipartFile("file", "web.csv", "text/csv", file))
                        .header("Accept-Language", "zh-CN"))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        assertThat(location).startsWith("/api/devices/imports/");
        String zh = await().atMost(Duration.ofSeconds(30))
                .until(() -> body(mvc, location, "zh-CN"), b -> b.contains("\"finishedAt\":\""));
        assertThat(zh)
                .contains("\"row\":1,\"field\":\"state\",\"messageKey\":\"problem.device-state\"")
                .contains("\"message\":\"“BROKEN”不是设备状态");
        assertThat(body(mvc, location, "en")).contains("\"message\":\"\\\"BROKEN\\\" is not a device state");
    }

    private static String body(MockMvc mvc, String path, String language) throws Exception {
        return mvc.perform(get(path).header("Accept-Language", language))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void childrenReportThroughAGatewayOfTheSameFileOrOneRegistered() {
        String header = "type,name,vendor,serial,lon,lat,department,parent\n";
        String file = header
                + "gateway,网关1,lora,GW-1,116.33,39.70,water,\n" // row 1
                + "waterlogging-level,网关下积水1,lora,RGC-1,116.331,39.701,water,GW-1\n" // row 2: by serial, same file
                + "waterlogging-level,网关下积水2,lora,RGC-2,116.332,39.702,water,GW-1\n" // row 3
                + "waterlogging-level,无网关,lora,RGC-3,116.333,39.703,water,GW-404\n" // row 4: no such gateway
                + "waterlogging-level,父为积水计,lora,RGC-4,116.334,39.704,water,RGC-1\n"; // row 5: not a gateway
        DeviceImportJob first = run("gateway.csv", file.getBytes(StandardCharsets.UTF_8), false);
        assertThat(first.imported()).as(first.issues().toString()).isEqualTo(3);
        assertThat(first.issues())
                .as(first.toString())
                .extracting(Issue::row, Issue::field, Issue::messageKey)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(4, "parent", "problem.unknown-device"),
                        org.assertj.core.groups.Tuple.tuple(5, "parent", "problem.parent-not-gateway"));
        String gateway = f.jdbc.sql("SELECT id FROM iot_device WHERE serial = 'GW-1'")
                .query(String.class)
                .single();
        assertThat(f.count("SELECT count(*) FROM iot_device WHERE parent_id = '" + gateway + "'"))
                .isEqualTo(2);

        // A later file names the registered gateway by its id; re-importing the first file changes nothing.
        String later = header + "waterlogging-level,网关下积水5,lora,RGC-5,116.335,39.705,water," + gateway + "\n";
        assertThat(run("later.csv", later.getBytes(StandardCharsets.UTF_8), false)
                        .imported())
                .isEqualTo(1);
        DeviceImportJob again = run("gateway.csv", file.getBytes(StandardCharsets.UTF_8), false);
        assertThat(again.existing()).isEqualTo(3);
        assertThat(f.count("SELECT count(*) FROM iot_device WHERE parent_id = '" + gateway + "'"))
                .isEqualTo(3);
    }

    @Test
    void excelFilesImportAndExportsReimportAsExisting() throws Exception {
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet();
            String[][] rows = {
                {"type", "name", "vendor", "serial", "lon", "lat", "department"},
                {"soil-moisture", "墒情1", "agro", "SM-1", "116.55", "39.65", "ecology"},
                {"soil-moisture", "墒情2", "agro", "SM-2", "116.56", "39.66", "ecology"},
                {"soil-moisture", "", "agro", "SM-3", "116.57", "39.66", "ecology"}
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(xlsx);
        }
        DeviceImportJob job = run("soil.xlsx", xlsx.toByteArray(), false);
        assertThat(job.imported()).isEqualTo(2);
        assertThat(job.issues())
                .extracting(Issue::row, Issue::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "name"));

        ByteArrayOutputStream exported = new ByteArrayOutputStream();
        f.exports.write(
                EAST_READER,
                DeviceExports.Format.CSV,
                new DeviceFilter("soil-moisture", null, null, null, null, null),
                Crs.WGS84,
                exported);
        String text = exported.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(3);
        assertThat(text).contains("SM-1", "SM-2");
        ByteArrayOutputStream nothing = new ByteArrayOutputStream();
        f.exports.write(
                WEST_STEWARD,
                DeviceExports.Format.CSV,
                new DeviceFilter("soil-moisture", null, null, null, null, null),
                Crs.WGS84,
                nothing);
        assertThat(nothing.toString(StandardCharsets.UTF_8).lines())
                .as("out of scope: header only")
                .hasSize(1);

        DeviceImportJob reimport = run("export.csv", exported.toByteArray(), false);
        assertThat(reimport.imported()).isZero();
        assertThat(reimport.existing()).isEqualTo(2);
    }
}
