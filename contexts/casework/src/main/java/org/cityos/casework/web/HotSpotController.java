package org.cityos.casework.web;

import static org.cityos.casework.web.ReportParams.choice;

import org.cityos.casework.HotSpot;
import org.cityos.casework.HotSpotStatus;
import org.cityos.casework.HotSpots;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Hot spots (高频诉求): list and read within scope; the centre acknowledges and closes them (ETag = version). */
@RestController
@RequestMapping(path = "/api/casework/hotspots", produces = MediaType.APPLICATION_JSON_VALUE)
public class HotSpotController {
    private final HotSpots hotSpots;

    public HotSpotController(HotSpots hotSpots) {
        this.hotSpots = hotSpots;
    }

    @GetMapping
    public Page<HotSpot> list(
            Actor actor,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        return hotSpots.list(actor, choice(HotSpotStatus.class, "status", status, null), PageRequest.of(offset, limit));
    }

    @GetMapping("/{id}")
    public ResponseEntity<HotSpot> get(Actor actor, @PathVariable String id) {
        return tagged(hotSpots.get(actor, id));
    }

    @PostMapping("/{id}/acknowledge")
    public ResponseEntity<HotSpot> acknowledge(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return tagged(hotSpots.acknowledge(actor, id, ReportParams.version(ifMatch)));
    }

    @PostMapping("/{id}/close")
    public ResponseEntity<HotSpot> close(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return tagged(hotSpots.close(actor, id, ReportParams.version(ifMatch)));
    }

    private static ResponseEntity<HotSpot> tagged(HotSpot h) {
        return ResponseEntity.ok().eTag("\"" + h.version() + "\"").body(h);
    }
}
