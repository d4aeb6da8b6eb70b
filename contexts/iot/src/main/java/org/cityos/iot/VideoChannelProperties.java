package org.cityos.iot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the video channel catalogue ({@code cityos.iot.video.*}).
 *
 * @param maxGrant the longest a sharing grant may run ({@code CITYOS_IOT_VIDEO_MAX_GRANT}, default 366 days)
 * @param maxImportSize largest accepted import file (default 20MB)
 * @param maxImportRows most data rows one import may hold (default 50,000: the district's 39k and growth)
 * @param maxImportIssues row issues returned with an import report (default 1,000; counts are always complete)
 */
@ConfigurationProperties("cityos.iot.video")
public record VideoChannelProperties(
        Duration maxGrant, DataSize maxImportSize, Integer maxImportRows, Integer maxImportIssues) {
    public VideoChannelProperties {
        maxGrant = maxGrant == null ? Duration.ofDays(366) : maxGrant;
        maxImportSize = maxImportSize == null ? DataSize.ofMegabytes(20) : maxImportSize;
        maxImportRows = maxImportRows == null ? 50_000 : maxImportRows;
        maxImportIssues = maxImportIssues == null ? 1_000 : maxImportIssues;
    }
}
