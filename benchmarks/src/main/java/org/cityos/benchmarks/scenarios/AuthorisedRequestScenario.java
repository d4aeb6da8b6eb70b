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

/**
 * Authorised-request throughput: closed-loop readers with a bearer token on a scoped read that hits
 * the database, and on the cheapest authorised read, against the public liveness probe through the same
 * server and client, alternating slice by slice. Ratio = authorised / public: what authentication,
 * authorisation, scoping and the query cost on top of serving a request at all.
 */
public final class AuthorisedRequestScenario {
    static final String DIVISION = "/api/divisions/110115005000";
    static final String ME = "/api/auth/me";
    static final String LIVENESS = "/actuator/health/liveness";

    private AuthorisedRequestScenario() {}

    public static List<Row> run(Mode mode, CityOsProcess app) throws Exception {
        Api api = app.api();
        String token = api.login("admin");
        Operation division = (thread, seq) -> api.get(DIVISION, token);
        Operation me = (thread, seq) -> api.get(ME, token);
        Operation liveness = (thread, seq) -> api.get(LIVENESS, null);
        int threads = mode.readThreads();
        long max = mode.maxOpsPerSlice();
        for (Operation op : List.of(liveness, division, me)) {
            ClosedLoop.run(threads, mode.warmup(), max, op);
        }
        List<LoadResult> results = Alternating.run(
                mode.rounds(),
                List.of(
                        () -> ClosedLoop.run(threads, mode.slice(), max, liveness),
                        () -> ClosedLoop.run(threads, mode.slice(), max, division),
                        () -> ClosedLoop.run(threads, mode.slice(), max, me)));
        LoadResult pub = results.get(0);
        LoadResult div = results.get(1);
        LoadResult who = results.get(2);
        Scenarios.requireSuccess("public GET " + LIVENESS, pub);
        Scenarios.requireSuccess("authorised GET " + DIVISION, div);
        Scenarios.requireSuccess("authorised GET " + ME, who);
        String baseline = "public GET " + LIVENESS + ", same server, client and threads (req/s)";
        String publicNote = "; public " + Numbers.percentiles(pub.latencyMicros()) + pub.errorNote();
        return List.of(
                new Row(
                        "authorised request: GET " + DIVISION + " with a bearer token (scoped, database read), "
                                + threads + " threads closed loop",
                        div.perSecond(),
                        "req/s",
                        baseline,
                        pub.perSecond(),
                        Numbers.percentiles(div.latencyMicros()) + div.errorNote() + publicNote),
                new Row(
                        "authorised request: GET " + ME + " with a bearer token (cheapest authorised read), " + threads
                                + " threads closed loop",
                        who.perSecond(),
                        "req/s",
                        baseline,
                        pub.perSecond(),
                        Numbers.percentiles(who.latencyMicros()) + who.errorNote() + publicNote));
    }
}
