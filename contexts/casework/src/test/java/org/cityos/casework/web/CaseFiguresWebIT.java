package org.cityos.casework.web;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import org.cityos.casework.CaseBenchAccess;
import org.cityos.casework.CaseFigures;
import org.cityos.casework.CaseIntake;
import org.cityos.kernel.access.Actor;
import org.cityos.testkit.FixedActorResolver;
import org.cityos.testkit.ProblemMvc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The cockpit's case figures over HTTP: open cases' places and the per-day counts follow the caller's scope (a town
 * sees its own town only), empty days are zeros, and bad parameters are 400s.
 */
class CaseFiguresWebIT {
    static CaseBenchAccess bench;
    static final Actor[] acting = new Actor[1];
    static MockMvc mvc;
    static String west;
    static String east;

    static final String CALL = """
            {"ticket":"%s","requestType":"complaint","title":"路灯不亮","content":"小区门口路灯不亮已经一周",
             "category":"0105","lon":%s,"lat":39.71,"callerName":"王五","callerPhone":"13711112222"}""";

    @BeforeAll
    static void start() throws Exception {
        bench = CaseBenchAccess.open();
        var c = bench.context();
        mvc = ProblemMvc.standalone(
                ProblemMvc.messages("i18n/casework/messages"),
                FixedActorResolver.of(acting),
                new IntakeController(c.getBean(CaseIntake.class)),
                new CaseFiguresController(c.getBean(CaseFigures.class), c.getBean(Clock.class)));
        acting[0] = CaseBenchAccess.operator();
        west = hotline("FIG-W", 116.11);
        east = hotline("FIG-E", 116.55);
    }

    @AfterAll
    static void stop() {
        bench.close();
    }

    @BeforeEach
    void operator() {
        acting[0] = CaseBenchAccess.operator();
    }

    static String hotline(String ticket, double lon) throws Exception {
        String body = mvc.perform(post("/api/casework/intake/hotline")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CALL.formatted(ticket, lon)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    @Test
    void openCasesComeAsPointsWithinTheCallersScope() throws Exception {
        mvc.perform(get("/api/casework/cases/locations").param("status", "open"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", containsInAnyOrder(west, east)))
                .andExpect(jsonPath("$[?(@.id == '" + west + "')].lon").value(116.11))
                .andExpect(jsonPath("$[0].urgency").exists())
                .andExpect(jsonPath("$[0].overdue").value(false))
                .andExpect(jsonPath("$[0].title").doesNotExist());
        acting[0] = CaseBenchAccess.eastTown();
        mvc.perform(get("/api/casework/cases/locations"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id").value(east));
    }

    @Test
    void everyDayIsCountedWithZerosForQuietDays() throws Exception {
        // The bench's clock stands at 2026-11-24 09:00 in Beijing.
        mvc.perform(get("/api/casework/cases/daily"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(30)))
                .andExpect(jsonPath("$[0].day").value("2026-10-26"))
                .andExpect(jsonPath("$[0].received").value(0))
                .andExpect(jsonPath("$[29].day").value("2026-11-24"))
                .andExpect(jsonPath("$[29].received").value(2))
                .andExpect(jsonPath("$[29].closed").value(0));
        acting[0] = CaseBenchAccess.westTown();
        mvc.perform(get("/api/casework/cases/daily").param("from", "2026-11-23").param("to", "2026-11-24"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].received").value(0))
                .andExpect(jsonPath("$[1].received").value(1));
    }

    @Test
    void badParametersAreRefusedByName() throws Exception {
        mvc.perform(get("/api/casework/cases/locations").param("status", "closed"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(get("/api/casework/cases/locations").param("limit", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get("/api/casework/cases/daily").param("from", "2026-11-25").param("to", "2026-11-24"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
    }
}
