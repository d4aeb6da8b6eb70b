package org.cityos.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.AccessDenied;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Entries over HTTP: fields and validation, versions and history, concurrency, search, masking, scope. */
class CatalogEntriesIT {
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

    static String body(String code, String name) {
        return """
                {"code": "%s", "name": "%s", "providerDepartment": "ecology",
                 "summary": "大兴区空气质量监测站点逐小时监测数据", "format": "接口", "sharingType": "有条件共享",
                 "sharingCondition": "仅用于环境执法", "openType": "CLOSED", "updateCycle": "每日",
                 "releaseDate": "2026-03-01", "contact": {"name": "张伟", "phone": "13900001111"},
                 "items": [{"name": "station_id", "chineseName": "站点编号", "type": "STRING"},
                           {"name": "pm25", "chineseName": "PM2.5浓度", "type": "DECIMAL"}],
                 "reason": "%s"}
                """.formatted(code, name, "更正摘要");
    }

    @Test
    void anEntryIsCreatedWithItsFieldsVersionOneAuditedPublishedAndItsContactMasked() throws Exception {
        mvc.perform(post("/api/catalog/entries")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("2-01-001-0001", "空气质量监测数据")))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(header().string("Location", "/api/catalog/entries/2-01-001-0001"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.resourceClass").value(2))
                .andExpect(jsonPath("$.format").value("API"))
                .andExpect(jsonPath("$.sharingType").value("CONDITIONAL"))
                .andExpect(jsonPath("$.updateCycle").value("DAILY"))
                .andExpect(jsonPath("$.releaseDate").value("2026-03-01"))
                .andExpect(jsonPath("$.contact.name").value("张*"))
                .andExpect(jsonPath("$.contact.phone").value("139****1111"))
                .andExpect(jsonPath("$.contact.masked").value(true))
                .andExpect(jsonPath("$.items[1].chineseName").value("PM2.5浓度"))
                .andExpect(jsonPath("$.changedBy").value("steward"));
        assertThat(f.count("SELECT count(*) FROM audit_record WHERE action = 'catalog.entry.create'"
                        + " AND target_id = '2-01-001-0001'"))
                .isEqualTo(1);
        assertThat(f.events.published())
                .anySatisfy(e -> assertThat(e)
                        .isEqualTo(new CatalogEntryVersioned(
                                "2-01-001-0001", 1, EntryStatus.ACTIVE, "ecology", "steward", "created")));
        assertThat(f.count("SELECT count(*) FROM catalog_ledger WHERE subject = '2-01-001-0001'"))
                .isEqualTo(1);
    }

    @Test
    void badFieldsAreA400NamingEachField() throws Exception {
        String bad = """
                {"code": "4-1-01-1", "name": " ", "providerDepartment": "nowhere", "summary": "x",
                 "format": "纸质", "sharingType": "有条件共享", "openType": "开放", "updateCycle": "每日",
                 "releaseDate": "2026-13-01", "contact": {"name": "张伟", "phone": "call me"},
                 "items": [{"name": "1bad", "chineseName": "坏", "type": "STRING"}]}
                """;
        mvc.perform(post("/api/catalog/entries")
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath(
                        "$.errors[*].field",
                        containsInAnyOrder(
                                "code",
                                "name",
                                "providerDepartment",
                                "format",
                                "sharingCondition",
                                "releaseDate",
                                "contactPhone",
                                "items[0].name")));
        String notShared =
                body("3-01-001-0001", "内部台账").replace("有条件共享", "不予共享").replace("仅用于环境执法", " ");
        mvc.perform(post("/api/catalog/entries")
                        .header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(notShared))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sharingCondition"))
                .andExpect(jsonPath("$.errors[0].message").value("不予共享必须写明理由"));
        assertThat(f.count("SELECT count(*) FROM catalog_entry WHERE code IN ('4-1-01-1', '3-01-001-0001')"))
                .isZero();
    }

    @Test
    void everyChangeIsANewVersionWithWhoWhenWhyAndRetiringKeepsTheHistory() throws Exception {
        f.create("1-01-001-0001", "人口基础信息");
        f.clock.advance(Duration.ofMinutes(5));
        mvc.perform(put("/api/catalog/entries/1-01-001-0001")
                        .header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("1-01-001-0001", "人口基础信息（户籍）")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.reason").value("更正摘要"));
        mvc.perform(post("/api/catalog/entries/1-01-001-0001/retire")
                        .header("If-Match", "2")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"并入人口综合库\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETIRED"))
                .andExpect(jsonPath("$.version").value(3));
        mvc.perform(get("/api/catalog/entries/1-01-001-0001/history"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].name").value("人口基础信息"))
                .andExpect(jsonPath("$[0].changedAt").value("2026-11-26T08:00:00Z"))
                .andExpect(jsonPath("$[1].name").value("人口基础信息（户籍）"))
                .andExpect(jsonPath("$[1].changedAt").value("2026-11-26T08:05:00Z"))
                .andExpect(jsonPath("$[2].reason").value("并入人口综合库"))
                .andExpect(jsonPath("$[2].changedBy").value("steward"));
        mvc.perform(get("/api/catalog/entries").param("q", "人口基础"))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/catalog/entries").param("q", "人口基础").param("includeRetired", "true"))
                .andExpect(jsonPath("$.items[0].status").value("RETIRED"));
        mvc.perform(put("/api/catalog/entries/1-01-001-0001")
                        .header("If-Match", "3")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("1-01-001-0001", "复活")))
                .andExpect(status().isConflict());
    }

    @Test
    void twoStewardsEditingTheSameVersionCannotOverwriteEachOther() throws Exception {
        f.create("3-02-001-0001", "机动车登记信息");
        mvc.perform(put("/api/catalog/entries/3-02-001-0001")
                        .header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("3-02-001-0001", "机动车登记信息A")))
                .andExpect(status().isOk());
        mvc.perform(put("/api/catalog/entries/3-02-001-0001")
                        .header("If-Match", "\"1\"")
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("3-02-001-0001", "机动车登记信息B")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("concurrent-change")));
        mvc.perform(put("/api/catalog/entries/3-02-001-0001")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("3-02-001-0001", "机动车登记信息C")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
        mvc.perform(get("/api/catalog/entries/3-02-001-0001"))
                .andExpect(jsonPath("$.name").value("机动车登记信息A"))
                .andExpect(jsonPath("$.version").value(2));
        assertThat(f.count("SELECT count(*) FROM catalog_entry_version WHERE code = '3-02-001-0001'"))
                .isEqualTo(2);
    }

    @Test
    void searchFindsChineseWordsInNamesSummariesAndItemsAndFiltersByDepartmentSharingAndClass() throws Exception {
        f.create("1-02-001-0001", "法人单位基础信息");
        f.catalog.create(
                CatalogFixture.UNMASKER,
                new EntryDraft(
                        "2-03-001-0001",
                        "公交线路与站点",
                        "transport",
                        "全区公交线路、站点位置及首末班时间",
                        "电子表格",
                        "无条件共享",
                        null,
                        "开放",
                        "每月",
                        "2026-02-01",
                        "赵强",
                        "010-69241234",
                        java.util.List.of(new EntryDraft.ItemDraft("stop_name", "站点名称", "STRING", false))));
        mvc.perform(get("/api/catalog/entries").param("q", "单位基础"))
                .andExpect(jsonPath("$.items[*].code", hasItems("1-02-001-0001")))
                .andExpect(jsonPath("$.items[*].code", org.hamcrest.Matchers.not(hasItems("2-03-001-0001"))));
        mvc.perform(get("/api/catalog/entries").param("q", "首末班"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].code").value("2-03-001-0001"));
        mvc.perform(get("/api/catalog/entries").param("q", "站点名称 公交"))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/catalog/entries").param("department", "transport"))
                .andExpect(jsonPath("$.items[*].code", containsInAnyOrder("2-03-001-0001")));
        mvc.perform(get("/api/catalog/entries").param("sharingType", "无条件共享"))
                .andExpect(jsonPath("$.items[*].code", containsInAnyOrder("2-03-001-0001")));
        mvc.perform(get("/api/catalog/entries").param("class", "1").param("q", "法人"))
                .andExpect(jsonPath("$.items[*].code", containsInAnyOrder("1-02-001-0001")));
        mvc.perform(get("/api/catalog/entries").param("sharingType", "sometimes"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sharingType"));
    }

    @Test
    void contactsAreMaskedUnlessUnmaskedBySomeoneWhoMayAndEveryUnmaskedReadIsAudited() throws Exception {
        f.create("3-04-001-0001", "环境信访记录");
        AS[0] = CatalogFixture.AUDITOR;
        mvc.perform(get("/api/catalog/entries/3-04-001-0001"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contact.name").value("王*"))
                .andExpect(jsonPath("$.contact.phone").value("138****5678"));
        mvc.perform(get("/api/catalog/entries/3-04-001-0001").param("unmask", "true"))
                .andExpect(status().isForbidden());
        assertThat(f.count("SELECT count(*) FROM audit_record WHERE action = 'catalog.entry.unmask'"))
                .isZero();
        AS[0] = CatalogFixture.UNMASKER;
        mvc.perform(get("/api/catalog/entries/3-04-001-0001").param("unmask", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contact.name").value("王芳"))
                .andExpect(jsonPath("$.contact.phone").value("13812345678"))
                .andExpect(jsonPath("$.contact.masked").value(false));
        assertThat(f.count("SELECT count(*) FROM audit_record WHERE action = 'catalog.entry.unmask'"
                        + " AND actor_id = 'admin' AND target_id = '3-04-001-0001'"))
                .isEqualTo(1);
    }

    @Test
    void writesAreLimitedToTheActorsDepartmentsAndReadsToCatalogueReaders() throws Exception {
        f.create("3-05-001-0001", "排污许可信息");
        AS[0] = CatalogFixture.OTHER_STEWARD;
        mvc.perform(put("/api/catalog/entries/3-05-001-0001")
                        .header("If-Match", "1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("3-05-001-0001", "改名")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/catalog/entries")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("3-05-001-0002", "新建")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/catalog/entries/3-05-001-0001")).andExpect(status().isOk());
        AS[0] = CatalogFixture.AUDITOR;
        mvc.perform(post("/api/catalog/entries/3-05-001-0001/retire")
                        .header("If-Match", "1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"x\"}"))
                .andExpect(status().isForbidden());
        AS[0] = CatalogFixture.GRID_WORKER;
        mvc.perform(get("/api/catalog/entries")).andExpect(status().isForbidden());
        mvc.perform(get("/api/catalog/ledger/verify")).andExpect(status().isForbidden());
        assertThatThrownBy(() -> f.catalog.get(CatalogFixture.GRID_WORKER, "3-05-001-0001", false))
                .isInstanceOf(AccessDenied.class);
        assertThat(f.count("SELECT count(*) FROM catalog_entry WHERE code = '3-05-001-0002'"))
                .isZero();
        assertThat(f.count("SELECT version FROM catalog_entry WHERE code = '3-05-001-0001'"))
                .isEqualTo(1);
    }
}
