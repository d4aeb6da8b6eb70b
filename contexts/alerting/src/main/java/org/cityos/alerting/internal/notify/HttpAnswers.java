package org.cityos.alerting.internal.notify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** What webhook and SMS gateway answers mean for retrying, shared by both HTTP senders. */
final class HttpAnswers {
    private static final int MAX_EXCERPT = 200;

    private HttpAnswers() {}

    static boolean success(int status) {
        return status >= 200 && status < 300;
    }

    /**
     * Whether trying later may help: server errors, timeouts (408) and rate limits (429). Any other 4xx says the
     * request itself is wrong, and redirects are not followed (a signed POST must not be re-sent elsewhere).
     */
    static boolean retryable(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    /** The start of the answer's body, for the delivery's last error; the rest is not read. */
    static String excerpt(InputStream body) {
        try (body) {
            byte[] head = body.readNBytes(MAX_EXCERPT);
            return new String(head, StandardCharsets.UTF_8)
                    .replaceAll("\\s+", " ")
                    .strip();
        } catch (IOException e) {
            return "";
        }
    }
}
