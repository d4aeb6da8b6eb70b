package org.cityos.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cityos.iot.RegistryFixture.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.cityos.iot.DeviceProblems.UnknownDevice;
import org.cityos.kernel.access.Actor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeviceCredentialsIT {
    static RegistryFixture f;

    @BeforeAll
    static void start() {
        f = new RegistryFixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void aTokenFindsItsDeviceAndOnlyItsDigestIsStored() {
        Device d = f.register("gas-meter", "C-1", IN_SOUTH, CITY);
        DeviceCredential c = f.credentials.issue(STEWARD, d.id());
        assertThat(c.token()).matches("cod_[A-Za-z0-9_-]{43}");
        assertThat(c.previousValidUntil()).isNull();
        DeviceCredentialCheck check = f.credentials.authenticate(c.token()).orElseThrow();
        assertThat(check.deviceId()).isEqualTo(d.id());
        assertThat(check.typeCode()).isEqualTo("gas-meter");
        assertThat(check.state()).isEqualTo(DeviceState.PLANNED);
        assertThat(f.count("SELECT count(*) FROM iot_device_credential WHERE encode(digest, 'escape') LIKE '%"
                        + c.token().substring(4, 20) + "%'"))
                .isZero();
        assertThat(f.credentials.authenticate("cod_" + "A".repeat(43))).isEmpty();
        assertThat(f.credentials.authenticate("nonsense")).isEmpty();
        assertThat(c.toString()).doesNotContain(c.token());
    }

    @Test
    void rotationKeepsTheOldTokenForTheOverlapOnly() {
        Device d = f.register("gas-meter", "C-2", IN_NORTH, CITY);
        DeviceCredential first = f.credentials.issue(STEWARD, d.id());
        f.clock.advance(Duration.ofHours(1));
        DeviceCredential second = f.credentials.issue(STEWARD, d.id());
        assertThat(second.previousValidUntil()).isEqualTo(f.clock.instant().plus(Duration.ofHours(24)));
        assertThat(f.credentials.authenticate(first.token())).isPresent();
        assertThat(f.credentials.authenticate(second.token())).isPresent();
        f.clock.advance(Duration.ofHours(23).plusMinutes(59));
        assertThat(f.credentials.authenticate(first.token())).isPresent();
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(f.credentials.authenticate(first.token())).isEmpty();
        assertThat(f.credentials.authenticate(second.token())).isPresent();
    }

    @Test
    void revocationAndRetirementStopTokensAtOnceEvenWhenCached() {
        Device d = f.register("gas-meter", "C-3", IN_EAST, CITY);
        DeviceCredential c = f.credentials.issue(STEWARD, d.id());
        assertThat(f.credentials.authenticate(c.token())).isPresent(); // now cached
        f.credentials.revoke(STEWARD, d.id());
        assertThat(f.credentials.authenticate(c.token())).isEmpty();

        DeviceCredential again = f.credentials.issue(STEWARD, d.id());
        assertThat(again.previousValidUntil()).isNull();
        assertThat(f.credentials.authenticate(again.token())).isPresent();
        f.devices.transition(STEWARD, d.id(), DeviceState.RETIRED, "removed");
        assertThat(f.credentials.authenticate(again.token())).isEmpty();
        assertThatThrownBy(() -> f.credentials.issue(STEWARD, d.id()))
                .isInstanceOf(DeviceCredentials.DeviceRetired.class);
    }

    @Test
    void onlyCallersInScopeManageCredentials() {
        Device d = f.register("gas-meter", "C-4", IN_EAST, CITY);
        assertThatThrownBy(() -> f.credentials.issue(WEST_STEWARD, d.id())).isInstanceOf(UnknownDevice.class);
        assertThatThrownBy(() -> f.credentials.issue(EAST_READER, d.id()))
                .isInstanceOf(org.cityos.kernel.problem.AccessDenied.class);
    }

    @Test
    void theSecretIsInTheIssueResponseOnly() throws Exception {
        Device d = f.register("gas-meter", "C-5", IN_GRID, CITY);
        var mvc = f.mvc(new Actor[] {STEWARD});
        mvc.perform(post("/api/devices/" + d.id() + "/credentials").param("overlap", "PT1H"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.token").value(org.hamcrest.Matchers.startsWith("cod_")));
        mvc.perform(post("/api/devices/" + d.id() + "/credentials").param("overlap", "forever"))
                .andExpect(status().isBadRequest());
        mvc.perform(delete("/api/devices/" + d.id() + "/credentials")).andExpect(status().isNoContent());
        assertThat(f.count("SELECT count(*) FROM iot_device_credential WHERE device_id = '" + d.id()
                        + "' AND revoked_at IS NULL"))
                .isZero();
    }
}
