package org.cityos.alerting.internal.notify;

import java.util.UUID;
import org.cityos.alerting.Channel.AlarmChange;

/**
 * One claimed delivery, ready to send: the rendered forms were fixed when the event arrived, so every retry sends
 * the same thing.
 *
 * @param body the webhook's JSON (the event)
 * @param subject the e-mail subject
 * @param text the e-mail body and (shortened) the SMS text
 * @param attempt which attempt this is (1-based)
 */
public record Notice(
        UUID deliveryId, UUID channelId, AlarmChange change, String body, String subject, String text, int attempt) {}
