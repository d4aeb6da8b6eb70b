package org.cityos.basedata;

import static org.cityos.basedata.PeopleFixture.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.cityos.basedata.web.OrganisationController;
import org.cityos.kernel.access.Actor;
import org.cityos.testkit.FixedActorResolver;
import org.cityos.testkit.ProblemMvc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

class OrganisationWebIT {
    PeopleFixture f;
    final Actor[] as = {STEWARD};
    MockMvc mvc;

    @BeforeEach
    void start() {
        f = new PeopleFixture();
        var messages = ProblemMvc.messages("i18n/basedata/messages");
        mvc = ProblemMvc.standalone(
                messages, FixedActorResolver.of(as), new OrganisationController(f.organisations, messages));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    void upload(String department, String csv) throws Exception {
        mvc.perform(post("/api/basedata/organisations/imports")
                        .param("department", department)
                        .contentType("text/csv")
                        .content(csv.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isCreated());
    }

    @Test
    void decisionsOfAnOrganisationAndTheStewardsQueueOverHttp() throws Exception {
        upload("market-regulation", OrganisationMatchingIT.REGISTRY);
        upload("tax", OrganisationMatchingIT.TAX);
        long sample = f.count(
                "SELECT organisation_id FROM basedata_organisation_member m JOIN basedata_organisation_source s"
                        + " ON s.id = m.source_id WHERE s.credit_code = ?",
                OrganisationMatchingIT.SAMPLE);

        mvc.perform(get("/api/basedata/organisations/" + sample + "/matches"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.merged == true)].rule").value("fuzzy"))
                .andExpect(jsonPath("$[?(@.merged == true)].explanation")
                        .value("name=same-normalised representative=same address=same-standard-address"));
        mvc.perform(get("/api/basedata/organisations/possible-matches").param("limit", "10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].rule").value("possible"))
                .andExpect(jsonPath("$[0].merged").value(false));

        as[0] = OPERATOR;
        mvc.perform(get("/api/basedata/organisations/possible-matches")).andExpect(status().isForbidden());
    }
}
