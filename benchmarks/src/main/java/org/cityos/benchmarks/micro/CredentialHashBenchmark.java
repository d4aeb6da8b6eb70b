package org.cityos.benchmarks.micro;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.cityos.benchmarks.load.Api;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Why machine credentials (session tokens, API keys) are stored as SHA-256 digests and passwords as
 * bcrypt: checking a 256-bit random token is one digest (what identity's {@code Secrets.digest} does,
 * mirrored here), while checking a password costs a bcrypt verification at CityOS's default cost.
 */
@State(Scope.Thread)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CredentialHashBenchmark {
    private String token;
    private String passwordHash;
    private BCryptPasswordEncoder bcrypt;

    @Setup
    public void setUp() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        token = "cos_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        bcrypt = new BCryptPasswordEncoder(Api.BCRYPT_STRENGTH);
        passwordHash = bcrypt.encode(Api.DEMO_PASSWORD);
    }

    /** A session token's look-up key, exactly as identity computes it. */
    @Benchmark
    public void tokenDigest(Blackhole bh) throws NoSuchAlgorithmException {
        bh.consume(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    /** A password check at cost 10. */
    @Benchmark
    public void bcryptMatches(Blackhole bh) {
        bh.consume(bcrypt.matches(Api.DEMO_PASSWORD, passwordHash));
    }
}
