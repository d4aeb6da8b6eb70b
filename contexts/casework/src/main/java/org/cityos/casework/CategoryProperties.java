package org.cityos.casework;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the case categories ({@code cityos.casework.categories.*}).
 *
 * @param seed the tree loaded into an empty table at start; blank for none
 * @param trainingCases the suggestion model learns from at most this many of the most recent categorised cases
 * @param refresh how often the model is rebuilt from the cases
 * @param scheduled whether the rebuild runs by itself (tests call {@code retrain()} instead)
 * @param cacheFor how long a node reuses its reading of the tree (another node's change shows after this at most)
 * @param maxImportSize the largest category file accepted
 */
@ConfigurationProperties("cityos.casework.categories")
public record CategoryProperties(
        String seed,
        Integer trainingCases,
        Duration refresh,
        Boolean scheduled,
        Duration cacheFor,
        DataSize maxImportSize) {

    public CategoryProperties {
        seed = seed == null ? "classpath:casework/categories.csv" : seed;
        trainingCases = trainingCases == null ? 20_000 : trainingCases;
        refresh = refresh == null ? Duration.ofMinutes(10) : refresh;
        scheduled = scheduled == null || scheduled;
        cacheFor = cacheFor == null ? Duration.ofSeconds(30) : cacheFor;
        maxImportSize = maxImportSize == null ? DataSize.ofMegabytes(5) : maxImportSize;
    }

    public static CategoryProperties defaults() {
        return new CategoryProperties(null, null, null, null, null, null);
    }
}
