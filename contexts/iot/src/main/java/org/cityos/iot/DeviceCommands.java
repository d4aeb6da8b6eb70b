package org.cityos.iot;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cityos.audit.AuditTrail;
import org.cityos.iot.persistence.CommandRepository;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.NotFound;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Downlink: commands (checked against the device type's declared commands and parameter ranges) and attribute
 * writes, stored as QUEUED and audited, then delivered over MQTT when the device is reachable — now, or when it
 * next connects — and followed through SENT, ACKNOWLEDGED or FAILED, or EXPIRED when time runs out.
 */
public class DeviceCommands {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration MAX_TTL = Duration.ofDays(7);

    private final CommandRepository repository;
    private final Devices devices;
    private final DeviceTypes types;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration defaultTtl;
    private final List<CommandTransport> transports = new CopyOnWriteArrayList<>();

    public DeviceCommands(
            CommandRepository repository,
            Devices devices,
            DeviceTypes types,
            AuditTrail audit,
            TransactionTemplate transactions,
            Clock clock,
            Duration defaultTtl) {
        this.repository = repository;
        this.devices = devices;
        this.types = types;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.defaultTtl = defaultTtl;
    }

    public void addTransport(CommandTransport transport) {
        transports.add(transport);
    }

    /** What an operator asks a device to do. */
    public record CommandRequest(String kind, String name, JsonNode params, Duration ttl) {}

    public DownlinkCommand send(Actor actor, DeviceId id, CommandRequest request) {
        actor.require(Permission.DEVICE_WRITE);
        DownlinkCommand command = transactions.execute(s -> {
            Device device = devices.visible(actor, id);
            DeviceType type = types.find(device.typeCode()).orElseThrow();
            String kind = request.kind() == null ? "COMMAND" : request.kind();
            JsonNode params = request.params() == null || request.params().isNull()
                    ? JsonNodeFactory.instance.objectNode()
                    : request.params();
            validate(type, kind, request.name(), params, request.ttl());
            Instant now = clock.instant();
            Duration ttl = request.ttl() == null ? defaultTtl : request.ttl();
            DownlinkCommand c = new DownlinkCommand(
                    "cmd_" + HexFormat.of().formatHex(random()),
                    id,
                    kind,
                    kind.equals("ATTRIBUTES") ? "attributes" : request.name(),
                    params,
                    "QUEUED",
                    now,
                    actor.id(),
                    now.plus(ttl),
                    null,
                    null,
                    0,
                    null);
            repository.insert(c);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("command", c.id());
            details.put("kind", kind);
            details.put("name", c.name());
            details.put("params", params.toString());
            audit.record(actor, "iot.device.command", "iot.device", id.value(), device.division(), details);
            return c;
        });
        deliver(command);
        return repository.find(command.id()).orElseThrow();
    }

    public DownlinkCommand get(Actor actor, String commandId) {
        actor.require(Permission.DEVICE_READ);
        DownlinkCommand c = repository.find(commandId).orElseThrow(() -> new NotFound("command", commandId));
        devices.visible(actor, c.device());
        return c;
    }

    public List<DownlinkCommand> ofDevice(Actor actor, DeviceId id, int limit) {
        actor.require(Permission.DEVICE_READ);
        devices.visible(actor, id);
        return repository.ofDevice(id, Math.max(1, Math.min(limit, 500)));
    }

    /** A device connected: send what waits for it. */
    public void deliverQueued(DeviceId device) {
        for (DownlinkCommand c : repository.queued(device, clock.instant())) {
            deliver(c);
        }
    }

    /** The device's reply to a command; {@code ok} false carries its error text. Only the addressee may reply. */
    public boolean reply(DeviceId device, String commandId, boolean ok, String result) {
        DownlinkCommand c = repository.find(commandId).orElse(null);
        if (c == null || !c.device().equals(device)) {
            return false;
        }
        String text = result == null ? null : result.length() > 2000 ? result.substring(0, 2000) : result;
        return repository.finish(commandId, ok ? "ACKNOWLEDGED" : "FAILED", text, clock.instant());
    }

    /** Marks commands past their time EXPIRED; returns how many. */
    public int expire() {
        return repository.expire(clock.instant());
    }

    private void deliver(DownlinkCommand c) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver(c);
                }
            });
            return;
        }
        for (CommandTransport t : transports) {
            var sending = t.deliver(c);
            if (sending.isPresent()) {
                sending.get().whenComplete((ok, failure) -> {
                    if (failure == null) {
                        repository.sent(c.id(), clock.instant());
                        // Attribute writes have no reply of their own: the device's MQTT ack is their acknowledgement.
                        if (c.kind().equals("ATTRIBUTES")) {
                            repository.finish(c.id(), "ACKNOWLEDGED", "delivered", clock.instant());
                        }
                    }
                    // A failed send stays QUEUED: the device gets it when it next connects, until it expires.
                });
                return;
            }
        }
    }

    private static void validate(DeviceType type, String kind, String name, JsonNode params, Duration ttl) {
        List<FieldIssue> issues = new ArrayList<>();
        if (ttl != null && (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0)) {
            issues.add(new FieldIssue("ttl", "validation.range", "PT1S", "P7D"));
        }
        if (!params.isObject()) {
            issues.add(new FieldIssue("params", "validation.format"));
        } else if (kind.equals("ATTRIBUTES")) {
            if (params.isEmpty()) {
                issues.add(new FieldIssue("params", "validation.required"));
            }
        } else if (!kind.equals("COMMAND")) {
            issues.add(new FieldIssue("kind", "validation.format"));
        } else {
            var command = type.command(name == null ? "" : name);
            if (command.isEmpty()) {
                issues.add(new FieldIssue("name", "command.unknown", name, type.code()));
            } else {
                CommandParameters.check(command.get(), params, issues);
            }
        }
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
    }

    private static byte[] random() {
        byte[] b = new byte[10];
        RANDOM.nextBytes(b);
        return b;
    }
}
