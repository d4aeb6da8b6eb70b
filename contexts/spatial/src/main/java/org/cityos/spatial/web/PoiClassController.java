package org.cityos.spatial.web;

import java.util.List;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.PoiClass;
import org.cityos.spatial.PoiClassDraft;
import org.cityos.spatial.PoiClasses;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The POI class catalogue over HTTP: list, add, change (with version). */
@RestController
@RequestMapping(path = "/api/poi-classes", produces = MediaType.APPLICATION_JSON_VALUE)
public class PoiClassController {
    private final PoiClasses classes;

    public PoiClassController(PoiClasses classes) {
        this.classes = classes;
    }

    /** The body of POST/PUT; {@code code} only on POST, {@code version} only on PUT. */
    public record PoiClassRequest(
            String code, String nameZh, String nameEn, String icon, String colour, Integer sortOrder, Integer version) {
        PoiClassDraft draft(String fixedCode) {
            return new PoiClassDraft(fixedCode, nameZh, nameEn, icon, colour, sortOrder);
        }
    }

    @GetMapping
    public List<PoiClass> list(Actor actor) {
        return classes.list(actor);
    }

    @GetMapping("/{code}")
    public PoiClass get(Actor actor, @PathVariable String code) {
        return classes.get(actor, code);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public PoiClass create(Actor actor, @RequestBody PoiClassRequest request) {
        return classes.create(actor, request.draft(request.code()));
    }

    @PutMapping(path = "/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public PoiClass change(Actor actor, @PathVariable String code, @RequestBody PoiClassRequest request) {
        if (request.version() == null) {
            throw InvalidInput.of("version", "validation.required");
        }
        return classes.change(actor, code, request.version(), request.draft(code));
    }
}
