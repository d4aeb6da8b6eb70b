package org.cityos.iot;

import java.util.Optional;
import java.util.UUID;

/** A video channel's catalogue id; the GB/T 28181 id is an attribute that may be corrected. */
public record VideoChannelId(UUID value) {
    public VideoChannelId {
        if (value == null) {
            throw new IllegalArgumentException("a channel id needs a value");
        }
    }

    public static VideoChannelId random() {
        return new VideoChannelId(UUID.randomUUID());
    }

    public static Optional<VideoChannelId> parse(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(new VideoChannelId(UUID.fromString(text.strip())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
