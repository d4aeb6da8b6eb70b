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

    /**
     * The kinds a grid worker reports from patrol: the city-management components and events of GB/T 30428.2
     * (casework's component codes and {@code E…} event codes), not the hotline's {@code H…} classes such as heating
     * or property services, which nobody sees from the street.
     */
    public static List<RequestKind> patrolKinds() {
        return kinds().stream().filter(k -> !k.category().startsWith("H")).toList();
    }
}
