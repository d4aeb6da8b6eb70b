package org.cityos.iot.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.cityos.http.Unauthenticated;
import org.cityos.iot.DeviceCommands;
import org.cityos.iot.DeviceCredentialCheck;
import org.cityos.iot.DownlinkCommand;
import org.cityos.iot.IngestChannel;
import org.cityos.iot.TelemetryIngest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Downlink: operators send commands and attribute writes and follow their status; devices may also reply over
 * HTTP with their own token (MQTT devices reply on their reply topic).
 */
@RestController
public class CommandController {
    private final DeviceCommands commands;
    private final TelemetryIngest ingest;

    public CommandController(DeviceCommands commands, TelemetryIngest ingest) {
        this.commands = commands;
        this.ingest = ingest;
    }

    /** A command to send: {@code kind} COMMAND (default) or ATTRIBUTES, {@code ttl} ISO 8601. */
    public record CommandBody(String kind, String name, JsonNode params, String ttl) {}

    /** A device's answer. */
    public record ReplyBody(Boolean ok, String result) {}

    @PostMapping(path = "/api/devices/{id}/commands", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<DownlinkCommand> send(Actor actor, @PathVariable String id, @RequestBody CommandBody body) {
        Duration ttl = null;
        if (body.ttl() != null) {
            try {
                ttl = Duration.parse(body.ttl());
            } catch (DateTimeParseException e) {
                throw InvalidInput.of("ttl", "problem.duration", body.ttl());
            }
        }
        DownlinkCommand c = commands.send(
                actor,
                DeviceParams.id(id),
                new DeviceCommands.CommandRequest(body.kind(), body.name(), body.params(), ttl));
        return ResponseEntity.status(HttpStatus.CREATED).body(c);
    }

    @GetMapping(path = "/api/devices/{id}/commands", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<DownlinkCommand> list(
            Actor actor, @PathVariable String id, @RequestParam(defaultValue = "50") int limit) {
        return commands.ofDevice(actor, DeviceParams.id(id), limit);
    }

    @GetMapping(path = "/api/iot/commands/{commandId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public DownlinkCommand get(Actor actor, @PathVariable String commandId) {
        return commands.get(actor, commandId);
    }

    @PostMapping(path = "/api/ingest/commands/{commandId}/reply", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Void> reply(
            HttpServletRequest request, @PathVariable String commandId, @RequestBody ReplyBody body) {
        DeviceCredentialCheck device =
                ingest.authenticate(IngestChannel.HTTP, BearerToken.of(request)).orElseThrow(Unauthenticated::new);
        if (!commands.reply(device.deviceId(), commandId, body.ok() == null || body.ok(), body.result())) {
            throw new NotFound("command", commandId);
        }
        return ResponseEntity.noContent().build();
    }
}
