package org.cityos.benchmarks.iot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cityos.benchmarks.Mode;
import org.cityos.benchmarks.Numbers;
import org.cityos.benchmarks.Row;
import org.cityos.benchmarks.load.ClosedLoop;
import org.cityos.benchmarks.load.LoadResult;
import org.cityos.iot.Device;
import org.cityos.iot.DeviceCredentials;
import org.cityos.kernel.access.Actor;

/**
 * Device token checks ({@link DeviceCredentials#authenticate}, what the ingest path runs per
 * connection or message) over tokens issued for real devices, on one and two threads: cold (node cache
 * TTL 0, so every check is a digest plus a unique-index lookup in PostgreSQL) and warm (a TTL longer
 * than the run, so every check after the first is a digest plus a map hit). Baseline: the SHA-256
 * digest of the same tokens alone, which no lookup can beat.
 */
public final class TokenBench {
    static final double TARGET = 50_000;

    private TokenBench() {}

    public static List<Row> run(Mode mode, RegistryContext registry, List<Device> devices, int count, Actor actor) {
        DeviceCredentials issuer = registry.credentials();
        long began = System.nanoTime();
        String[] tokens = new String[Math.min(count, devices.size())];
        for (int i = 0; i < tokens.length; i++) {
            // Spread over the registry, not only its first rows.
            Device d = devices.get((int) ((long) i * devices.size() / tokens.length));
            tokens[i] = issuer.issue(actor, d.id()).token();
        }
        double issued = (System.nanoTime() - began) / 1e9;

        DeviceCredentials cold = registry.credentials(Duration.ZERO);
        DeviceCredentials warm = registry.credentials(Duration.ofHours(1));
        ClosedLoop.Operation coldCheck = (thread, seq) -> check(cold, tokens[(int) (seq % tokens.length)]);
        ClosedLoop.Operation warmCheck = (thread, seq) -> check(warm, tokens[(int) (seq % tokens.length)]);
        byte[] sink = new byte[64];
        ClosedLoop.Operation digest = (thread, seq) -> {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(tokens[(int) (seq % tokens.length)].getBytes(StandardCharsets.US_ASCII));
            sink[thread] ^= d[0];
        };

        List<Row> rows = new ArrayList<>();
        String setup = Numbers.figure(tokens.length) + " tokens of " + Numbers.figure(devices.size())
                + " devices (issued in " + Numbers.seconds(issued) + ")";
        for (int threads = 1; threads <= 2; threads++) {
            LoadResult c = measure(mode, threads, coldCheck);
            LoadResult w = measure(mode, threads, warmCheck);
            // After the checks, so the digest is as compiled as inside them (JIT order favours neither).
            LoadResult base = measure(mode, threads, digest);
            String baseline = "SHA-256 digest of the same tokens alone, " + threads + " thread"
                    + (threads > 1 ? "s" : "") + " (digests/s)";
            rows.add(row(
                    "device token check: DeviceCredentials.authenticate, cold (cache TTL 0: digest + unique-index"
                            + " lookup in PostgreSQL), " + threads + " thread" + (threads > 1 ? "s" : ""),
                    c,
                    baseline,
                    base,
                    setup));
            rows.add(row(
                    "device token check: DeviceCredentials.authenticate, warm (node cache hit), " + threads + " thread"
                            + (threads > 1 ? "s" : ""),
                    w,
                    baseline,
                    base,
                    setup + "; the app's default cache TTL is 2 s, so a node serving more tokens than it checks"
                            + " per 2 s sees the cold figure"));
        }
        return rows;
    }

    private static Row row(String scenario, LoadResult r, String baseline, LoadResult base, String setup) {
        if (r.ok() == 0) {
            throw new IllegalStateException(scenario + ": no check succeeded; first error: " + r.firstError());
        }
        return new Row(
                scenario,
                r.perSecond(),
                "checks/s",
                baseline,
                base.perSecond(),
                Numbers.percentiles(r.latencyMicros()) + "; target ≥ " + Numbers.figure(TARGET) + "/s: "
                        + (r.perSecond() >= TARGET ? "met" : "MISSED") + "; " + setup + r.errorNote());
    }

    private static void check(DeviceCredentials credentials, String token) {
        if (credentials.authenticate(token).isEmpty()) {
            throw new IllegalStateException("a live token did not authenticate");
        }
    }

    /** Warm-up, then a measured slice. */
    private static LoadResult measure(Mode mode, int threads, ClosedLoop.Operation op) {
        ClosedLoop.run(threads, mode.warmup(), mode.maxOpsPerSlice(), op);
        return ClosedLoop.run(threads, mode.slice(), mode.maxOpsPerSlice(), op);
    }
}
