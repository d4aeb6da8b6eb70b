package org.cityos.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SuiteArgumentsTest {

    @Test
    void spatialAsSecondArgumentSelectsTheSpatialBenchmarksOnly() {
        assertThat(Suite.selection(new String[] {"full", "spatial"})).isEqualTo(Suite.Selection.SPATIAL);
        assertThat(Suite.selection(new String[] {"tiny"})).isEqualTo(Suite.Selection.ALL);
        assertThat(Suite.selection(new String[0])).isEqualTo(Suite.Selection.ALL);
    }

    @Test
    void iotAsSecondArgumentSelectsTheDeviceRegistryBenchmarksOnly() {
        assertThat(Suite.selection(new String[] {"tiny", "iot"})).isEqualTo(Suite.Selection.IOT);
        assertThat(Suite.Selection.IOT.isPart()).isTrue();
        assertThat(Suite.Selection.ALL.isPart()).isFalse();
    }

    @Test
    void ingestAsSecondArgumentSelectsTheBrokerBenchmarksOnly() {
        assertThat(Suite.selection(new String[] {"full", "ingest"})).isEqualTo(Suite.Selection.INGEST);
        assertThat(Suite.Selection.INGEST.isPart()).isTrue();
    }

    @Test
    void alertingAsSecondArgumentSelectsTheAlarmLatencyScenarioOnly() {
        assertThat(Suite.selection(new String[] {"full", "alerting"})).isEqualTo(Suite.Selection.ALERTING);
        assertThat(Suite.Selection.ALERTING.isPart()).isTrue();
    }

    @Test
    void catalogIsAPartOfItsOwn() {
        assertThat(Suite.selection(new String[] {"full", "catalog"})).isEqualTo(Suite.Selection.CATALOG);
        assertThat(Suite.Selection.CATALOG.isPart()).isTrue();
    }

    @Test
    void basedataAsSecondArgumentSelectsThePopulationBaseScenarioOnly() {
        assertThat(Suite.selection(new String[] {"full", "basedata"})).isEqualTo(Suite.Selection.BASEDATA);
        assertThat(Suite.Selection.BASEDATA.isPart()).isTrue();
    }

    @Test
    void sharingIsAPartOfItsOwn() {
        assertThat(Suite.selection(new String[] {"full", "sharing"})).isEqualTo(Suite.Selection.SHARING);
        assertThat(Suite.Selection.SHARING.isPart()).isTrue();
    }

    @Test
    void theLiveDistrictHourIsAPartOfItsOwn() {
        assertThat(Suite.selection(new String[] {"full", "live"})).isEqualTo(Suite.Selection.LIVE);
        assertThat(Suite.Selection.LIVE.isPart()).isTrue();
    }

    @Test
    void anyOtherSelectionIsAUsageError() {
        assertThatThrownBy(() -> Suite.selection(new String[] {"full", "login"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Suite.selection(new String[] {"full", "spatial", "x"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Suite.selection(new String[] {"full", "iot", "spatial"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
