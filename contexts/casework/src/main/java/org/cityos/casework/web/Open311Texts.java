package org.cityos.casework.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.cityos.http.ProblemWriter;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The texts of the Open311 endpoints in the caller's language (zh-CN unless English comes first): this feature's own
 * bundle, casework's and the HTTP adapter's first, then the application's, so the texts do not depend on which
 * bundles the assembly registers.
 */
final class Open311Texts {
    static final String BUNDLE = "i18n/casework-open311/messages";

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    Open311Texts(MessageSource application) {
        messages.setBasenames(BUNDLE, "i18n/casework/messages", "i18n/http/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.ROOT);
        messages.setParentMessageSource(application);
    }

    String text(HttpServletRequest request, String key, Object... args) {
        return text(ProblemWriter.localeOf(request), key, args);
    }

    String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
