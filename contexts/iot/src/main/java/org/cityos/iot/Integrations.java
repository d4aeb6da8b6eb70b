package org.cityos.iot;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.cityos.audit.AuditTrail;
import org.cityos.iot.internal.ingest.DecodingRule;
import org.cityos.iot.internal.ingest.DeviceDirectory;
import org.cityos.iot.internal.ingest.JsonPath;
import org.cityos.iot.persistence.DeviceRepository;
import org.cityos.iot.persistence.IntegrationRepository;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.ConcurrentChange;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.NotFound;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Operator and vendor platforms pushing device messages by HTTP. Each has its own token, a payload mapping
 * and a device-key mapping; a push naming a device CityOS does not know is dead-lettered with that reason,
 * so nothing a platform sends is silently dropped.
 */
public class Integrations {
    public static final String PREFIX = "coi_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IntegrationRepository repository;
    private final DeviceRepository devices;
    private final DeviceDirectory directory;
    private final TelemetryIngest ingest;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<String, DecodingRule> rules = new ConcurrentHashMap<>();

    public Integrations(
            IntegrationRepository repository,
            DeviceRepository devices,
            DeviceDirectory directory,
            TelemetryIngest ingest,
            AuditTrail audit,
            Clock clock) {
        this.repository = repository;
        this.devices = devices;
        this.directory = directory;
        this.ingest = ingest;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Integration> list(Actor actor) {
        actor.require(Permission.DEVICE_READ);
        return repository.list();
    }

    public Integration get(Actor actor, String id) {
        actor.require(Permission.DEVICE_READ);
        return repository.find(id).orElseThrow(() -> new NotFound("integration", id));
    }

    @Transactional
    public IntegrationCredential create(Actor actor, IntegrationDraft draft) {
        actor.require(Permission.DEVICE_WRITE);
        validate(draft);
        Instant now = clock.instant();
        String id = "int_" + HexFormat.of().formatHex(random(8));
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
        Integration i = build(id, token.substring(token.length() - 4), draft, 0, now, now);
        repository.insert(i, DeviceCredentials.digest(token));
        audit.record(actor, "iot.integration.create", "iot.integration", id, details(i));
        return new IntegrationCredential(i, token);
    }

    @Transactional
    public Integration change(Actor actor, String id, int expectedVersion, IntegrationDraft draft) {
        actor.require(Permission.DEVICE_WRITE);
        validate(draft);
        Integration current = get(actor, id);
        Integration next =
                build(id, current.tokenHint(), draft, current.version() + 1, current.createdAt(), clock.instant());
        if (!repository.update(next, expectedVersion)) {
            throw new ConcurrentChange("integration", id);
        }
        rules.remove(id);
        audit.record(actor, "iot.integration.change", "iot.integration", id, details(next));
        return repository.find(id).orElseThrow();
    }

    @Transactional
    public IntegrationCredential rotate(Actor actor, String id) {
        actor.require(Permission.DEVICE_WRITE);
        get(actor, id);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
        repository.rotate(id, DeviceCredentials.digest(token), token.substring(token.length() - 4), clock.instant());
        audit.record(actor, "iot.integration.rotate", "iot.integration", id, Map.of());
        return new IntegrationCredential(repository.find(id).orElseThrow(), token);
    }

    /** The enabled integration this token belongs to, if {@code id} names it. */
    public Optional<Integration> authenticate(String id, String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            ingest.refused(IngestChannel.INTEGRATION, "credentials");
            return Optional.empty();
        }
        Optional<Integration> found =
                repository.findByDigest(DeviceCredentials.digest(token)).filter(i -> i.id().equals(id) && i.enabled());
        if (found.isEmpty()) {
            ingest.refused(IngestChannel.INTEGRATION, "credentials");
        }
        return found;
    }

    /**
     * Splits a push into one message per item, finds each item's device, and hands them to ingest; completes
     * when all are durable (stored or dead-lettered).
     */
    public CompletableFuture<List<IngestOutcome>> push(Integration integration, byte[] body) {
        Instant now = clock.instant();
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            return all(List.of(ingest.accept(rejected(integration, body, now, "UNDECODABLE", "malformed JSON"))));
        }
        JsonNode items = integration.itemsPath() == null ? root : JsonPath.at(root, integration.itemsPath());
        List<JsonNode> list = new ArrayList<>();
        if (items.isArray()) {
            items.forEach(list::add);
        } else if (items.isObject()) {
            list.add(items);
        }
        if (list.isEmpty()) {
            return all(List.of(ingest.accept(
                    rejected(integration, body, now, "UNDECODABLE", "no items at " + integration.itemsPath()))));
        }
        List<CompletableFuture<IngestOutcome>> parts = new ArrayList<>();
        for (JsonNode item : list) {
            parts.add(ingest.accept(message(integration, item, now)));
        }
        return all(parts);
    }

    private InboundMessage message(Integration integration, JsonNode item, Instant now) {
        byte[] payload = JSON.writeValueAsBytes(item);
        JsonNode keyNode = JsonPath.at(item, integration.deviceKeyPath());
        String key = keyNode.isValueNode() ? keyNode.asString() : "";
        if (key.isBlank()) {
            return rejected(
                    integration, payload, now, "UNKNOWN_DEVICE", "no device key at " + integration.deviceKeyPath());
        }
        Optional<Device> device = switch (integration.deviceKeyKind()) {
            case DEVICE_ID -> DeviceId.parse(key).flatMap(directory::device);
            case SERIAL -> devices.findBySerial(integration.vendor(), key).flatMap(directory::device);
        };
        if (device.isEmpty() || device.get().state() == DeviceState.RETIRED) {
            return rejected(
                    integration,
                    payload,
                    now,
                    "UNKNOWN_DEVICE",
                    "no device with " + integration.deviceKeyKind().name().toLowerCase() + " \"" + key + "\"");
        }
        return new InboundMessage(
                device.get().id(),
                device.get().typeCode(),
                MessageKind.TELEMETRY,
                IngestChannel.INTEGRATION,
                null,
                payload,
                now,
                null,
                integration.id(),
                null);
    }

    private static InboundMessage rejected(Integration i, byte[] payload, Instant now, String code, String reason) {
        return new InboundMessage(
                null,
                null,
                MessageKind.TELEMETRY,
                IngestChannel.INTEGRATION,
                null,
                payload,
                now,
                null,
                i.id(),
                new InboundMessage.Rejection(code, reason));
    }

    /** The decoding rule of an integration's messages (its mapping, else the device type's). */
    public DecodingRule rule(String id, DecodingRule typeRule) {
        DecodingRule rule = rules.computeIfAbsent(
                id,
                k -> repository
                        .find(k)
                        .map(i -> new DecodingRule(
                                i.form(), i.mapping() == null ? null : PayloadMapping.parse(i.mapping())))
                        .orElse(DecodingRule.DETECT));
        return rule.form() == null && rule.mapping() == null ? typeRule : rule;
    }

    private static CompletableFuture<List<IngestOutcome>> all(List<CompletableFuture<IngestOutcome>> parts) {
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(v -> parts.stream().map(CompletableFuture::join).toList());
    }

    private static void validate(IntegrationDraft d) {
        List<FieldIssue> issues = new ArrayList<>();
        if (d.name() == null || d.name().isBlank() || d.name().length() > 100) {
            issues.add(new FieldIssue("name", "validation.required"));
        }
        if (!JsonPath.valid(d.deviceKeyPath())) {
            issues.add(new FieldIssue("deviceKeyPath", "validation.required"));
        }
        if (d.itemsPath() != null && !d.itemsPath().isBlank() && !JsonPath.valid(d.itemsPath())) {
            issues.add(new FieldIssue("itemsPath", "validation.format"));
        }
        if (d.deviceKeyKind() == null) {
            issues.add(new FieldIssue("deviceKeyKind", "validation.required"));
        } else if (d.deviceKeyKind() == Integration.DeviceKeyKind.SERIAL
                && (d.vendor() == null || d.vendor().isBlank())) {
            issues.add(new FieldIssue("vendor", "validation.required"));
        }
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
    }

    private static Integration build(
            String id, String hint, IntegrationDraft d, int version, Instant created, Instant updated) {
        return new Integration(
                id,
                d.name().strip(),
                hint,
                d.vendor(),
                d.form(),
                d.mapping() == null || d.mapping().isNull() ? null : d.mapping(),
                d.deviceKeyPath(),
                d.deviceKeyKind(),
                d.itemsPath() == null || d.itemsPath().isBlank() ? null : d.itemsPath(),
                d.enabled() == null || d.enabled(),
                version,
                created,
                updated);
    }

    private static Map<String, Object> details(Integration i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", i.name());
        m.put("deviceKeyKind", i.deviceKeyKind().name());
        m.put("enabled", i.enabled());
        return m;
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
