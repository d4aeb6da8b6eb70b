package org.cityos.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cityos.audit.web.AuditController;
import org.cityos.http.HttpProperties;
import org.cityos.http.ProblemResponses;
import org.cityos.http.ProblemWriter;
import org.cityos.http.Unauthenticated;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.ActorKind;
import org.cityos.kernel.access.Role;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.MethodParameter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit controller on MockMvc with the real CityOS problem handling and message bundles, over a
 * real database; the acting {@link Actor} is whoever the test says, as the security filter would set.
 */
public final class WebFixture implements AutoCloseable {
    private final AuditFixture db;
    private Actor current;

    public WebFixture(Path keyFile, Clock clock) {
        this.db = new AuditFixture(keyFile, clock);
    }

    public static Actor actor(String id, Role role) {
        return new Actor(id, ActorKind.USER, id, Set.of(role), List.of(), Set.of(), false);
    }

    public void actAs(Actor actor) {
        current = actor;
    }

    public AuditTrail trail() {
        return db.trail;
    }

    public void chainNow() {
        db.chainer.chainNow();
    }

    public String keyId() {
        return db.signer.keyId();
    }

    public MockMvc mvc() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/http/messages", "i18n/audit/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.ROOT);
        HttpProperties http = new HttpProperties(null, null, null);
        ProblemWriter writer = new ProblemWriter(messages, JsonMapper.builder().build(), http.problemBaseUri());
        return MockMvcBuilders.standaloneSetup(new AuditController(db.trail))
                .setControllerAdvice(new ProblemResponses(writer, http))
                .setCustomArgumentResolvers(new ActorResolver())
                .build();
    }

    @Override
    public void close() {
        db.close();
    }

    private final class ActorResolver implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return Actor.class.equals(parameter.getParameterType());
        }

        @Override
        public Object resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer container,
                NativeWebRequest request,
                WebDataBinderFactory binders) {
            if (current == null) {
                throw new Unauthenticated();
            }
            return current;
        }
    }
}
