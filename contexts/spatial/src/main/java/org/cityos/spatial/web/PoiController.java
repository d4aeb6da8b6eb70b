package org.cityos.spatial.web;

import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.Crs;
import org.cityos.spatial.PoiFilter;
import org.cityos.spatial.PoiSearch;
import org.cityos.spatial.Pois;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

/** POIs over HTTP: search by name (Chinese words), class and division; create, read, change, delete. */
@RestController
@RequestMapping(path = "/api/pois", produces = MediaType.APPLICATION_JSON_VALUE)
public class PoiController {
    private final Pois pois;
    private final PoiSearch search;

    public PoiController(Pois pois, PoiSearch search) {
        this.pois = pois;
        this.search = search;
    }

    @GetMapping
    public Page<PoiView> search(
            Actor actor,
            @RequestParam(required = false) String q,
            @RequestParam(name = "class", required = false) String classCode,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) String crs,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        Crs shown = PoiParams.crs(crs);
        PoiFilter filter = new PoiFilter(PoiParams.classCode(classCode), PoiParams.division(division));
        return search.search(actor, q, filter, PageRequest.of(offset, limit)).map(p -> PoiView.of(p, shown));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public PoiView create(Actor actor, @RequestBody PoiRequest request) {
        return PoiView.of(pois.place(actor, request.draft()), request.shownIn());
    }

    @GetMapping("/{id}")
    public PoiView get(Actor actor, @PathVariable String id, @RequestParam(required = false) String crs) {
        return PoiView.of(pois.get(actor, PoiParams.id(id)), PoiParams.crs(crs));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public PoiView change(Actor actor, @PathVariable String id, @RequestBody PoiRequest request) {
        if (request.version() == null) {
            throw InvalidInput.of("version", "validation.required");
        }
        return PoiView.of(pois.change(actor, PoiParams.id(id), request.version(), request.draft()), request.shownIn());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(Actor actor, @PathVariable String id, @RequestParam(required = false) Integer version) {
        if (version == null) {
            throw InvalidInput.of("version", "validation.required");
        }
        pois.remove(actor, PoiParams.id(id), version);
    }
}
