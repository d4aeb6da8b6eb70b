package org.cityos.casework.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.cityos.casework.CaseAttachments;
import org.cityos.casework.CaseBenchAccess;
import org.cityos.casework.CaseDispatch;
import org.cityos.casework.CaseHandling;
import org.cityos.casework.CaseIntake;
import org.cityos.casework.CaseSupervision;
import org.cityos.casework.CaseVerification;
import org.cityos.casework.Cases;
import org.cityos.casework.DispatchRules;
import org.cityos.casework.IntakePolicies;
import org.cityos.kernel.access.Actor;
import org.cityos.testkit.FixedActorResolver;
import org.cityos.testkit.ProblemMvc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Casework over HTTP as the app answers it: 201/200 intake, ETag and If-Match, problem+json for every kind of bad
 * request (400 with the field, 404, 409 for an illegal transition or a stale version, 413, 415, 403, 401), Chinese
 * messages by Accept-Language.
 */
class CaseWebIT {
    static CaseBenchAccess bench;
    static final Actor[] acting = new Actor[1];
    static MockMvc mvc;

    @BeforeAll
    static void start() {
        bench = CaseBenchAccess.open();
        var c = bench.context();
        mvc = ProblemMvc.standalone(
                ProblemMvc.messages("i18n/casework/messages"),
                FixedActorResolver.of(acting),
                new IntakeController(c.getBean(CaseIntake.class)),
                new CaseController(c.getBean(Cases.class)),
                new CaseActionController(
                        c.getBean(Cases.class),
                        c.getBean(CaseIntake.class),
                        c.getBean(CaseDispatch.class),
                        c.getBean(CaseHandling.class),
                        c.getBean(CaseVerification.class),
                        c.getBean(CaseSupervision.class)),
                new WorkbenchController(c.getBean(Cases.class), c.getBean(CaseAttachments.class)),
                new CaseSettingsController(c.getBean(DispatchRules.class), c.getBean(IntakePolicies.class)));
    }

    @AfterAll
    static void stop() {
        bench.close();
    }

    static final String CALL = """
            {"ticket":"%s","requestType":"complaint","title":"路灯不亮","content":"小区门口路灯不亮已经一周",
             "category":"0105","lon":116.11,"lat":39.71,"callerName":"王五","callerPhone":"13711112222"}""";

    String hotline(String ticket) throws Exception {
        String body = mvc.perform(post("/api/casework/intake/hotline")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CALL.formatted(ticket)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    @Test
    void intakeIsIdempotentAndCasesCarryTheirVersion() throws Exception {
        acting[0] = CaseBenchAccess.operator();
        String id = hotline("W-1");
        mvc.perform(post("/api/casework/intake/hotline")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CALL.formatted("W-1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.created").value(false));
        mvc.perform(get("/api/casework/cases/" + id))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.caller.phone").value("137****2222"))
                .andExpect(jsonPath("$.steps[0].action").value("RECEIVED"));
        mvc.perform(post("/api/casework/cases/" + id + "/dispatch")
                        .header("If-Match", "\"7\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unit\":\"town:110115001000\"}"))
                .andExpect(status().isConflict())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));
        mvc.perform(post("/api/casework/cases/" + id + "/dispatch")
                        .header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unit\":\"town:110115001000\",\"note\":\"请处理\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISPATCHED"))
                .andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void badRequestsAreProblemsNamingWhatIsWrong() throws Exception {
        acting[0] = CaseBenchAccess.operator();
        String id = hotline("W-2");
        mvc.perform(post("/api/casework/intake/hotline")
                        .header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ticket\":\"W-3\",\"title\":\"<img src=x onerror=alert(1)>\",\"content\":\"正文\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("不允许包含标记或脚本")));
        mvc.perform(post("/api/casework/intake/hotline")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ticket\":\"W-4\",\"title\":\"t\",\"content\":\"c\",\"lon\":121.5,\"lat\":31.2}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(containsString("case-outside-district")));
        mvc.perform(post("/api/casework/intake/hotline")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ticket\":\"W-5\",\"title\":\"t\",\"content\":\"c\",\"urgency\":\"asap\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("urgency"));
        mvc.perform(post("/api/casework/cases/" + id + "/dispatch")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unit\":\"bureau of nothing\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unit"));
        mvc.perform(post("/api/casework/cases/" + id + "/close")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(containsString("case-not-in-state")));
        mvc.perform(get("/api/casework/cases/cas_0000000000000000")).andExpect(status().isNotFound());
        mvc.perform(get("/api/casework/cases/not-an-id")).andExpect(status().isNotFound());
        mvc.perform(multipart("/api/casework/cases/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "run.sh", "image/jpeg", "#!/bin/sh\nrm -rf /".getBytes())))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(multipart("/api/casework/cases/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "huge.jpg", "image/jpeg", new byte[11 * 1024 * 1024])))
                .andExpect(status().isPayloadTooLarge());
    }

    @Test
    void whoMayDoWhat() throws Exception {
        acting[0] = CaseBenchAccess.operator();
        String id = hotline("W-6");
        acting[0] = CaseBenchAccess.westTown();
        mvc.perform(get("/api/casework/cases/" + id + "/caller")).andExpect(status().isForbidden());
        mvc.perform(post("/api/casework/dispatch-rules")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"categoryPrefix\":\"01\",\"unit\":\"dept:urban-management\"}"))
                .andExpect(status().isForbidden());
        acting[0] = CaseBenchAccess.eastTown();
        mvc.perform(get("/api/casework/cases/" + id)).andExpect(status().isNotFound());
        acting[0] = null;
        mvc.perform(get("/api/casework/inbox")).andExpect(status().isUnauthorized());
    }
}
