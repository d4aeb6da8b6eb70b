package org.cityos.iot;

import java.util.Locale;
import java.util.Optional;

/** The operating state of a channel; a decommissioned channel stays in the catalogue but cannot be opened. */
public enum VideoChannelStatus {
    ONLINE,
    OFFLINE,
    FAULTY,
    DECOMMISSIONED;

    public static Optional<VideoChannelStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        for (VideoChannelStatus s : values()) {
            if (s.name().equalsIgnoreCase(t)) {
                return Optional.of(s);
            }
        }
        // The Chinese words data stewards write in spreadsheets.
        return Optional.ofNullable(
                switch (t.toLowerCase(Locale.ROOT)) {
                    case "在线" -> ONLINE;
                    case "离线" -> OFFLINE;
                    case "故障" -> FAULTY;
                    case "停用", "已停用", "报废" -> DECOMMISSIONED;
                    default -> null;
                });
    }
}
