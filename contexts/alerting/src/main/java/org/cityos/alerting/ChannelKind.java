package org.cityos.alerting;

/** How a notification channel reaches people: an HTTP callback, e-mail over SMTP, or text messages. */
public enum ChannelKind {
    /** POST of signed JSON to a URL the receiver runs. */
    WEBHOOK,
    /** Plain-text mail through the configured SMTP server ({@code spring.mail.*}). */
    EMAIL,
    /** Text messages through a named {@link SmsGateway}. */
    SMS
}
