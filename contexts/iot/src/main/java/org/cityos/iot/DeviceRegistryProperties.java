package org.cityos.iot;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Device registry settings ({@code cityos.iot.registry.*}).
 *
 * @param nearDuplicateMetres a device of the same type closer than this is a suspected duplicate
 * @param credentialOverlap how long a rotated-out token keeps working, so devices can switch over
 * @param credentialCacheTtl how long a token lookup is remembered on a node; revocations, rotations and
 *     state changes clear it at once on the node that made them and within a second on the others
 *     (the credential change feed), so this only bounds staleness if that feed stops
 * @param importDirectory where uploaded files wait while their job runs; blank = the system temp dir
 * @param maxImportSize largest import file
 * @param importBatchSize rows written per transaction (one JDBC batch) during an import
 * @param maxImportIssues most row issues stored per job (the failed count keeps counting)
 * @param staleImportAfter a running job without progress for this long is marked failed
 */
@ConfigurationProperties("cityos.iot.registry")
public record DeviceRegistryProperties(
        Double nearDuplicateMetres,
        Duration credentialOverlap,
        Duration credentialCacheTtl,
        Path importDirectory,
        DataSize maxImportSize,
        Integer importBatchSize,
        Integer maxImportIssues,
        Duration staleImportAfter) {

    public DeviceRegistryProperties {
        nearDuplicateMetres = nearDuplicateMetres == null ? 3.0 : nearDuplicateMetres;
        credentialOverlap = credentialOverlap == null ? Duration.ofHours(24) : credentialOverlap;
        credentialCacheTtl = credentialCacheTtl == null ? Duration.ofMinutes(10) : credentialCacheTtl;
        importDirectory = importDirectory == null || importDirectory.toString().isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "cityos-device-imports")
                : importDirectory;
        maxImportSize = maxImportSize == null ? DataSize.ofMegabytes(100) : maxImportSize;
        importBatchSize = importBatchSize == null ? 1000 : importBatchSize;
        maxImportIssues = maxImportIssues == null ? 10_000 : maxImportIssues;
        staleImportAfter = staleImportAfter == null ? Duration.ofMinutes(10) : staleImportAfter;
        if (nearDuplicateMetres < 0 || nearDuplicateMetres > 1000) {
            throw new IllegalArgumentException("cityos.iot.registry.near-duplicate-metres must be within 0..1000");
        }
        if (credentialOverlap.isNegative() || credentialCacheTtl.isNegative() || importBatchSize < 1) {
            throw new IllegalArgumentException("cityos.iot.registry: durations must not be negative, batch size ≥ 1");
        }
    }

    public static DeviceRegistryProperties defaults() {
        return new DeviceRegistryProperties(null, null, null, null, null, null, null, null);
    }
}
