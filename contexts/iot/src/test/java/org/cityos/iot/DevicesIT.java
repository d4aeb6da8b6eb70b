package org.cityos.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cityos.iot.RegistryFixture.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import org.cityos.iot.DeviceProblems.DeviceOutsideDistrict;
import org.cityos.iot.DeviceProblems.DuplicateSerial;
import org.cityos.iot.DeviceProblems.IllegalTransition;
import org.cityos.iot.DeviceProblems.NearDuplicate;
import org.cityos.iot.DeviceProblems.UnknownDevice;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.kernel.problem.ConcurrentChange;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

class DevicesIT {
    static RegistryFixture f;
    static final Actor[] current = {STEWARD};
    static MockMvc mvc;

    @BeforeAll
    static void start() {
        f = new RegistryFixture();
        mvc = f.mvc(current);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void registeringPlacesAuditsAndPublishes() {
        long audits = f.count("SELECT count(*) FROM audit_record WHERE action = 'iot.device.register'");
        Device d = f.register("waterlogging-level", "R-1", IN_GRID, WATER);
        assertThat(d.id().value()).matches("dev_[0-9a-z]{20}");
        assertThat(d.division()).isEqualTo(GRID);
        assertThat(d.state()).isEqualTo(DeviceState.PLANNED);
        assertThat(d.version()).isZero();
        assertThat(f.count("SELECT count(*) FROM audit_record WHERE action = 'iot.device.register'"))
                .isEqualTo(audits + 1);
        assertThat(f.events).anyMatch(e -> e instanceof DeviceRegistered r && r.id().equals(d.id().value()));
    }

    @Test
    void refusesBadDrafts() {
        assertThatThrownBy(() -> f.register("waterlogging-level", "R-out", OUTSIDE, WATER))
                .isInstanceOf(DeviceOutsideDistrict.class);
        InvalidInput bad = (InvalidInput) org.assertj.core.api.Assertions.catchThrowable(() -> f.devices.register(
                STEWARD,
                new DeviceDraft(
                        "no-such-type",
                        " ",
                        null,
                        "S",
                        IN_SOUTH,
                        null,
                        org.cityos.kernel.DepartmentCode.of("nobody"),
                        null,
                        null,
                        null,
                        List.of("bad tag!"),
                        null,
                        Set.of()),
                false));
        assertThat(bad.fieldIssues().stream().map(FieldIssue::field))
                .contains("type", "name", "vendor", "department", "tags[0]");
    }

    @Test
    void sameSerialIsRefusedNamingTheExistingDevice() {
        Device first = f.register("manhole-tilt", "M-1", IN_SOUTH, CITY);
        assertThatThrownBy(() -> f.register("manhole-tilt", "M-1", IN_NORTH, CITY))
                .isInstanceOf(DuplicateSerial.class)
                .hasMessageContaining(first.id().value());
    }

    @Test
    void aSameTypeDeviceWithinThreeMetresNeedsConsent() {
        GeoPoint at = GeoPoint.of(116.41, 39.66);
        GeoPoint twoMetresAway = GeoPoint.of(116.41, 39.66 + 2 / 111_195.0);
        GeoPoint tenMetresAway = GeoPoint.of(116.41, 39.66 + 10 / 111_195.0);
        Device first = f.register("trash-bin-fill", "T-1", at, CITY);
        assertThatThrownBy(() -> f.register("trash-bin-fill", "T-2", twoMetresAway, CITY))
                .isInstanceOf(NearDuplicate.class)
                .hasMessageContaining(first.id().value());
        assertThat(f.register("smoke-detector", "T-3", twoMetresAway, CITY)).isNotNull();
        assertThat(f.register("trash-bin-fill", "T-4", tenMetresAway, CITY)).isNotNull();
        assertThat(f.devices.register(STEWARD, draft("trash-bin-fill", "T-5", twoMetresAway, CITY), true))
                .isNotNull();
    }

    @Test
    void everyAllowedTransitionWorksAndIllegalOnesAre409() {
        Device d = f.register("noise-monitor", "L-1", IN_EAST, ECOLOGY);
        List<DeviceState> path = List.of(
                DeviceState.INSTALLED, DeviceState.ACTIVE, DeviceState.FAULTY, DeviceState.ACTIVE, DeviceState.RETIRED);
        for (DeviceState to : path) {
            assertThat(f.devices.transition(STEWARD, d.id(), to, "test").state())
                    .isEqualTo(to);
        }
        assertThat(f.events)
                .anyMatch(e -> e instanceof DeviceStateChanged c
                        && c.id().equals(d.id().value())
                        && c.from().equals("FAULTY")
                        && c.to().equals("ACTIVE"));
        assertThatThrownBy(() -> f.devices.transition(STEWARD, d.id(), DeviceState.ACTIVE, "revive"))
                .isInstanceOf(IllegalTransition.class);
        Device planned = f.register("noise-monitor", "L-2", IN_NORTH, ECOLOGY);
        assertThatThrownBy(() -> f.devices.transition(STEWARD, planned.id(), DeviceState.ACTIVE, "skip"))
                .isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> f.devices.transition(STEWARD, planned.id(), DeviceState.FAULTY, "skip"))
                .isInstanceOf(IllegalTransition.class);
        assertThat(f.devices
                        .transition(STEWARD, planned.id(), DeviceState.RETIRED, "plan dropped")
                        .state())
                .isEqualTo(DeviceState.RETIRED);
        Device installed = f.register("noise-monitor", "L-3", IN_GRID, ECOLOGY);
        f.devices.transition(STEWARD, installed.id(), DeviceState.INSTALLED, null);
        assertThat(f.devices
                        .transition(STEWARD, installed.id(), DeviceState.FAULTY, "dead on arrival")
                        .state())
                .isEqualTo(DeviceState.FAULTY);
        assertThatThrownBy(() -> f.devices.transition(STEWARD, installed.id(), DeviceState.PLANNED, "back"))
                .isInstanceOf(IllegalTransition.class);
    }

    @Test
    void parentsMustBeGatewaysWithoutCycles() {
        Device gw1 = f.register("gateway", "G-1", IN_SOUTH, CITY);
        Device gw2 = f.devices.register(STEWARD, withParent(draft("gateway", "G-2", IN_NORTH, CITY), gw1.id()), false);
        Device sensor =
                f.devices.register(STEWARD, withParent(draft("rain-gauge", "G-3", IN_NORTH, WATER), gw2.id()), false);
        assertThat(sensor.parent()).isEqualTo(gw2.id());
        assertThatThrownBy(() -> f.devices.register(
                        STEWARD, withParent(draft("rain-gauge", "G-4", IN_EAST, WATER), sensor.id()), false))
                .isInstanceOf(InvalidInput.class)
                .satisfies(
                        e -> assertThat(((InvalidInput) e).fieldIssues().get(0).messageKey())
                                .isEqualTo("problem.parent-not-gateway"));
        assertThatThrownBy(() -> f.devices.change(
                        STEWARD,
                        gw1.id(),
                        gw1.version(),
                        withParent(draft("gateway", "G-1", IN_SOUTH, CITY), gw2.id()),
                        false))
                .isInstanceOf(InvalidInput.class)
                .satisfies(
                        e -> assertThat(((InvalidInput) e).fieldIssues().get(0).messageKey())
                                .isEqualTo("problem.gateway-cycle"));
    }

    @Test
    void aGatewaysChildrenAreListedAsFarAsTheCallerSeesThem() {
        // Near duplicates allowed: other tests of this class place devices at the same points.
        Device gateway = f.devices.register(STEWARD, draft("gateway", "K-GW", IN_EAST, CITY), true);
        Device near =
                f.devices.register(STEWARD, withParent(draft("rain-gauge", "K-1", IN_EAST, WATER), gateway.id()), true);
        Device far = f.devices.register(
                STEWARD, withParent(draft("rain-gauge", "K-2", IN_SOUTH, WATER), gateway.id()), true);
        assertThat(f.devices.children(STEWARD, gateway.id()))
                .extracting(Device::id)
                .containsExactlyInAnyOrder(near.id(), far.id());
        assertThat(f.devices.children(EAST_READER, gateway.id()))
                .extracting(Device::id)
                .containsExactly(near.id());
        assertThat(f.devices.children(STEWARD, near.id())).isEmpty();
        // A gateway outside the caller's places is as unknown as a missing one.
        assertThatThrownBy(() -> f.devices.children(WEST_STEWARD, gateway.id())).isInstanceOf(UnknownDevice.class);
        assertThatThrownBy(() -> f.devices.children(AUDITOR, gateway.id())).isInstanceOf(AccessDenied.class);
    }

    @Test
    void aMapBoxIsGatheredIntoCellsAsFarAsTheCallerSeesThem() {
        GeoPoint a = GeoPoint.of(116.4001, 39.6501);
        GeoPoint b = GeoPoint.of(116.4009, 39.6509);
        Device one = f.devices.register(STEWARD, draft("bridge-health", "C-1", a, CITY), true);
        Device two = f.devices.register(STEWARD, draft("bridge-health", "C-2", b, CITY), true);
        Device east = f.devices.register(STEWARD, draft("bridge-health", "C-3", IN_EAST, CITY), true);
        f.devices.transition(STEWARD, two.id(), DeviceState.INSTALLED, "fitted");
        f.devices.transition(STEWARD, two.id(), DeviceState.FAULTY, "no signal");
        DeviceFilter bridges = new DeviceFilter("bridge-health", null, null, null, null, null);
        DeviceBox district = new DeviceBox(116.0, 39.4, 116.8, 40.0);

        // At zoom 9 a cell is about 0.18°: the two close devices share one, the eastern one has its own.
        DeviceClusters wide = f.devices.clusters(STEWARD, bridges, district, 9);
        assertThat(wide.total()).isEqualTo(3);
        assertThat(wide.clusters()).hasSize(2);
        DeviceClusters.Cluster pair =
                wide.clusters().stream().filter(c -> c.count() == 2).findFirst().orElseThrow();
        assertThat(pair.faulty()).isEqualTo(1);
        assertThat(pair.device()).isNull();
        assertThat(pair.lon()).isCloseTo(116.4005, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(wide.clusters().stream()
                        .filter(c -> c.count() == 1)
                        .findFirst()
                        .orElseThrow()
                        .device())
                .isEqualTo(east.id());

        // Zoomed in on the pair (a small box, as a map at zoom 18 shows), each is alone in its cell and named.
        DeviceClusters close = f.devices.clusters(STEWARD, bridges, new DeviceBox(116.39, 39.64, 116.41, 39.66), 18);
        assertThat(close.clusters())
                .extracting(DeviceClusters.Cluster::device)
                .containsExactlyInAnyOrder(one.id(), two.id());
        // Scope: an eastern reader sees only the eastern device; retired ones drop out.
        assertThat(f.devices.clusters(EAST_READER, bridges, district, 9).total())
                .isEqualTo(1);
        f.devices.transition(STEWARD, east.id(), DeviceState.RETIRED, "removed");
        assertThat(f.devices.clusters(STEWARD, bridges, district, 9).total()).isEqualTo(2);
        assertThatThrownBy(() -> f.devices.clusters(AUDITOR, bridges, district, 9))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> f.devices.clusters(STEWARD, bridges, new DeviceBox(-180, -90, 180, 90), 22))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badClusterParametersAreRefusedWithTheirReasons() throws Exception {
        mvc.perform(get("/api/devices/clusters")
                        .param("bbox", "116.0,39.4,116.8,40.0")
                        .param("zoom", "9"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.zoom").value(9));
        mvc.perform(get("/api/devices/clusters")
                        .param("bbox", "116.8,39.4,116.0,40.0")
                        .param("zoom", "9"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("bbox"));
        mvc.perform(get("/api/devices/clusters")
                        .param("bbox", "116.0,39.4,116.8,40.0")
                        .param("zoom", "23"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("zoom"));
        mvc.perform(get("/api/devices/clusters")
                        .param("bbox", "-180,-90,180,90")
                        .param("zoom", "20"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("bbox"));
    }

    @Test
    void changesNeedTheCurrentVersion() {
        Device d = f.register("water-meter", "W-1", IN_SOUTH, WATER);
        DeviceDraft moved = draft("water-meter", "W-1", IN_NORTH, WATER);
        Device changed = f.devices.change(STEWARD, d.id(), 0, moved, false);
        assertThat(changed.division()).isEqualTo(NORTH);
        assertThat(changed.version()).isEqualTo(1);
        assertThatThrownBy(() -> f.devices.change(STEWARD, d.id(), 0, moved, false))
                .isInstanceOf(ConcurrentChange.class);
    }

    @Test
    void scopeLimitsWhatIsSeenAndChanged() {
        Device east = f.register("river-level", "S-east", IN_EAST, ECOLOGY);
        Device west = f.register("river-level", "S-west", IN_NORTH, CITY);
        Device sharedEast = f.devices.register(
                STEWARD,
                new DeviceDraft(
                        "river-level",
                        "shared",
                        "acme",
                        "S-shared",
                        GeoPoint.of(116.56, 39.66),
                        null,
                        ECOLOGY,
                        null,
                        null,
                        null,
                        List.of(),
                        null,
                        Set.of(WATER)),
                false);
        assertThatThrownBy(() -> f.devices.get(WEST_STEWARD, east.id())).isInstanceOf(UnknownDevice.class);
        assertThat(f.devices.get(WEST_STEWARD, west.id())).isNotNull();
        assertThat(f.devices.get(WATER_HANDLER, sharedEast.id())).isNotNull();
        assertThatThrownBy(() -> f.devices.get(WATER_HANDLER, east.id())).isInstanceOf(UnknownDevice.class);
        assertThatThrownBy(() -> f.devices.transition(WEST_STEWARD, east.id(), DeviceState.INSTALLED, "x"))
                .isInstanceOf(UnknownDevice.class);
        assertThatThrownBy(() -> f.devices.register(WEST_STEWARD, draft("river-level", "S-x", IN_EAST, ECOLOGY), false))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> f.devices.get(AUDITOR, west.id())).isInstanceOf(AccessDenied.class);
        var eastList = f.devices.list(
                EAST_READER, new DeviceFilter("river-level", null, null, null, null, null), PageRequest.of(0, 100));
        assertThat(eastList.items())
                .extracting(Device::id)
                .contains(east.id(), sharedEast.id())
                .doesNotContain(west.id());
        var waterList = f.devices.list(
                WATER_HANDLER, new DeviceFilter("river-level", null, null, null, null, null), PageRequest.of(0, 100));
        assertThat(waterList.items()).extracting(Device::id).containsExactly(sharedEast.id());
    }

    @Test
    void httpMasksPhonesAndAnswersProblemsNot500() throws Exception {
        current[0] = STEWARD;
        String body = """
                {"type":"smoke-detector","name":"烟感","vendor":"acme","serial":"H-1","lon":116.42,"lat":39.67,
                 "department":"city-management","maintainer":{"organisation":"维保","contact":"李四","phone":"13912345678"}}""";
        String created = mvc.perform(post("/api/devices")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.maintainer.phone").value("139****5678"))
                .andExpect(jsonPath("$.maintainer.contact").value("李*"))
                .andExpect(jsonPath("$.division").value(SOUTH.value()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = created.replaceAll(".*\"id\":\"(dev_[0-9a-z]+)\".*", "$1");
        mvc.perform(post("/api/devices/" + id + "/transitions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"ACTIVE\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("illegal-device-transition")));
        mvc.perform(post("/api/devices/" + id + "/transitions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"DANCING\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/devices/not-an-id")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/devices/dev_00000000000000000000")).andExpect(status().isNotFound());
        mvc.perform(post("/api/devices")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("116.42", "999").replace("H-1", "H-2")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/devices")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("H-1", "H-3").replace("smoke-detector", "nope")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").exists());
        mvc.perform(get("/api/devices").param("division", "11011500100").param("type", "smoke-detector"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/devices")
                        .param("division", SOUTH.value())
                        .param("type", "smoke-detector")
                        .param("q", "烟感"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void deviceTypesComeThroughTheApiWithFieldErrors() throws Exception {
        current[0] = STEWARD;
        String type = """
                {"code":"tree-tilt","nameZh":"树木倾斜","nameEn":"Tree tilt","domain":"greening","componentClass":"04",
                 "properties":[{"name":"tilt","unit":"°","dataType":"NUMBER","min":0,"max":90,"reportingIntervalSeconds":3600},
                               {"name":"tilt","dataType":"DECIMAL","min":5,"max":1,"reportingIntervalSeconds":0}]}""";
        mvc.perform(post("/api/device-types")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(type))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(3));
        String ok = type.replace(
                ",\n               {\"name\":\"tilt\",\"dataType\":\"DECIMAL\",\"min\":5,\"max\":1,\"reportingIntervalSeconds\":0}",
                "");
        mvc.perform(post("/api/device-types")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ok))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.properties[0].dataType").value("NUMBER"));
        mvc.perform(post("/api/device-types")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ok))
                .andExpect(status().isConflict());
        assertThat(f.register("tree-tilt", "TT-1", IN_EAST, CITY).typeCode()).isEqualTo("tree-tilt");
        mvc.perform(get("/api/device-types")).andExpect(jsonPath("$.length()").value(37));
    }

    private static DeviceDraft withParent(DeviceDraft d, DeviceId parent) {
        return new DeviceDraft(
                d.typeCode(),
                d.name(),
                d.vendor(),
                d.serial(),
                d.location(),
                d.address(),
                d.department(),
                d.maintainer(),
                d.installedOn(),
                d.state(),
                d.tags(),
                parent,
                d.sharedWith());
    }
}
