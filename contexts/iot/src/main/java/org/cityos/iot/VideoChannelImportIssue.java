package org.cityos.iot;

import java.util.List;

/** Why one row of an import was not applied; {@code row} counts data rows from 1 after the header. */
public record VideoChannelImportIssue(int row, String gbId, String field, String messageKey, List<Object> args) {
    public VideoChannelImportIssue {
        args = List.copyOf(args.stream().map(a -> a == null ? "" : a).toList());
    }
}
