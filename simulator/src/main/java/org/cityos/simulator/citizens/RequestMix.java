package org.cityos.simulator.citizens;

import java.util.List;

/** The category mix citizens call about, from {@code request-mix.csv}. */
public final class RequestMix {
    private RequestMix() {}

    /** Every kind of request with its weight. */
    public static List<RequestKind> kinds() {
        return WeightedTable.readCsv(
                "request-mix.csv", f -> new RequestKind(f[0], Double.parseDouble(f[1]), f[2], f[3], f[4]));
    }
}
