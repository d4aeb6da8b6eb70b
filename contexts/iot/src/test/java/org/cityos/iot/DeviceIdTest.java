package org.cityos.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeviceIdTest {
    @Test
    void idsAreRandomBase32WithAPrefixAndNothingElse() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = DeviceId.random().value();
            assertThat(id).matches("dev_[0-9abcdefghjkmnpqrstvwxyz]{20}");
            seen.add(id);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void parsingRefusesLookalikes() {
        assertThat(DeviceId.parse(" dev_0123456789abcdefghjk ")).isPresent();
        assertThat(DeviceId.parse("dev_0123456789abcdefghji"))
                .as("i is not Crockford")
                .isEmpty();
        assertThat(DeviceId.parse("dev_0123456789ABCDEFGHJK")).isEmpty();
        assertThat(DeviceId.parse("dev_123")).isEmpty();
        assertThat(DeviceId.parse(null)).isEmpty();
        assertThatThrownBy(() -> new DeviceId("1101150010")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void maskingHidesTheMiddleOfPhonesAndAllButTheFamilyName() {
        DeviceMaintainer m = new DeviceMaintainer("维保", "王小明", "13812345678");
        assertThat(m.maskedPhone()).isEqualTo("138****5678");
        assertThat(m.maskedContact()).isEqualTo("王**");
    }
}
