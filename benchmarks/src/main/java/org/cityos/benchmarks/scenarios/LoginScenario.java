package org.cityos.benchmarks.scenarios;

import java.util.List;
import org.cityos.benchmarks.Mode;
import org.cityos.benchmarks.Numbers;
import org.cityos.benchmarks.Row;
import org.cityos.benchmarks.load.Alternating;
import org.cityos.benchmarks.load.Api;
import org.cityos.benchmarks.load.CityOsProcess;
import org.cityos.benchmarks.load.ClosedLoop;
import org.cityos.benchmarks.load.ClosedLoop.Operation;
import org.cityos.benchmarks.load.LoadResult;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Sign-in throughput against its hashing floor: N threads sign in (round-robin over the demo users)
 * for a while, and N threads run bcrypt {@code matches} at the same cost, alternating slice by slice
 * on the same machine. Ratio = logins/s over bcrypt checks/s: how close sign-in gets to pure hashing.
 */
public final class LoginScenario {
    static final List<String> USERS = List.of("admin", "leader", "operator", "auditor", "steward", "town-a");

    private LoginScenario() {}

    public static Row run(Mode mode, CityOsProcess app) {
        Api api = app.api();
        Operation login = (thread, seq) -> api.login(USERS.get((int) (seq % USERS.size())));
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(Api.BCRYPT_STRENGTH);
        String hash = bcrypt.encode(Api.DEMO_PASSWORD);
        Operation check = (thread, seq) -> {
            if (!bcrypt.matches(Api.DEMO_PASSWORD, hash)) {
                throw new IllegalStateException("bcrypt did not match its own hash");
            }
        };
        int threads = mode.loginThreads();
        ClosedLoop.run(threads, mode.warmup(), mode.maxOpsPerSlice(), login);
        ClosedLoop.run(threads, mode.warmup(), mode.maxOpsPerSlice(), check);
        List<LoadResult> results = Alternating.run(
                mode.rounds(),
                List.of(
                        () -> ClosedLoop.run(threads, mode.slice(), mode.maxOpsPerSlice(), login),
                        () -> ClosedLoop.run(threads, mode.slice(), mode.maxOpsPerSlice(), check)));
        LoadResult logins = results.get(0);
        LoadResult checks = results.get(1);
        Scenarios.requireSuccess("login", logins);
        return new Row(
                "login: POST /api/auth/login, " + threads + " threads (bcrypt + session + audit record)",
                logins.perSecond(),
                "logins/s",
                "bcrypt matches at cost " + Api.BCRYPT_STRENGTH + ", " + threads + " threads, in-process (checks/s)",
                checks.perSecond(),
                "login " + Numbers.percentiles(logins.latencyMicros()) + "; bcrypt "
                        + Numbers.percentiles(checks.latencyMicros()) + logins.errorNote());
    }
}
