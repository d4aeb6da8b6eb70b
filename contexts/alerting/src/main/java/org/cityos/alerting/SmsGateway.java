package org.cityos.alerting;

import java.util.List;

/**
 * Sends text messages; plug one in as a bean (its bean name is the gateway name channels refer to), or configure
 * HTTP gateways under {@code cityos.alerting.notify.sms.<name>.*}. Throwing {@link Rejected} means trying again
 * cannot help (bad numbers, refused content); any other exception is retried with back-off.
 */
public interface SmsGateway {
    void send(List<String> phones, String text) throws Exception;

    /** The gateway refused the message for good. */
    final class Rejected extends Exception {
        public Rejected(String reason) {
            super(reason);
        }
    }
}
