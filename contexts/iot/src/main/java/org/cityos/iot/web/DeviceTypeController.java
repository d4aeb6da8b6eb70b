package org.cityos.iot.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.cityos.iot.DeviceType;
import org.cityos.iot.DeviceTypeComponentClass;
import org.cityos.iot.DeviceTypeDraft;
import org.cityos.iot.DeviceTypes;
import org.cityos.kernel.access.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The device-type catalogue over HTTP: new types and changes without a release. */
@RestController
@RequestMapping(path = "/api/device-types", produces = MediaType.APPLICATION_JSON_VALUE)
public class DeviceTypeController {
    private final DeviceTypes types;

    public DeviceTypeController(DeviceTypes types) {
        this.types = types;
    }

    @GetMapping
    public List<DeviceType> list(Actor actor) {
        return types.list(actor);
    }

    @GetMapping("/{code}")
    public DeviceType get(Actor actor, @PathVariable String code) {
        return types.get(actor, code);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public DeviceType define(Actor actor, @RequestBody DeviceTypeDraft draft) {
        return types.define(actor, draft);
    }

    /** Changes a type; {@code version} is the version the caller read (optimistic locking). */
    @PutMapping(path = "/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public DeviceType change(
            Actor actor, @PathVariable String code, @RequestParam int version, @RequestBody DeviceTypeDraft draft) {
        return types.change(actor, code, version, draft);
    }

    @GetMapping("/classes")
    public List<DeviceTypeComponentClass> classes(Actor actor) {
        return types.componentClasses(actor);
    }

    /** Replaces the management-class table (GB/T 30428 shape) with a CSV: code, parent, name_zh, name_en. */
    @PutMapping(
            path = "/classes",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    public List<DeviceTypeComponentClass> replaceClasses(Actor actor, InputStream csv) throws IOException {
        return types.replaceComponentClasses(actor, csv);
    }
}
