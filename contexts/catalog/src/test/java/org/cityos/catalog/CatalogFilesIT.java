package org.cityos.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityos.kernel.access.Actor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Import of CSV and xlsx, all or nothing with row-level errors, and export that imports back. */
class CatalogFilesIT {
    static final String HEADER = String.join(",", CatalogFiles.COLUMNS) + "\n";
    static CatalogFixture f;
    static final Actor[] AS = {CatalogFixture.STEWARD};
    static MockMvc mvc;

    @BeforeAll
    static void start() throws Exception {
        f = new CatalogFixture();
        mvc = f.mvc(AS);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @BeforeEach
    void steward() {
        AS[0] = CatalogFixture.STEWARD;
    }

    static String row(String code, String name, String department) {
        return code + "," + name + "," + department + ",摘要文字,数据库,无条件共享,,开放,每日,2026-01-01,王芳,13812345678,"
                + "\"station_id|站点编号|STRING|N;owner_phone|联系电话|STRING|Y\"\n";
    }

    static MockMultipartFile file(String name, byte[] bytes) {
        return new MockMultipartFile("file", name, "application/octet-stream", bytes);
    }

    @Test
    void aFileWithBadRowsIsRefusedWithAnErrorPerCellAndNothingIsWritten() throws Exception {
        String csv = HEADER
                + row("1-05-001-0001", "河道水质监测", "ecology")
                + row("1-5-01-0002", "坏代码", "ecology")
                + row("1-05-001-0003", "未知部门", "water-bureau")
                + row("1-05-001-0004", "", "ecology")
                + row("1-05-001-0001", "重复代码", "ecology");
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/api/catalog/import").file(file("catalog.csv", bytes)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath(
                        "$.errors[*].field",
                        containsInAnyOrder(
                                "rows[3].code", "rows[4].providerDepartment", "rows[5].name", "rows[6].code")));
        assertThat(f.count("SELECT count(*) FROM catalog_entry WHERE code LIKE '1-05-%'"))
                .isZero();
        assertThat(f.count("SELECT count(*) FROM catalog_ledger WHERE subject LIKE '1-05-%'"))
                .isZero();
        mvc.perform(multipart("/api/catalog/import")
                        .file(file("catalog.csv", bytes))
                        .param("dryRun", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(5))
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.errors.length()").value(4));
    }

    @Test
    void rowsOfAnotherDepartmentAreRefusedAndAGoodFileIsImportedWhole() throws Exception {
        String foreign = HEADER + row("1-06-001-0001", "公交刷卡数据", "transport");
        mvc.perform(multipart("/api/catalog/import").file(file("t.csv", foreign.getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rows[2].providerDepartment"));
        String good = HEADER + row("1-06-002-0001", "噪声监测", "ecology") + row("1-06-002-0002", "扬尘监测", "ecology");
        mvc.perform(multipart("/api/catalog/import").file(file("good.csv", good.getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2));
        assertThat(f.catalog.get(CatalogFixture.STEWARD, "1-06-002-0002", false).items())
                .containsExactly(
                        new DataItem("station_id", "站点编号", ItemType.STRING, false),
                        new DataItem("owner_phone", "联系电话", ItemType.STRING, true));
        assertThat(f.count("SELECT count(*) FROM catalog_ledger WHERE subject LIKE '1-06-002-%'"))
                .isEqualTo(2);
    }

    @Test
    void anXlsxWorkbookImportsLikeACsv() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet();
            Row header = sheet.createRow(0);
            for (int c = 0; c < CatalogFiles.COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(CatalogFiles.COLUMNS.get(c));
            }
            String[] cells = {
                "3-07-001-0001",
                "危险废物转移联单",
                "ecology",
                "转移联单电子数据",
                "文件",
                "不予共享",
                "涉及企业商业秘密",
                "不予开放",
                "每季度",
                "2025-12-31",
                "李雷",
                "13700001234",
                "form_no|联单编号|STRING|N"
            };
            Row row = sheet.createRow(1);
            for (int c = 0; c < cells.length; c++) {
                row.createCell(c).setCellValue(cells[c]);
            }
            book.write(out);
        }
        mvc.perform(multipart("/api/catalog/import").file(file("catalog.xlsx", out.toByteArray())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1));
        CatalogEntry entry = f.catalog.get(CatalogFixture.STEWARD, "3-07-001-0001", false);
        assertThat(entry.sharingType()).isEqualTo(SharingType.NOT_SHARED);
        assertThat(entry.sharingCondition()).isEqualTo("涉及企业商业秘密");
        assertThat(entry.updateCycle()).isEqualTo(UpdateCycle.QUARTERLY);
        mvc.perform(multipart("/api/catalog/import").file(file("catalog.xlsx", "not a workbook".getBytes())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("unreadable-catalog-file")));
    }

    @Test
    void anExportImportsBackToTheSameEntriesAndUnmaskedExportsAreAudited() throws Exception {
        f.create("2-08-001-0001", "生态环境监测站点");
        f.create("2-08-001-0002", "环境执法案件");
        AS[0] = CatalogFixture.AUDITOR;
        byte[] masked = export("csv", "false", "q", "环境");
        assertThat(new String(masked, StandardCharsets.UTF_8))
                .contains("138****5678")
                .doesNotContain("13812345678");
        AS[0] = CatalogFixture.UNMASKER;
        byte[] csv = export("csv", "true", "q", "环境");
        assertThat(f.count("SELECT count(*) FROM audit_record WHERE action = 'catalog.entry.unmask'"
                        + " AND target_id LIKE '2-08-001-%'"))
                .isEqualTo(2);
        // Re-import under new codes: every other field must survive the trip unchanged.
        String renamed = new String(csv, StandardCharsets.UTF_8).replace("2-08-001-", "2-08-002-");
        assertThat(f.files
                        .importFile(
                                CatalogFixture.STEWARD,
                                new ByteArrayInputStream(renamed.getBytes(StandardCharsets.UTF_8)),
                                "back.csv",
                                false)
                        .created())
                .isEqualTo(2);
        for (String serial : List.of("0001", "0002")) {
            CatalogEntry before = f.catalog.get(CatalogFixture.UNMASKER, "2-08-001-" + serial, true);
            CatalogEntry after = f.catalog.get(CatalogFixture.UNMASKER, "2-08-002-" + serial, true);
            assertThat(after)
                    .usingRecursiveComparison()
                    .ignoringFields("code", "reason", "changedAt")
                    .isEqualTo(before);
        }
        byte[] xlsx = export("xlsx", "false", "department", "ecology");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("code");
            assertThat(book.getSheetAt(0).getLastRowNum()).isGreaterThanOrEqualTo(4);
        }
    }

    private static byte[] export(String format, String unmask, String param, String value) throws Exception {
        MvcResult started = mvc.perform(get("/api/catalog/export")
                        .param("format", format)
                        .param("unmask", unmask)
                        .param(param, value))
                .andExpect(request().asyncStarted())
                .andReturn();
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(header().exists("Content-Disposition"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }
}
