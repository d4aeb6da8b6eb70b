package org.cityos.alerting.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.cityos.alerting.Channel;
import org.cityos.alerting.ChannelDraft;
import org.cityos.alerting.ChannelKind;
import org.cityos.alerting.NotificationChannels;
import org.cityos.alerting.Severity;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notification channels over HTTP. Secrets come back masked; phone numbers too, unless {@code unmask=true} by a
 * holder of PII_UNMASK (audited).
 */
@RestController
@RequestMapping(path = "/api/alerting/channels", produces = MediaType.APPLICATION_JSON_VALUE)
public class ChannelController {
    private final NotificationChannels channels;

    public ChannelController(NotificationChannels channels) {
        this.channels = channels;
    }

    /**
     * The body of POST and PUT; enum values by name, case-insensitive. On PUT {@code version} is required, a missing
     * secret keeps the stored one, and masked phone numbers keep the numbers they mask.
     */
    public record ChannelRequest(
            String name,
            String kind,
            String url,
            String secret,
            List<String> recipients,
            List<String> phones,
            String gateway,
            String minSeverity,
            List<String> events,
            List<String> ruleIds,
            List<String> divisionPrefixes,
            Boolean enabled,
            Integer version) {

        ChannelDraft draft() {
            List<FieldIssue> issues = new ArrayList<>();
            ChannelKind k = parse(ChannelKind.class, kind, "kind", "notify.kind", issues);
            Severity min = parse(Severity.class, minSeverity, "minSeverity", "notify.severity", issues);
            Set<Channel.AlarmChange> changes = EnumSet.noneOf(Channel.AlarmChange.class);
            for (String e : events == null ? List.<String>of() : events) {
                Channel.AlarmChange c = parse(Channel.AlarmChange.class, e, "events", "notify.event", issues);
                if (c != null) {
                    changes.add(c);
                }
            }
            if (!issues.isEmpty()) {
                throw new InvalidInput(issues);
            }
            return new ChannelDraft(
                    name,
                    k,
                    url,
                    secret,
                    recipients,
                    phones,
                    gateway,
                    min,
                    changes,
                    ruleIds,
                    divisionPrefixes,
                    !Boolean.FALSE.equals(enabled));
        }

        private static <E extends Enum<E>> E parse(
                Class<E> type, String text, String field, String key, List<FieldIssue> issues) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                issues.add(new FieldIssue(field, key, text));
                return null;
            }
        }
    }

    @GetMapping
    public Page<Channel> list(
            Actor actor,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(defaultValue = "false") boolean unmask) {
        return channels.list(actor, PageRequest.of(offset, limit), unmask);
    }

    @GetMapping("/{id}")
    public Channel get(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "false") boolean unmask) {
        return channels.get(actor, id(id), unmask);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public Channel create(Actor actor, @RequestBody ChannelRequest request) {
        return channels.create(actor, request.draft());
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Channel change(Actor actor, @PathVariable String id, @RequestBody ChannelRequest request) {
        UUID channelId = id(id);
        if (request.version() == null) {
            throw InvalidInput.of("version", "validation.required");
        }
        return channels.change(actor, channelId, request.version(), request.draft());
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(Actor actor, @PathVariable String id) {
        channels.delete(actor, id(id));
        return ResponseEntity.noContent().build();
    }

    static UUID id(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (RuntimeException e) {
            throw InvalidInput.of("id", "notify.channel-id", String.valueOf(text));
        }
    }
}
