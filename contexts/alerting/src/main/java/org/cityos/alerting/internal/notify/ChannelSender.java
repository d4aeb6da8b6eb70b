package org.cityos.alerting.internal.notify;

import org.cityos.alerting.Channel;

/** Sends one notice over one kind of channel and says how it went; never throws for the receiver's failures. */
public interface ChannelSender {
    Outcome send(Channel channel, Notice notice);
}
