package org.cityos.benchmarks.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusScrapeTest {
    static String text(long count, double sum, double max) {
        return "# HELP cityos_ingest_batch_size\n# TYPE cityos_ingest_batch_size summary\n"
                + "cityos_ingest_batch_size_count{application=\"cityos\"} " + count + "\n"
                + "cityos_ingest_batch_size_sum{application=\"cityos\"} " + sum + "\n"
                + "cityos_ingest_batch_size_max{application=\"cityos\"} " + max + "\n"
                + "cityos_ingest_messages_total{channel=\"MQTT\",outcome=\"STORED\"} 7.0\n"
                + "cityos_ingest_messages_total{channel=\"HTTP\",outcome=\"STORED\"} 3.0\n";
    }

    @Test
    void meanBetweenTwoScrapesIsDeltaSumOverDeltaCount() {
        PrometheusScrape before = PrometheusScrape.parse(text(10, 100, 20));
        PrometheusScrape after = PrometheusScrape.parse(text(30, 700, 50));

        assertThat(after.meanSince(before, "cityos_ingest_batch_size")).isEqualTo(30.0);
        assertThat(after.countSince(before, "cityos_ingest_batch_size")).isEqualTo(20.0);
        assertThat(after.value("cityos_ingest_batch_size_max")).isEqualTo(50.0);
    }

    @Test
    void labelSetsOfOneSeriesAddUpAndMissingSeriesAreNaN() {
        PrometheusScrape scrape = PrometheusScrape.parse(text(1, 1, 1));

        assertThat(scrape.value("cityos_ingest_messages_total")).isEqualTo(10.0);
        assertThat(scrape.value("nope")).isNaN();
        assertThat(scrape.meanSince(scrape, "cityos_ingest_batch_size")).isNaN();
    }
}
