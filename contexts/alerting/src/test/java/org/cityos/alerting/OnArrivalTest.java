package org.cityos.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Optional;
import org.cityos.alerting.internal.engine.DeviceCatalog;
import org.cityos.alerting.internal.engine.DeviceFacts;
import org.cityos.alerting.internal.engine.RuleEngine;
import org.cityos.alerting.internal.engine.TypeFacts;
import org.cityos.iot.TelemetryObserver;
import org.junit.jupiter.api.Test;

/** The rule engine looks ahead of the ingest commit by default, and only when asked not to does it wait for it. */
class OnArrivalTest {
    static final DeviceCatalog NO_DEVICES = new DeviceCatalog() {
        @Override
        public Optional<DeviceFacts> device(String id) {
            return Optional.empty();
        }

        @Override
        public void ofType(String typeCode, java.util.function.Consumer<DeviceFacts> each) {}

        @Override
        public Optional<TypeFacts> type(String code) {
            return Optional.empty();
        }
    };

    static AlertingProperties onArrival(Boolean value) {
        return new AlertingProperties(
                null, null, null, null, null, null, null, null, null, null, null, null, value, null);
    }

    @Test
    void theEngineLooksAheadUnlessTurnedOff() {
        RuleEngine engine = new RuleEngine(NO_DEVICES, finding -> {}, Clock.systemUTC());
        AlertingConfiguration config = new AlertingConfiguration();
        TelemetryObserver byDefault = config.alertingObserver(engine, onArrival(null));
        assertThat(byDefault.ahead()).isTrue();
        assertThat(config.alertingObserver(engine, onArrival(false)).ahead()).isFalse();
        assertThat(config.alertingObserver(engine, onArrival(true)).ahead()).isTrue();
    }
}
