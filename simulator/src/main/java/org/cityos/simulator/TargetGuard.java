package org.cityos.simulator;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps the simulator pointed at this machine: thousands of fake devices sent to a real district by a typo would
 * be an incident, so any other host needs an explicit flag.
 */
public final class TargetGuard {
    private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "::1", "[::1]", "0:0:0:0:0:0:0:1");

    private TargetGuard() {}

    /** Refuses a target that is not an http(s) URL of this machine, unless {@code allowRemote}. */
    public static void check(URI target, boolean allowRemote) {
        if (target == null || target.getHost() == null) {
            throw new RemoteTargetRefused("the target must be a URL such as http://127.0.0.1:8080, not " + target);
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RemoteTargetRefused("the target must be an http or https URL, not " + target);
        }
        String host = target.getHost().toLowerCase(Locale.ROOT);
        if (!allowRemote && !LOCAL.contains(host)) {
            throw new RemoteTargetRefused("refusing to simulate against " + host
                    + ": the simulator only targets localhost, 127.0.0.1 or ::1 unless --allow-remote-target is given");
        }
    }

    /** The target named another machine without the flag that allows it. */
    public static final class RemoteTargetRefused extends IllegalArgumentException {
        RemoteTargetRefused(String message) {
            super(message);
        }
    }
}
