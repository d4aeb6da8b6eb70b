package org.cityos.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cityos.iot.RegistryFixture.CITY;
import static org.cityos.iot.RegistryFixture.IN_SOUTH;
import static org.cityos.iot.RegistryFixture.STEWARD;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cityos.iot.DeviceCommands.CommandRequest;
import org.cityos.kernel.problem.InvalidInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Downlink commands through a fake transport: validation, every status move, queued delivery and the audit. */
class DownlinkIT {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static RegistryFixture f;
    static DeviceCommands commands;
    static final FakeTransport transport = new FakeTransport();

    @BeforeAll
    static void start() {
        f = new RegistryFixture();
        commands = f.context.getBean(DeviceCommands.class);
        commands.addTransport(transport);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    /** Reaches only the devices marked connected; each delivery completes when the test says so. */
    static final class FakeTransport implements CommandTransport {
        final Set<DeviceId> connected = ConcurrentHashMap.newKeySet();
        final List<DownlinkCommand> delivered = new CopyOnWriteArrayList<>();
        final Map<String, CompletableFuture<Void>> acks = new ConcurrentHashMap<>();

        @Override
        public Optional<CompletionStage<Void>> deliver(DownlinkCommand command) {
            if (!connected.contains(command.device())) {
                return Optional.empty();
            }
            delivered.add(command);
            return Optional.of(acks.computeIfAbsent(command.id(), id -> new CompletableFuture<>()));
        }

        void ack(String commandId) {
            acks.computeIfAbsent(commandId, id -> new CompletableFuture<>()).complete(null);
        }
    }

    static JsonNode json(String s) {
        return JSON.readTree(s);
    }

    static CommandRequest command(String name, String params) {
        return new CommandRequest(null, name, json(params), null);
    }

    Device pole(String serial) {
        return f.devices.register(STEWARD, RegistryFixture.draft("smart-light-pole", serial, IN_SOUTH, CITY), true);
    }

    static List<String> issues(Device d, CommandRequest request) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> commands.send(STEWARD, d.id(), request));
        assertThat(t).isInstanceOf(InvalidInput.class);
        return ((InvalidInput) t)
                .fieldIssues().stream()
                        .map(i -> i.field() + ":" + i.messageKey())
                        .toList();
    }

    String status(String commandId) {
        return commands.get(STEWARD, commandId).status();
    }

    @Test
    void badCommandsAreRefusedFieldByFieldAndNothingIsStored() {
        Device d = pole("DL-1");
        assertThat(issues(d, command("explode", "{}"))).containsExactly("name:command.unknown");
        assertThat(issues(d, command("dim", "{}"))).containsExactly("params.level:validation.required");
        assertThat(issues(d, command("dim", "{\"level\": 500}"))).containsExactly("params.level:validation.range");
        assertThat(issues(d, command("dim", "{\"level\": \"bright\"}")))
                .containsExactly("params.level:validation.type");
        assertThat(issues(d, command("dim", "{\"level\": 2.5}"))).containsExactly("params.level:validation.type");
        assertThat(issues(d, command("switch", "{\"state\": \"blink\"}")))
                .containsExactly("params.state:validation.one-of");
        assertThat(issues(d, command("dim", "{\"level\": 5, \"colour\": \"red\"}")))
                .containsExactly("params.colour:command.unknown-parameter");
        assertThat(issues(d, new CommandRequest(null, "dim", json("{\"level\": 5}"), Duration.ZERO)))
                .containsExactly("ttl:validation.range");
        assertThat(issues(d, new CommandRequest(null, "dim", json("{\"level\": 5}"), Duration.ofDays(8))))
                .containsExactly("ttl:validation.range");
        assertThat(issues(d, new CommandRequest("REBOOT", "dim", json("{}"), null)))
                .containsExactly("kind:validation.format");
        assertThat(issues(d, new CommandRequest("ATTRIBUTES", null, json("{}"), null)))
                .containsExactly("params:validation.required");
        assertThat(f.count("SELECT count(*) FROM iot_device_command WHERE device_id = '" + d.id().value() + "'"))
                .isZero();
    }

    @Test
    void anUnreachableDeviceGetsItsCommandQueuedAndDeliveredWhenItConnects() {
        Device d = pole("DL-2");
        DownlinkCommand c = commands.send(STEWARD, d.id(), command("switch", "{\"state\": \"on\"}"));
        assertThat(c.status()).isEqualTo("QUEUED");
        assertThat(transport.delivered).noneMatch(x -> x.id().equals(c.id()));

        transport.connected.add(d.id());
        commands.deliverQueued(d.id());
        assertThat(transport.delivered).anyMatch(x -> x.id().equals(c.id()));
        // Handed over but the device has not acknowledged the MQTT message yet.
        assertThat(status(c.id())).isEqualTo("QUEUED");
        transport.ack(c.id());
        assertThat(status(c.id())).isEqualTo("SENT");
        assertThat(commands.get(STEWARD, c.id()).attempts()).isEqualTo(1);
    }

    @Test
    void theDevicesReplyAcknowledgesOrFailsItAndOnlyTheAddresseeMayReply() {
        Device d = pole("DL-3");
        Device other = pole("DL-4");
        transport.connected.add(d.id());
        DownlinkCommand ok = commands.send(STEWARD, d.id(), command("dim", "{\"level\": 40}"));
        transport.ack(ok.id());
        assertThat(status(ok.id())).isEqualTo("SENT");
        assertThat(commands.reply(other.id(), ok.id(), true, "done")).isFalse();
        assertThat(status(ok.id())).isEqualTo("SENT");
        assertThat(commands.reply(d.id(), ok.id(), true, "dimmed")).isTrue();
        DownlinkCommand acknowledged = commands.get(STEWARD, ok.id());
        assertThat(acknowledged.status()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.result()).isEqualTo("dimmed");
        // A late second reply changes nothing.
        assertThat(commands.reply(d.id(), ok.id(), false, "again")).isFalse();

        DownlinkCommand bad = commands.send(STEWARD, d.id(), command("switch", "{\"state\": \"off\"}"));
        transport.ack(bad.id());
        assertThat(commands.reply(d.id(), bad.id(), false, "relay stuck")).isTrue();
        assertThat(commands.get(STEWARD, bad.id()).status()).isEqualTo("FAILED");
        assertThat(commands.get(STEWARD, bad.id()).result()).isEqualTo("relay stuck");
        assertThat(commands.reply(d.id(), "cmd_nonexistent", true, null)).isFalse();
    }

    @Test
    void aCommandPastItsTimeExpiresAndIsNoLongerDelivered() {
        Device d = pole("DL-5");
        DownlinkCommand c =
                commands.send(STEWARD, d.id(), new CommandRequest(null, "dim", json("{\"level\": 1}"), seconds(60)));
        assertThat(c.expiresAt()).isEqualTo(f.clock.instant().plusSeconds(60));
        commands.expire();
        assertThat(status(c.id())).isEqualTo("QUEUED");
        f.clock.advance(seconds(61));
        assertThat(commands.expire()).isPositive();
        assertThat(status(c.id())).isEqualTo("EXPIRED");
        transport.connected.add(d.id());
        commands.deliverQueued(d.id());
        assertThat(transport.delivered).noneMatch(x -> x.id().equals(c.id()));
        assertThat(commands.reply(d.id(), c.id(), true, "too late")).isFalse();
        assertThat(status(c.id())).isEqualTo("EXPIRED");
    }

    @Test
    void anAttributeWriteIsAcknowledgedByTheTransportAck() {
        Device d = pole("DL-6");
        transport.connected.add(d.id());
        DownlinkCommand c = commands.send(
                STEWARD, d.id(), new CommandRequest("ATTRIBUTES", null, json("{\"reportEvery\": 60}"), null));
        assertThat(c.name()).isEqualTo("attributes");
        assertThat(status(c.id())).isEqualTo("QUEUED");
        transport.ack(c.id());
        assertThat(status(c.id())).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void everyCommandIsAudited() {
        Device d = pole("DL-7");
        DownlinkCommand a = commands.send(STEWARD, d.id(), command("switch", "{\"state\": \"on\"}"));
        DownlinkCommand b = commands.send(STEWARD, d.id(), command("dim", "{\"level\": 7}"));
        List<Map<String, Object>> rows = f
                .jdbc
                .sql("SELECT actor_id, action, target_type, division_code, details->>'command' AS command,"
                        + " details->>'name' AS name FROM audit_record WHERE target_id = ? ORDER BY id")
                .param(d.id().value())
                .query()
                .listOfRows()
                .stream()
                .filter(r -> "iot.device.command".equals(r.get("action")))
                .toList();
        assertThat(rows).extracting(r -> r.get("command")).containsExactly(a.id(), b.id());
        assertThat(rows).extracting(r -> r.get("name")).containsExactly("switch", "dim");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("actor_id")).isEqualTo(STEWARD.id());
            assertThat(r.get("target_type")).isEqualTo("iot.device");
            assertThat(r.get("division_code")).isEqualTo(d.division().value());
        });
        // A refused command leaves no audit record.
        assertThatThrownBy(() -> commands.send(STEWARD, d.id(), command("dim", "{}")))
                .isInstanceOf(InvalidInput.class);
        assertThat(f.count("SELECT count(*) FROM audit_record WHERE action = 'iot.device.command' AND target_id = '"
                        + d.id().value() + "'"))
                .isEqualTo(2);
    }

    static Duration seconds(long n) {
        return Duration.ofSeconds(n);
    }
}
