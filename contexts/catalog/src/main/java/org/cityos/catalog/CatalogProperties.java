package org.cityos.catalog;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How the catalogue ledger is chained and signed, and how large an import may be.
 *
 * @param chainInterval pause between ledger chainer runs
 * @param batchSize most ledger rows linked in one transaction
 * @param checkpointInterval least time between signed checkpoints; the longest a chained row stays unsigned
 * @param signingKeyFile the ledger's Ed25519 key (PKCS#8 PEM), outside the database, created on first start
 * @param maxImportSize largest CSV/xlsx file accepted
 * @param maxImportRows most rows in one file (the import is one transaction)
 * @param shareDecisionTime how long a provider has to decide a sharing request before it shows as overdue
 */
@ConfigurationProperties("cityos.catalog")
public record CatalogProperties(
        Duration chainInterval,
        int batchSize,
        Duration checkpointInterval,
        Path signingKeyFile,
        DataSize maxImportSize,
        int maxImportRows,
        Duration shareDecisionTime) {

    public CatalogProperties {
        chainInterval = chainInterval == null ? Duration.ofMillis(500) : chainInterval;
        batchSize = batchSize <= 0 ? 5000 : batchSize;
        checkpointInterval = checkpointInterval == null ? Duration.ofSeconds(5) : checkpointInterval;
        signingKeyFile =
                signingKeyFile == null ? Path.of("data", "keys", "catalog-ledger-ed25519.key") : signingKeyFile;
        maxImportSize = maxImportSize == null ? DataSize.ofMegabytes(10) : maxImportSize;
        maxImportRows = maxImportRows <= 0 ? 10_000 : maxImportRows;
        shareDecisionTime = shareDecisionTime == null ? Duration.ofDays(5) : shareDecisionTime;
        if (chainInterval.isNegative() || chainInterval.isZero()) {
            throw new IllegalArgumentException("cityos.catalog.chain-interval must be above 0");
        }
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("cityos.catalog.checkpoint-interval must be above 0");
        }
    }

    public static CatalogProperties defaults() {
        return new CatalogProperties(null, 0, null, null, null, 0, null);
    }
}
