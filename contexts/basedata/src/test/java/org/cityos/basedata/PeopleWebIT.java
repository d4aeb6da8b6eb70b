package org.cityos.basedata;

import static org.cityos.basedata.PeopleFixture.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.cityos.basedata.web.PeopleController;
import org.cityos.kernel.access.Actor;
import org.cityos.testkit.FixedActorResolver;
import org.cityos.testkit.ProblemMvc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

class PeopleWebIT {
    PeopleFixture f;
    final Actor[] as = {STEWARD};
    MockMvc mvc;

    @BeforeEach
    void start() {
        f = new PeopleFixture();
        var messages = ProblemMvc.messages("i18n/basedata/messages");
        mvc = ProblemMvc.standalone(
                messages,
                FixedActorResolver.of(as),
                new PeopleController(
                        f.people, new SyntheticSeeding(f.people, n -> SyntheticPeopleTest.ADDRESSES), messages));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void importSearchUnmaskAndRefusalsOverHttp() throws Exception {
        MockMultipartFile file = new MockMultipartFile(
                "file", "register.csv", "text/csv", PeopleIT.REGISTER.getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/basedata/people/imports")
                        .file(file)
                        .param("department", "public-security")
                        .param("synthetic", "true"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rowsStored").value(2))
                .andExpect(jsonPath("$.issues[0].row").value(4))
                .andExpect(jsonPath("$.issues[0].message")
                        .value(org.hamcrest.Matchers.matchesPattern(".*[\\u4e00-\\u9fff].*")));
        mvc.perform(post("/api/basedata/people/imports")
                        .contentType("text/csv")
                        .content(PeopleIT.COMMUNITY.getBytes(StandardCharsets.UTF_8))
                        .param("department", "civil-affairs")
                        .param("mapping", "户籍所在地:householdAddress"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rowsStored").value(1));
        mvc.perform(get("/api/basedata/people").param("idNumber", "110115900307123"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].idNumber").value("110115********1231"))
                .andExpect(jsonPath("$[0].sources").value(2));
        mvc.perform(get("/api/basedata/people").param("name", "张伟").param("unmask", "identity"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/basedata/people").param("name", "张伟").param("unmask", "secrets"))
                .andExpect(status().isBadRequest());
        as[0] = ADMIN;
        mvc.perform(get("/api/basedata/people").param("name", "张伟").param("unmask", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].idNumber").value("110115199003071231"))
                .andExpect(jsonPath("$[0].phone").value("13812345678"));
        mvc.perform(post("/api/basedata/people/synthetic").param("count", "500000"))
                .andExpect(status().isBadRequest());
        as[0] = OPERATOR;
        mvc.perform(get("/api/basedata/people").param("name", "张伟")).andExpect(status().isForbidden());
        as[0] = STEWARD;
        mvc.perform(post("/api/basedata/people/imports")
                        .contentType("text/csv")
                        .content("身份证号,性别\n1,男\n".getBytes(StandardCharsets.UTF_8))
                        .param("department", "civil-affairs"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").exists());
    }
}
