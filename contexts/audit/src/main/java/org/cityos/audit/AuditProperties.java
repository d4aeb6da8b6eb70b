package org.cityos.audit;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the audit trail is chained and signed.
 *
 * @param chainInterval pause between chainer runs; at most 2 s, because the requirement is that every
 *     record is chained within 2 s
 * @param batchSize most records chained in one transaction
 * @param checkpointInterval least time between signed checkpoints; also the longest a chained record
 *     stays unsigned
 * @param signingKeyFile the Ed25519 private key (PKCS#8 PEM), kept outside the database so that
 *     someone who can rewrite tables still cannot sign; created on first start
 */
@ConfigurationProperties("cityos.audit")
public record AuditProperties(Duration chainInterval, int batchSize, Duration checkpointInterval, Path signingKeyFile) {

    static final Duration MAX_CHAIN_INTERVAL = Duration.ofSeconds(2);

    public AuditProperties {
        chainInterval = chainInterval == null ? Duration.ofMillis(500) : chainInterval;
        batchSize = batchSize <= 0 ? 5000 : batchSize;
        checkpointInterval = checkpointInterval == null ? Duration.ofSeconds(5) : checkpointInterval;
        signingKeyFile = signingKeyFile == null ? Path.of("data", "keys", "audit-signing-ed25519.key") : signingKeyFile;
        if (chainInterval.isNegative() || chainInterval.isZero() || chainInterval.compareTo(MAX_CHAIN_INTERVAL) > 0) {
            throw new IllegalArgumentException("cityos.audit.chain-interval must be above 0 and at most 2s");
        }
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("cityos.audit.checkpoint-interval must be above 0");
        }
        if (batchSize > 50_000) {
            throw new IllegalArgumentException("cityos.audit.batch-size must be at most 50000");
        }
    }

    public static AuditProperties defaults() {
        return new AuditProperties(null, 0, null, null);
    }
}
