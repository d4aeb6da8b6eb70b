package org.cityos.casework;

import static org.cityos.casework.RatesFixture.IN_A;
import static org.cityos.casework.RatesFixture.IN_B;
import static org.cityos.casework.RatesFixture.bj;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cityos.kernel.access.Actor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The reports over HTTP: tables, trends, overdue, hot spots, the daily report, and 400s for bad parameters. */
class RatesWebIT {
    static RatesFixture f;
    static final Actor[] AS = {RatesFixture.OPERATOR};
    static MockMvc mvc;
    static String hotSpot;

    @BeforeAll
    static void start() {
        f = new RatesFixture("2026-11-25T02:00:00Z");
        mvc = f.mvc(AS);
        for (int i = 0; i < 5; i++) {
            int n = i;
            f.row()
                    .dispatched("dept:cgw", IN_A, bj("2026-11-24T09:00").plusSeconds(60L * n))
                    .signedInTime()
                    .followedUp(true, n == 0 ? "BASICALLY_SATISFIED" : "SATISFIED")
                    .set(r -> {
                        r.lon = 116.34 + n * 0.0003;
                        r.lat = 39.73;
                    })
                    .insert();
        }
        f.row()
                .dispatched("dept:swj", IN_B, bj("2026-11-20T09:00"))
                .set(r -> r.resolutionOverdue = true)
                .insert();
        f.detector.detect();
        hotSpot = f.hotSpots
                .list(RatesFixture.OPERATOR, null, new org.cityos.kernel.PageRequest(0, 1))
                .items()
                .get(0)
                .id();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @BeforeEach
    void operator() {
        AS[0] = RatesFixture.OPERATOR;
    }

    @Test
    void aLeagueTableByUnitDefaultsToTheMonthToDate() throws Exception {
        // cgw: 5 in time, 5 solved, 4 满意 + 1 基本满意 → 0.96; composite 0.1 + 0.45 + 0.432 = 0.982.
        mvc.perform(get("/api/casework/rates").param("by", "unit"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].key").value("dept:cgw"))
                .andExpect(jsonPath("$[0].rank").value(1))
                .andExpect(jsonPath("$[0].satisfactionRate").value(0.96))
                .andExpect(jsonPath("$[1].key").value("dept:swj"))
                .andExpect(jsonPath("$[1].resolutionRate").doesNotExist());
        mvc.perform(get("/api/casework/rates")
                        .param("by", "TOWN")
                        .param("from", "2026-11-24")
                        .param("to", "2026-11-24"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].key").value(RatesFixture.TOWN_A));
    }

    @Test
    void badDatesAndWordsAre400sNamingTheField() throws Exception {
        mvc.perform(get("/api/casework/rates").param("from", "2026-13-01").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("yyyy-MM-dd")));
        mvc.perform(get("/api/casework/rates").param("by", "planet").header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("by"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("不在可选值之中")));
        mvc.perform(get("/api/casework/rates").param("from", "2026-11-20").param("to", "2026-11-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/casework/rates/trend").param("key", "dept:cgw").param("granularity", "hour"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("granularity"));
        mvc.perform(get("/api/casework/rates/trend"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("key"));
        mvc.perform(get("/api/casework/reports/daily").param("date", "24/11/2026"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("date"));
        mvc.perform(get("/api/casework/reports/daily")
                        .param("date", "2026-11-24")
                        .param("format", "docx"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("format"));
        mvc.perform(get("/api/casework/overdue").param("limit", "0")).andExpect(status().isBadRequest());
    }

    @Test
    void aTrendAndTheOverdueList() throws Exception {
        mvc.perform(get("/api/casework/rates/trend")
                        .param("by", "unit")
                        .param("key", "dept:cgw")
                        .param("from", "2026-11-23")
                        .param("to", "2026-11-24"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].dispatched").value(0))
                .andExpect(jsonPath("$[1].key").value("2026-11-24"))
                .andExpect(jsonPath("$[1].dispatched").value(5));
        mvc.perform(get("/api/casework/overdue"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].mainUnit").value("dept:swj"))
                .andExpect(jsonPath("$.items[0].resolutionOverdue").value(true));
    }

    @Test
    void hotSpotsAreListedAcknowledgedAndGuarded() throws Exception {
        mvc.perform(get("/api/casework/hotspots").param("status", "open"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].caseCount").value(5));
        mvc.perform(get("/api/casework/hotspots").param("status", "boiling")).andExpect(status().isBadRequest());
        AS[0] = RatesFixture.TOWN_B_LEADER;
        mvc.perform(get("/api/casework/hotspots/" + hotSpot)).andExpect(status().isNotFound());
        AS[0] = RatesFixture.LEADER;
        mvc.perform(post("/api/casework/hotspots/" + hotSpot + "/acknowledge")).andExpect(status().isForbidden());
        AS[0] = RatesFixture.OPERATOR;
        mvc.perform(post("/api/casework/hotspots/" + hotSpot + "/acknowledge").header("If-Match", "\"5\""))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/casework/hotspots/" + hotSpot + "/acknowledge").header("If-Match", "\"0\""))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"));
        mvc.perform(post("/api/casework/hotspots/" + hotSpot + "/acknowledge").header("Accept-Language", "en"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("ACKNOWLEDGED")));
    }

    @Test
    void theDailyReportComesAsJsonExcelAndPdf() throws Exception {
        mvc.perform(get("/api/casework/reports/daily").param("date", "2026-11-24"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.received").value(5))
                .andExpect(jsonPath("$.intake[0].channel").value("HOTLINE"));
        mvc.perform(get("/api/casework/reports/daily")
                        .param("date", "2026-11-24")
                        .param("format", "xlsx"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(header().string("Content-Disposition", containsString("daily-2026-11-24.xlsx")));
        mvc.perform(get("/api/casework/reports/daily")
                        .param("date", "2026-11-24")
                        .param("format", "pdf"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(result -> org.assertj.core.api.Assertions.assertThat(
                                new String(result.getResponse().getContentAsByteArray(), 0, 5))
                        .isEqualTo("%PDF-"));
    }
}
