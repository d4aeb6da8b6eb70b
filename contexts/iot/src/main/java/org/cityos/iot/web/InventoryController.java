package org.cityos.iot.web;

import java.util.List;
import java.util.Locale;
import org.cityos.iot.DeviceState;
import org.cityos.iot.Inventory;
import org.cityos.iot.InventoryCoverage;
import org.cityos.iot.InventoryRow;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.DivisionLevel;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.Crs;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The inventory (底数) over HTTP: counts, coverage of a division by a type, shared devices, Excel export. */
@RestController
@RequestMapping("/api/inventory")
public class InventoryController {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final Inventory inventory;

    public InventoryController(Inventory inventory) {
        this.inventory = inventory;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<InventoryRow> counts(
            Actor actor,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String department,
            @RequestParam(required = false) String state) {
        DeviceState s = DeviceParams.state("state", state);
        return inventory.counts(
                actor,
                level(level),
                DeviceParams.division(division),
                DeviceParams.text(type),
                DeviceParams.department("department", department),
                s);
    }

    @GetMapping(path = "/coverage", produces = MediaType.APPLICATION_JSON_VALUE)
    public InventoryCoverage coverage(Actor actor, @RequestParam String division, @RequestParam String type) {
        DivisionCode code = DeviceParams.division(division);
        if (code == null) {
            throw InvalidInput.of("division", "validation.required");
        }
        return inventory.coverage(actor, code, type.strip());
    }

    @GetMapping(path = "/shared", produces = MediaType.APPLICATION_JSON_VALUE)
    public Page<DeviceView> shared(
            Actor actor,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        return inventory
                .shared(actor, DeviceParams.division(division), PageRequest.of(offset, limit))
                .map(d -> DeviceView.of(d, Crs.WGS84));
    }

    @GetMapping("/export")
    public ResponseEntity<StreamingResponseBody> export(
            Actor actor,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String division) {
        DivisionLevel l = level(level);
        DivisionCode within = DeviceParams.division(division);
        // Counted before the response starts, so a refusal is still a problem response, not a broken download.
        List<InventoryRow> rows = inventory.counts(actor, l, within, null, null, null);
        StreamingResponseBody body = out -> Inventory.export(rows, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(XLSX))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("inventory.xlsx")
                                .build()
                                .toString())
                .body(body);
    }

    private static DivisionLevel level(String level) {
        if (level == null || level.isBlank()) {
            return DivisionLevel.TOWN;
        }
        try {
            return DivisionLevel.valueOf(level.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("level", "problem.division-level", level);
        }
    }
}
