package org.cityos.iot.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.cityos.http.Unauthenticated;
import org.cityos.iot.IngestOutcome;
import org.cityos.iot.Integration;
import org.cityos.iot.Integrations;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where operator and vendor platforms push their devices' messages, with the integration's own token. Answers
 * after every item is durable; items for unknown devices are dead letters (counted in {@code deadLettered}).
 */
@RestController
public class IntegrationPushController {
    private final Integrations integrations;

    public IntegrationPushController(Integrations integrations) {
        this.integrations = integrations;
    }

    /** How the pushed items fared. */
    public record PushReceipt(int items, int stored, int deadLettered, int duplicates) {}

    @PostMapping(path = "/api/ingest/integrations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PushReceipt> push(
            HttpServletRequest request, @PathVariable String id, @RequestBody(required = false) byte[] body) {
        Integration integration =
                integrations.authenticate(id, BearerToken.of(request)).orElseThrow(Unauthenticated::new);
        if (body == null || body.length == 0) {
            throw InvalidInput.of("body", "validation.required");
        }
        List<IngestOutcome> outcomes = IngestController.await(integrations.push(integration, body));
        int stored = count(outcomes, IngestOutcome.STORED);
        int dead = count(outcomes, IngestOutcome.DEAD_LETTERED);
        PushReceipt receipt = new PushReceipt(outcomes.size(), stored, dead, count(outcomes, IngestOutcome.DUPLICATE));
        return ResponseEntity.status(dead > 0 ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(receipt);
    }

    private static int count(List<IngestOutcome> outcomes, IngestOutcome o) {
        return (int) outcomes.stream().filter(x -> x == o).count();
    }
}
