package org.cityos.simulator.connect;

/** CityOS answered a request with an error status; the message carries the status and the problem body. */
public final class CityOsRefused extends RuntimeException {
    private final int status;

    public CityOsRefused(String request, int status, String body) {
        super(request + " answered " + status + ": " + (body.length() > 500 ? body.substring(0, 500) + "…" : body));
        this.status = status;
    }

    public int status() {
        return status;
    }
}
