package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Division files in: row-by-row reports, dry runs, idempotent re-import, scope, limits; changes audited. */
class DivisionImportSystemTest extends SystemTest {
    private static final String CSV = """
            code,name,kind
            110115007901,西红门社区一,社区
            110115007902,西红门村二,村
            110115007901003,西红门社区一第3网格,网格
            11011500700,短代码,社区
            110115999901,无上级社区,社区
            110115007904,层级不符,镇
            110115007902,重复行,村
            110115007905,<b>标记</b>,社区
            """;

    @Test
    void goodRowsAreImportedOnceAndBadRowsReportedWithReasons() {
        String steward = api.login("steward", DEMO_PASSWORD);
        byte[] csv = CSV.getBytes(StandardCharsets.UTF_8);

        JsonNode dry = upload(steward, "divisions.csv", csv, true).json();
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(dry.get("rows").asInt()).isEqualTo(8);
        assertThat(dry.get("created").asInt()).isEqualTo(3);
        assertThat(dry.get("failed").asInt()).isEqualTo(5);
        assertThat(api.get("/api/divisions/110115007901", steward).status()).isEqualTo(404);

        JsonNode report = upload(steward, "divisions.csv", csv, false).json();
        assertThat(report.get("created").asInt()).isEqualTo(3);
        List<Integer> failedRows = new ArrayList<>();
        report.get("issues").forEach(i -> failedRows.add(i.get("row").asInt()));
        assertThat(failedRows).containsExactly(4, 5, 6, 7, 8);
        assertThat(report.get("issues").get(1).get("message").asString())
                .contains("110115999000")
                .contains("不存在");
        JsonNode grid = api.get("/api/divisions/110115007901003", steward).json();
        assertThat(grid.get("path")).hasSize(4);
        assertThat(grid.get("division").get("level").asString()).isEqualTo("GRID");

        JsonNode again = upload(steward, "divisions.csv", csv, false).json();
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(3);
        long imports = jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'spatial.division.import'")
                .query(Long.class)
                .single();
        assertThat(imports).isEqualTo(1);
    }

    @Test
    void excelFilesImportToo() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            var sheet = book.createSheet();
            String[][] rows = {{"代码", "名称", "类型"}, {"110115008901", "瀛海社区一", "社区"}, {"bad", "坏行", "村"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < 3; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
        }
        JsonNode report = upload(api.login("steward", DEMO_PASSWORD), "divisions.xlsx", out.toByteArray(), false)
                .json();
        assertThat(report.get("created").asInt()).isEqualTo(1);
        assertThat(report.get("failed").asInt()).isEqualTo(1);
        assertThat(report.get("issues").get(0).get("field").asString()).isEqualTo("code");
    }

    @Test
    void scopeLimitsImportsAndNobodyElseMayImport() {
        String townA = api.login("town-a", DEMO_PASSWORD);
        assertThat(upload(townA, "d.csv", CSV.getBytes(StandardCharsets.UTF_8), true)
                        .status())
                .isEqualTo(403);
        Api.Response exe = upload(api.login("steward", DEMO_PASSWORD), "tool.exe", new byte[] {'M', 'Z', 0, 1}, false);
        assertThat(exe.status()).isEqualTo(400);
        assertThat(exe.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
    }

    @Test
    void filesOverTheLimitAreRefusedBeforeTheyAreRead() {
        byte[] big = new byte[51 * 1024 * 1024];
        Api.Response r = upload(api.login("steward", DEMO_PASSWORD), "big.csv", big, true);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void concurrentChangesConflictInsteadOfOverwriting() {
        String steward = api.login("steward", DEMO_PASSWORD);
        JsonNode current =
                api.get("/api/divisions/110115009000", steward).json().get("division");
        int version = current.get("version").asInt();
        Map<String, Object> first = Map.of("kind", "SUBDISTRICT", "name", "观音寺街道（改）", "version", version);
        assertThat(api.put("/api/divisions/110115009000", steward, first).status())
                .isEqualTo(200);
        Api.Response stale = api.put(
                "/api/divisions/110115009000",
                steward,
                Map.of("kind", "SUBDISTRICT", "name", "观音寺街道（再改）", "version", version));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(api.get("/api/divisions/110115009000", steward)
                        .json()
                        .get("division")
                        .get("name")
                        .asString())
                .isEqualTo("观音寺街道（改）");
    }

    private Api.Response upload(String token, String name, byte[] content, boolean dryRun) {
        return Multipart.file("file", name, "application/octet-stream", content)
                .post(api, "/api/divisions/import?dryRun=" + dryRun, token);
    }
}
