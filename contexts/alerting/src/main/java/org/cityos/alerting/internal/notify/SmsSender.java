package org.cityos.alerting.internal.notify;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cityos.alerting.Channel;
import org.cityos.alerting.SmsGateway;

/** Hands the SMS text to the channel's gateway; a gateway's {@link SmsGateway.Rejected} fails for good. */
public final class SmsSender implements ChannelSender {
    private final Map<String, SmsGateway> gateways;

    public SmsSender(Map<String, SmsGateway> gateways) {
        this.gateways = Map.copyOf(gateways);
    }

    public Set<String> names() {
        return new TreeSet<>(gateways.keySet());
    }

    /** The gateway a channel without one uses: the only one, if there is exactly one. */
    public String soleGateway() {
        return gateways.size() == 1 ? gateways.keySet().iterator().next() : null;
    }

    @Override
    public Outcome send(Channel channel, Notice notice) {
        SmsGateway gateway = gateways.get(channel.gateway());
        if (gateway == null) {
            return Outcome.failed("SMS gateway '" + channel.gateway() + "' is not configured any more");
        }
        String text = notice.text().length() > NoticeText.MAX_SMS
                ? notice.text().substring(0, NoticeText.MAX_SMS)
                : notice.text();
        try {
            gateway.send(channel.phones(), text);
            return Outcome.delivered();
        } catch (SmsGateway.Rejected e) {
            return Outcome.failed("rejected: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.retry("interrupted while sending (node shutting down)");
        } catch (Exception e) {
            return Outcome.retry(Outcome.describe(e));
        }
    }
}
