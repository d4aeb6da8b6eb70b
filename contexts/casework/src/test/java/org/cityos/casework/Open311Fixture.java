package org.cityos.casework;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Set;
import org.cityos.casework.internal.Open311Seed;
import org.cityos.casework.internal.categories.CategorySeed;
import org.cityos.casework.web.CitizenRequestController;
import org.cityos.casework.web.Open311Controller;
import org.cityos.casework.web.Open311Errors;
import org.cityos.casework.web.Open311ServiceController;
import org.cityos.http.HttpProperties;
import org.cityos.http.ProblemResponses;
import org.cityos.http.ProblemWriter;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Role;
import org.cityos.testkit.FixedActorResolver;
import org.cityos.testkit.MutableClock;
import org.cityos.testkit.ProblemMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.json.JsonMapper;

/**
 * Casework as {@link CaseBench} wires it (real categories, seeded here, and the Open311 catalogue seeded from its
 * file), with the Open311, citizen and catalogue controllers on a standalone MockMvc that fails as the app does:
 * the Open311 advice first, CityOS's problem+json for everything else. Nobody signs in to the public endpoints.
 */
final class Open311Fixture implements AutoCloseable {
    static final GeoPoint IN_WEST = GeoPoint.of(116.33, 39.73);
    static final Actor OPERATOR = CaseBench.OPERATOR;
    static final Actor HANDLER = CaseBench.actor("handler", Set.of(Role.DEPARTMENT_HANDLER), List.of(), Set.of());

    final CaseBench bench = new CaseBench();
    final AnnotationConfigApplicationContext context = bench.context;
    final JdbcClient jdbc = bench.jdbc;
    final MutableClock clock = bench.clock;
    final Open311Services services = context.getBean(Open311Services.class);
    final PublicRequests requests = context.getBean(PublicRequests.class);
    final CaseIntake intake = bench.intake;
    final MeterRegistry meters = context.getBean(MeterRegistry.class);
    final Actor[] actor = {OPERATOR};

    Open311Fixture() throws Exception {
        context.getBean(CategorySeed.class).run(null);
        context.getBean(Open311Seed.class).seed();
    }

    /** The public controllers and the operators' catalogue API, failing as the assembled app fails. */
    MockMvc mvc() {
        var messages = context.getBeanProvider(MessageSource.class);
        HttpProperties http = new HttpProperties(null, null, null);
        ProblemWriter writer = new ProblemWriter(
                ProblemMvc.messages("i18n/casework/messages"),
                JsonMapper.builder().build(),
                http.problemBaseUri());
        return MockMvcBuilders.standaloneSetup(
                        new Open311Controller(requests, services, messages),
                        new CitizenRequestController(requests),
                        new Open311ServiceController(services))
                .setControllerAdvice(new Open311Errors(messages), new ProblemResponses(writer, http))
                .setCustomArgumentResolvers(FixedActorResolver.of(actor))
                .build();
    }

    @Override
    public void close() {
        bench.close();
    }
}
