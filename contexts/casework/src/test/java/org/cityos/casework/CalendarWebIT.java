package org.cityos.casework;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.cityos.kernel.access.Actor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The calendar and deadline-policy endpoints with the real problem handling: permissions, bad input, conflicts. */
class CalendarWebIT {
    static CalendarFixture f;
    static final Actor[] AS = {CalendarFixture.OPERATOR};
    static MockMvc mvc;

    @BeforeAll
    static void start() {
        f = new CalendarFixture();
        mvc = f.mvc(AS);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @BeforeEach
    void operator() {
        AS[0] = CalendarFixture.OPERATOR;
    }

    @Test
    void aYearIsReadByCaseReaders() throws Exception {
        AS[0] = CalendarFixture.GRID_WORKER;
        mvc.perform(get("/api/casework/calendar").param("year", "2026"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.workingDays").value(248))
                .andExpect(jsonPath("$.days[?(@.date == '2026-10-10')].kind", hasItem("WORKDAY")));
        AS[0] = CalendarFixture.STEWARD;
        mvc.perform(get("/api/casework/calendar").param("year", "2026")).andExpect(status().isForbidden());
        AS[0] = null;
        mvc.perform(get("/api/casework/calendar").param("year", "2026")).andExpect(status().isUnauthorized());
    }

    @Test
    void writingTheCalendarNeedsCaseConfigure() throws Exception {
        String body = "{\"kind\":\"HOLIDAY\",\"name\":\"测试\"}";
        AS[0] = CalendarFixture.GRID_WORKER;
        mvc.perform(put("/api/casework/calendar/2026-12-01")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("CASE_CONFIGURE")));
        mvc.perform(delete("/api/casework/calendar/2026-10-01")).andExpect(status().isForbidden());
        mvc.perform(post("/api/casework/calendar/import")
                        .param("year", "2026")
                        .contentType("text/csv")
                        .content("2026-01-01,HOLIDAY,元旦"))
                .andExpect(status().isForbidden());
        AS[0] = CalendarFixture.OPERATOR;
        mvc.perform(put("/api/casework/calendar/2026-12-01")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("HOLIDAY"));
        mvc.perform(delete("/api/casework/calendar/2026-12-01")).andExpect(status().isNoContent());
        mvc.perform(delete("/api/casework/calendar/2026-12-01")).andExpect(status().isNotFound());
    }

    @Test
    void badCalendarInputIsA400NamingTheField() throws Exception {
        mvc.perform(put("/api/casework/calendar/2026-02-30")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"HOLIDAY\",\"name\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("date"));
        mvc.perform(put("/api/casework/calendar/2026-12-01")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"NAP\",\"name\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.errors[1].field").value("name"));
        mvc.perform(get("/api/casework/calendar").param("year", "1900"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"));
    }

    @Test
    void anImportWithRowErrorsIsA400ListingTheRowsInTheCallersLanguage() throws Exception {
        mvc.perform(post("/api/casework/calendar/import")
                        .param("year", "2026")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en")
                        .content("[{\"date\":\"2026-01-01\",\"kind\":\"HOLIDAY\",\"name\":\"New Year\"},"
                                + "{\"date\":\"2025-12-31\",\"kind\":\"HOLIDAY\",\"name\":\"Eve\"}]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rows[2].date"))
                .andExpect(jsonPath("$.errors[0].message", containsString("does not lie in 2026")));
        mvc.perform(post("/api/casework/calendar/import")
                        .param("year", "2026")
                        .contentType("text/csv")
                        .content("2026-01-01,HOLIDAY,元旦\n2026-01-01,HOLIDAY,元旦\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rows[2].date"))
                .andExpect(jsonPath("$.errors[0].message", containsString("不止一次")));
        mvc.perform(get("/api/casework/calendar").param("year", "2026"))
                .andExpect(jsonPath("$.workingDays").value(248));
    }

    @Test
    void aCsvWithoutCharsetIsReadAsUtf8() throws Exception {
        mvc.perform(post("/api/casework/calendar/import")
                        .param("year", "2028")
                        .contentType("text/csv")
                        .content("date,kind,name\n2028-01-01,休,元旦\n".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.days[0].name").value("元旦"))
                .andExpect(jsonPath("$.days[0].kind").value("HOLIDAY"));
    }

    @Test
    void policiesAreReadWithTheirVersionAsETag() throws Exception {
        AS[0] = CalendarFixture.GRID_WORKER;
        mvc.perform(get("/api/casework/deadline-policies"))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$[?(@.urgency == 'ROUTINE' && @.categoryPrefix == '')].resolution", hasItem("15wd")));
        mvc.perform(get("/api/casework/deadline-policies/emergency"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.response").value("30m"))
                .andExpect(jsonPath("$.warnBefore").value("0.2"));
        mvc.perform(get("/api/casework/deadline-policies/preview")
                        .param("category", "A01")
                        .param("urgency", "ROUTINE")
                        .param("start", "2026-09-30T10:00:00+08:00"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.responseDue").value("2026-09-30T04:00:00Z"));
    }

    @Test
    void changingAPolicyNeedsCaseConfigure() throws Exception {
        AS[0] = CalendarFixture.GRID_WORKER;
        mvc.perform(put("/api/casework/deadline-policies/ROUTINE")
                        .param("categoryPrefix", "P1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"response\":\"2h\",\"resolution\":\"5wd\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aBadTimeLimitOrUrgencyIsA400() throws Exception {
        mvc.perform(put("/api/casework/deadline-policies/ROUTINE")
                        .param("categoryPrefix", "P2")
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"response\":\"2 hours\",\"resolution\":\"5wd\",\"warnBefore\":\"2\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type", containsString("invalid-input")))
                .andExpect(jsonPath("$.errors[0].field").value("response"))
                .andExpect(jsonPath("$.errors[0].message", containsString("15wd")))
                .andExpect(jsonPath("$.errors[1].field").value("warnBefore"));
        mvc.perform(put("/api/casework/deadline-policies/SOMEDAY")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"response\":\"2h\",\"resolution\":\"5wd\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("urgency"));
        mvc.perform(get("/api/casework/deadline-policies/preview").param("urgency", "whenever"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aStaleVersionIsA409AndTheDefaultCannotBeDeleted() throws Exception {
        String body = "{\"response\":\"2h\",\"resolution\":\"5wd\"}";
        mvc.perform(put("/api/casework/deadline-policies/URGENT")
                        .param("categoryPrefix", "P3")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""));
        mvc.perform(put("/api/casework/deadline-policies/URGENT")
                        .param("categoryPrefix", "P3")
                        .header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("5wd", "6wd")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.resolution").value("6wd"));
        mvc.perform(put("/api/casework/deadline-policies/URGENT")
                        .param("categoryPrefix", "P3")
                        .header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/casework/deadline-policies/URGENT")
                        .param("categoryPrefix", "P3")
                        .header("If-Match", "W/\"0\""))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/casework/deadline-policies/URGENT")
                        .param("categoryPrefix", "P3")
                        .header("If-Match", "\"1\""))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/casework/deadline-policies/URGENT").header("If-Match", "\"0\""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type", containsString("default-deadline-policy")));
    }
}
