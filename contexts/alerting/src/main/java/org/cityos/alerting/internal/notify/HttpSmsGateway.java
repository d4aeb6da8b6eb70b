package org.cityos.alerting.internal.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cityos.alerting.NotificationProperties;
import org.cityos.alerting.SmsGateway;

/**
 * An SMS gateway reached by one HTTP POST per message, its body filled from a template — the shape of most
 * Chinese SMS platforms' plain HTTP APIs (a token header, a JSON body with the numbers and the text). 2xx (and, when
 * set, a body matching the success pattern) is sent; 4xx other than 408/429 is a rejection; anything else is
 * retried.
 */
public final class HttpSmsGateway implements SmsGateway {
    private final HttpClient http;
    private final NotificationProperties.HttpSms settings;
    private final Duration timeout;
    private final Pattern success;

    public HttpSmsGateway(HttpClient http, NotificationProperties.HttpSms settings, Duration timeout) {
        this.http = http;
        this.settings = settings;
        this.timeout = timeout;
        this.success =
                settings.successPattern() == null || settings.successPattern().isBlank()
                        ? null
                        : Pattern.compile(settings.successPattern());
    }

    @Override
    public void send(List<String> phones, String text) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
                .timeout(timeout)
                .header("Content-Type", settings.contentType())
                .POST(HttpRequest.BodyPublishers.ofString(body(settings.bodyTemplate(), phones, text)));
        for (Map.Entry<String, String> h : settings.headers().entrySet()) {
            request.header(h.getKey(), h.getValue());
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        int status = response.statusCode();
        String excerpt = HttpAnswers.excerpt(response.body());
        if (HttpAnswers.success(status)
                && (success == null || success.matcher(excerpt).find())) {
            return;
        }
        String error = "HTTP " + status + (excerpt.isEmpty() ? "" : ": " + excerpt);
        if (HttpAnswers.success(status) || !HttpAnswers.retryable(status)) {
            throw new Rejected(error);
        }
        throw new IOException(error);
    }

    /** The template with its placeholders replaced by JSON-escaped values. */
    static String body(String template, List<String> phones, String text) {
        String joined = json(String.join(",", phones));
        String array = phones.stream().map(p -> "\"" + json(p) + "\"").collect(Collectors.joining(",", "[", "]"));
        // One pass, so a message that itself contains "{phones}" is not expanded again.
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith("{phoneArray}", i)) {
                out.append(array);
                i += "{phoneArray}".length();
            } else if (template.startsWith("{phones}", i)) {
                out.append(joined);
                i += "{phones}".length();
            } else if (template.startsWith("{text}", i)) {
                out.append(json(text));
                i += "{text}".length();
            } else {
                out.append(template.charAt(i++));
            }
        }
        return out.toString();
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
