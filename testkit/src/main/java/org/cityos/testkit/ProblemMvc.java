package org.cityos.testkit;

import java.util.Locale;
import java.util.stream.Stream;
import org.cityos.http.HttpProperties;
import org.cityos.http.ProblemResponses;
import org.cityos.http.ProblemWriter;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Controllers on a standalone {@link MockMvc} that answers failures as the assembled app does: CityOS's
 * {@link ProblemResponses} with the default HTTP settings and the context's message bundles, the acting user
 * resolved by the test instead of the security filter.
 */
public final class ProblemMvc {
    private static final String HTTP_MESSAGES = "i18n/http/messages";

    private ProblemMvc() {}

    /**
     * The HTTP adapter's messages followed by the context's {@code bundles} ({@code i18n/iot/messages}, …), read as
     * UTF-8; a key missing in the asked locale falls back to the root bundle, never to the machine's locale, so
     * texts do not depend on where the test runs.
     */
    public static ResourceBundleMessageSource messages(String... bundles) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames(
                Stream.concat(Stream.of(HTTP_MESSAGES), Stream.of(bundles)).toArray(String[]::new));
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.ROOT);
        return messages;
    }

    public static MockMvc standalone(
            MessageSource messages, HandlerMethodArgumentResolver actor, Object... controllers) {
        HttpProperties http = new HttpProperties(null, null, null);
        ProblemWriter writer = new ProblemWriter(messages, JsonMapper.builder().build(), http.problemBaseUri());
        return MockMvcBuilders.standaloneSetup(controllers)
                .setControllerAdvice(new ProblemResponses(writer, http))
                .setCustomArgumentResolvers(actor)
                .build();
    }
}
