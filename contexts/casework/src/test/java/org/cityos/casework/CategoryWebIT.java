package org.cityos.casework;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityos.kernel.access.Actor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Categories over HTTP: shapes of the tree, ETags and If-Match, permissions, bad input as problems, files. */
class CategoryWebIT {
    static CategoryFixture f;
    static final Actor[] AS = {CategoryFixture.OPERATOR};
    static MockMvc mvc;

    @BeforeAll
    static void start() throws Exception {
        f = new CategoryFixture().seeded();
        mvc = f.mvc(AS);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @BeforeEach
    void operator() {
        AS[0] = CategoryFixture.OPERATOR;
    }

    static MockMultipartFile file(String name, byte[] bytes) {
        return new MockMultipartFile("file", name, "application/octet-stream", bytes);
    }

    @Test
    void theTreeIsNestedUnlessFilteredAndOneCategoryCarriesItsVersionAsETag() throws Exception {
        AS[0] = CategoryFixture.GRID_WORKER;
        mvc.perform(get("/api/casework/categories"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("01"))
                .andExpect(jsonPath("$[0].leaf").value(false))
                .andExpect(jsonPath("$[0].children[0].code").value("0101"))
                .andExpect(jsonPath("$[0].children[0].leaf").value(true));
        mvc.perform(get("/api/casework/categories").param("kind", "event").param("parent", "E04"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem("E0405")))
                .andExpect(jsonPath("$[0].path[0]").value("E04"));
        mvc.perform(get("/api/casework/categories/E0405"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.name").value("城市积水"))
                .andExpect(jsonPath("$.kind").value("EVENT"));
        mvc.perform(get("/api/casework/categories/NOPE").header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("There is no case category \"NOPE\"."));
        mvc.perform(get("/api/casework/categories").param("kind", "GADGET"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
    }

    @Test
    void addingAndRenamingNeedCaseConfigureAndTheCurrentVersion() throws Exception {
        String body = "{\"code\":\"H0104X\",\"parentCode\":\"H01\",\"kind\":\"HOTLINE\",\"name\":\"x\"}";
        AS[0] = CategoryFixture.GRID_WORKER;
        mvc.perform(post("/api/casework/categories")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
        AS[0] = CategoryFixture.OPERATOR;
        mvc.perform(post("/api/casework/categories")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"H0106\",\"parentCode\":\"H01\",\"kind\":\"HOTLINE\","
                                + "\"name\":\"燃气管道改造\",\"nameEn\":\"Gas pipe renewal\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/casework/categories/H0106"))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.level").value(2));
        String rename = "{\"name\":\"燃气管网改造\"}";
        mvc.perform(put("/api/casework/categories/H0106")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(rename))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
        mvc.perform(put("/api/casework/categories/H0106")
                        .header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(rename))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.name").value("燃气管网改造"));
        mvc.perform(put("/api/casework/categories/H0106")
                        .header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(rename))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/casework/categories/H0106/deactivate").header("If-Match", "\"1\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false))
                .andExpect(header().string("ETag", "\"2\""));
        AS[0] = CategoryFixture.GRID_WORKER;
        mvc.perform(post("/api/casework/categories/H0105/deactivate")).andExpect(status().isForbidden());
    }

    @Test
    void badDraftsAreProblemsNamingEachField() throws Exception {
        mvc.perform(post("/api/casework/categories")
                        .header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"h-1\",\"kind\":\"EVENT\",\"name\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("code")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("必须填写名称。")));
        mvc.perform(post("/api/casework/categories")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"E09\",\"kind\":\"WEIRD\",\"name\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(post("/api/casework/categories")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{oops"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/casework/categories/E0405")
                        .header("If-Match", "soon")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\"}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anImportWithErrorsIsAReportOnADryRunAndA400OtherwiseWithNothingWritten() throws Exception {
        byte[] csv = """
                code,parent,kind,name
                E09,,EVENT,城市运行
                E0901,E9,EVENT,错父级
                """.getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/api/casework/categories/import")
                        .file(file("c.csv", csv))
                        .param("dryRun", "true")
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(false))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("parent"))
                .andExpect(jsonPath("$.errors[0].message").value("There is no parent category \"E9\"."));
        mvc.perform(multipart("/api/casework/categories/import").file(file("c.csv", csv)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type", startsWith("http")))
                .andExpect(jsonPath("$.errors[0].field").value("rows[3].parent"));
        org.assertj.core.api.Assertions.assertThat(f.count("SELECT count(*) FROM casework_category WHERE code = 'E09'"))
                .isZero();
        AS[0] = CategoryFixture.GRID_WORKER;
        mvc.perform(multipart("/api/casework/categories/import").file(file("c.csv", csv)))
                .andExpect(status().isForbidden());
        AS[0] = CategoryFixture.OPERATOR;
        mvc.perform(multipart("/api/casework/categories/import").file(file("c.xlsx", new byte[] {1, 2, 3})))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type", startsWith("http")));
    }

    @Test
    void anExcelWorkbookImportsAndACodeTypedAsANumberIsCaught() throws Exception {
        byte[] good = workbook(false);
        mvc.perform(multipart("/api/casework/categories/import").file(file("c.xlsx", good)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(true))
                .andExpect(jsonPath("$.created").value(2));
        mvc.perform(get("/api/casework/categories/E1001")).andExpect(status().isOk());
        mvc.perform(multipart("/api/casework/categories/import")
                        .file(file("c.xlsx", workbook(true)))
                        .param("dryRun", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.errors[*].column", hasItem("code")))
                .andExpect(jsonPath("$.errors[0].row").value(4));
    }

    /** Two good rows (header on row 1); with {@code numeric}, a third row whose code cell is the number 1001. */
    static byte[] workbook(boolean numeric) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("categories");
            String[][] rows = {
                {"code", "parent", "kind", "name"}, {"E10", "", "EVENT", "城市部件巡查"}, {"E1001", "E10", "EVENT", "设施破损"}
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            if (numeric) {
                Row row = sheet.createRow(3);
                row.createCell(0).setCellValue(1001);
                row.createCell(2).setCellValue("COMPONENT");
                row.createCell(3).setCellValue("数字编码");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void theExportIsACsvFile() throws Exception {
        mvc.perform(get("/api/casework/categories/export"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", startsWith("attachment")))
                .andExpect(content().string(startsWith("\uFEFFcode,parent,kind,name,name_en,active")));
    }

    @Test
    void suggestionsAnswerATextAndRefuseABlankOne() throws Exception {
        AS[0] = CategoryFixture.GRID_WORKER;
        mvc.perform(post("/api/casework/categories/suggest")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"电梯故障，困人了\",\"limit\":2}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("H0602"))
                .andExpect(jsonPath("$[0].path[0]").value("物业管理"))
                .andExpect(jsonPath("$.length()").value(2));
        mvc.perform(post("/api/casework/categories/suggest")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        mvc.perform(post("/api/casework/categories/suggest")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"积水\",\"limit\":500}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
    }
}
