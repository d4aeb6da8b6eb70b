package org.cityos.casework.web;

import static org.cityos.casework.web.CaseParams.version;

import java.util.List;
import org.cityos.casework.Open311Service;
import org.cityos.casework.Open311Services;
import org.cityos.casework.ServiceChange;
import org.cityos.kernel.access.Actor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators keep the public service catalogue: every service (withdrawn too), one by code, add or change (If-Match). */
@RestController
@RequestMapping(path = "/api/casework/open311-services", produces = MediaType.APPLICATION_JSON_VALUE)
public class Open311ServiceController {
    private final Open311Services services;

    public Open311ServiceController(Open311Services services) {
        this.services = services;
    }

    @GetMapping
    public List<Open311Service> all(Actor actor) {
        return services.all(actor);
    }

    @GetMapping("/{code}")
    public ResponseEntity<Open311Service> get(Actor actor, @PathVariable String code) {
        Open311Service s = services.get(actor, code);
        return ResponseEntity.ok().eTag("\"" + s.version() + "\"").body(s);
    }

    @PutMapping("/{code}")
    public ResponseEntity<Open311Service> put(
            Actor actor,
            @PathVariable String code,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody ServiceChange change) {
        Open311Service s = services.put(actor, code, change, version(ifMatch));
        return ResponseEntity.ok().eTag("\"" + s.version() + "\"").body(s);
    }
}
