package org.cityos.iot;

import java.time.Instant;

/** What an allowed "open channel" returns: the address to play, and the access log entry it made. */
public record ChannelAccessSession(
        VideoChannelId channelId, String gbId, String name, String streamUrl, Instant openedAt, long accessId) {}
