package org.cityos.alerting.internal.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.cityos.alerting.Channel;

/**
 * POSTs the event's JSON to the channel's URL, signed with its secret. 2xx is delivered; 408, 429, 5xx, timeouts
 * and connection failures are retried; any other answer fails the delivery for good.
 */
public final class WebhookSender implements ChannelSender {
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Clock clock;

    public WebhookSender(HttpClient http, Duration requestTimeout, Clock clock) {
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
    }

    @Override
    public Outcome send(Channel channel, Notice notice) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(channel.url().strip()))
                    .timeout(requestTimeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "CityOS-Webhook/1")
                    .header("X-CityOS-Event", notice.change().eventName())
                    .header("X-CityOS-Delivery", notice.deliveryId().toString())
                    .header("X-CityOS-Attempt", String.valueOf(notice.attempt()))
                    .header(
                            "X-CityOS-Signature",
                            WebhookSignature.header(
                                    channel.secret(), clock.instant().getEpochSecond(), notice.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(notice.body(), StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            return Outcome.failed("bad webhook URL: " + e.getMessage());
        }
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            String excerpt = HttpAnswers.excerpt(response.body());
            if (HttpAnswers.success(status)) {
                return Outcome.delivered();
            }
            String error = "HTTP " + status + (excerpt.isEmpty() ? "" : ": " + excerpt);
            return HttpAnswers.retryable(status) ? Outcome.retry(error) : Outcome.failed(error);
        } catch (IOException e) {
            return Outcome.retry(Outcome.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.retry("interrupted while sending (node shutting down)");
        }
    }
}
