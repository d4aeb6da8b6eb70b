package org.cityos.benchmarks.micro;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.cityos.audit.internal.CanonicalEncoding;
import org.cityos.audit.internal.ChainHash;
import org.cityos.audit.persistence.StoredRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How many records per second the audit chainer can link on one core: exactly what {@code
 * HashChainer} does per record ({@link ChainHash#of}: canonical encoding plus SHA-256, each hash
 * feeding the next), next to a bare SHA-256 over the same number of bytes with a reused digest. The
 * gap between the two is the encoding's cost; either is orders of magnitude above an fsync per record.
 */
@State(Scope.Thread)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AuditChainBenchmark {
    private StoredRecord record;
    private byte[] encoded;
    private MessageDigest sha256;
    private byte[] prev;
    private long seq;

    @Setup(Level.Trial)
    public void setUp() throws NoSuchAlgorithmException {
        // A department creation, as the audited-write scenario records it.
        record = new StoredRecord(
                41_207L,
                null,
                Instant.parse("2026-05-04T08:15:30.123456Z"),
                "bdfc7a64-757b-4369-aaea-02e15a2b6f50",
                "USER",
                "admin",
                "identity.department.created",
                "department",
                "bench-m3kq9z-41207",
                "110115000000",
                "{\"code\": \"bench-m3kq9z-41207\", \"name\": \"基准部门m3kq9z-41207\", \"shortName\": \"基准41207\"}",
                "6d0f1c52-1c8e-4d0b-9a43-0c2b8f3e7a11",
                null,
                null);
        prev = ChainHash.GENESIS;
        encoded = CanonicalEncoding.record(prev, 1, record);
        sha256 = MessageDigest.getInstance("SHA-256");
    }

    /** One chain link, as the chainer computes it: each hash covers the previous one. */
    @Benchmark
    public void linkRecord(Blackhole bh) {
        byte[] hash = ChainHash.of(prev, ++seq, record);
        prev = hash;
        bh.consume(hash);
    }

    /** Baseline: SHA-256 alone over the same byte count, digest instance reused, no encoding. */
    @Benchmark
    public void sha256Only(Blackhole bh) {
        bh.consume(sha256.digest(encoded));
    }
}
