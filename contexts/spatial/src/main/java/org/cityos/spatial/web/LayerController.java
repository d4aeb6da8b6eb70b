package org.cityos.spatial.web;

import java.util.List;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.NotFound;
import org.cityos.spatial.LayerId;
import org.cityos.spatial.Layers;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The thematic layer registry over HTTP: list what the caller may read, read one, register, change, remove. */
@RestController
@RequestMapping(path = "/api/layers", produces = MediaType.APPLICATION_JSON_VALUE)
public class LayerController {
    private final Layers layers;

    public LayerController(Layers layers) {
        this.layers = layers;
    }

    @GetMapping
    public List<LayerView> list(Actor actor) {
        return layers.readable(actor).stream().map(LayerView::of).toList();
    }

    @GetMapping("/{id}")
    public LayerView get(Actor actor, @PathVariable String id) {
        return LayerView.of(layers.get(actor, layerId(id)));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public LayerView register(Actor actor, @RequestBody LayerRequest request) {
        return LayerView.of(layers.register(actor, request.toDefinition(null)));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public LayerView update(Actor actor, @PathVariable String id, @RequestBody LayerRequest request) {
        if (request.version() == null) {
            throw InvalidInput.of("version", "validation.required");
        }
        LayerId layerId = layerId(id);
        return LayerView.of(layers.update(actor, request.toDefinition(layerId.value()), request.version()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void remove(Actor actor, @PathVariable String id) {
        layers.remove(actor, layerId(id));
    }

    /** A layer id from a URL; one of the wrong shape names no layer, so it is a 404 like any unknown id. */
    static LayerId layerId(String raw) {
        try {
            return LayerId.of(raw);
        } catch (DomainProblem e) {
            throw new NotFound("layer", raw);
        }
    }
}
