package org.cityos.alerting.web;

import java.util.UUID;
import org.cityos.alerting.AlarmId;
import org.cityos.alerting.Delivery;
import org.cityos.alerting.NotificationChannels;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Deliveries of alarm notifications: what was sent where, attempts, the last error and the next try. */
@RestController
public class NotificationController {
    private final NotificationChannels channels;

    public NotificationController(NotificationChannels channels) {
        this.channels = channels;
    }

    @GetMapping(path = "/api/alerting/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
    public Page<Delivery> list(
            Actor actor,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String alarm,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        UUID channelId = blank(channel) ? null : channelId(channel);
        Delivery.Status s = blank(status)
                ? null
                : Delivery.Status.parse(status).orElseThrow(() -> InvalidInput.of("status", "notify.status", status));
        AlarmId alarmId = blank(alarm)
                ? null
                : AlarmId.parse(alarm).orElseThrow(() -> InvalidInput.of("alarm", "notify.alarm-id", alarm));
        return channels.deliveries(actor, channelId, s, alarmId, PageRequest.of(offset, limit));
    }

    private static UUID channelId(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (RuntimeException e) {
            throw InvalidInput.of("channel", "notify.channel-id", text);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
