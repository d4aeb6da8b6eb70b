package org.cityos.spatial;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * POI storage, search and import settings.
 *
 * @param projectionLatitude reference latitude φ0 of the local metric projection used for KNN; set it
 *     near the district's centre (changing it re-projects stored POIs at start-up)
 * @param importDirectory where uploaded files wait while their job runs; blank = the system temp dir
 * @param maxImportSize largest import file
 * @param maxImportRows most data rows one file may hold
 * @param importBatchSize rows committed per transaction during an import
 * @param maxImportIssues most row issues stored per job (the failed count keeps counting)
 * @param indexCheckInterval how often a node checks for POI changes made on other nodes
 * @param staleImportAfter a running job without progress for this long is marked failed
 * @param syntheticCount SYNTHETIC demo POIs generated into an empty table at start (0 = none)
 * @param syntheticSeed seed of those POIs
 */
@ConfigurationProperties("cityos.spatial.poi")
public record PoiProperties(
        Double projectionLatitude,
        Path importDirectory,
        DataSize maxImportSize,
        Integer maxImportRows,
        Integer importBatchSize,
        Integer maxImportIssues,
        Duration indexCheckInterval,
        Duration staleImportAfter,
        Integer syntheticCount,
        Long syntheticSeed) {

    public PoiProperties {
        projectionLatitude = projectionLatitude == null ? 39.7 : projectionLatitude;
        importDirectory = importDirectory == null || importDirectory.toString().isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "cityos-poi-imports")
                : importDirectory;
        maxImportSize = maxImportSize == null ? DataSize.ofMegabytes(50) : maxImportSize;
        maxImportRows = maxImportRows == null ? 1_000_000 : maxImportRows;
        importBatchSize = importBatchSize == null ? 500 : importBatchSize;
        maxImportIssues = maxImportIssues == null ? 10_000 : maxImportIssues;
        indexCheckInterval = indexCheckInterval == null ? Duration.ofSeconds(10) : indexCheckInterval;
        staleImportAfter = staleImportAfter == null ? Duration.ofMinutes(10) : staleImportAfter;
        syntheticCount = syntheticCount == null ? 1_000 : syntheticCount;
        syntheticSeed = syntheticSeed == null ? 20261124L : syntheticSeed;
        if (projectionLatitude < -80 || projectionLatitude > 80) {
            throw new IllegalArgumentException("cityos.spatial.poi.projection-latitude must be within ±80");
        }
    }

    public static PoiProperties defaults() {
        return new PoiProperties(null, null, null, null, null, null, null, null, null, null);
    }
}
