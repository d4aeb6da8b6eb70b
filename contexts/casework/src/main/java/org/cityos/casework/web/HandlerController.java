package org.cityos.casework.web;

import static org.cityos.casework.web.CaseParams.unit;

import java.util.List;
import org.cityos.casework.HandlerChoices;
import org.cityos.kernel.access.Actor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The named handlers a unit the caller acts for may pass a case down to (read-only, names masked). */
@RestController
public class HandlerController {
    private final HandlerChoices choices;

    public HandlerController(HandlerChoices choices) {
        this.choices = choices;
    }

    @GetMapping(path = "/api/casework/handlers", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<HandlerChoices.Choice> handlers(Actor actor, @RequestParam(required = false) String unit) {
        return choices.below(actor, unit("unit", unit));
    }
}
