package org.cityos.spatial.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.BoundaryImportReport;
import org.cityos.spatial.Crs;
import org.cityos.spatial.DivisionBoundaries;
import org.cityos.spatial.internal.BoundaryFiles;
import org.cityos.spatial.internal.DivisionRules;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Division and grid boundaries as GeoJSON, and the import of official boundaries with a validation report. */
@RestController
@RequestMapping("/api/divisions")
public class BoundaryController {
    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    private final DivisionBoundaries boundaries;
    private final MessageSource messages;

    public BoundaryController(DivisionBoundaries boundaries, MessageSource messages) {
        this.boundaries = boundaries;
        this.messages = messages;
    }

    @GetMapping("/{code}/boundary")
    public ResponseEntity<String> boundary(
            Actor actor, @PathVariable String code, @RequestParam(required = false) String crs) {
        var bounded = boundaries.get(actor, code(code));
        return ResponseEntity.ok().contentType(GEO_JSON).body(BoundaryGeoJson.feature(bounded, crs(crs)));
    }

    @GetMapping("/{code}/children/boundaries")
    public ResponseEntity<String> children(
            Actor actor, @PathVariable String code, @RequestParam(required = false) String crs) {
        return ResponseEntity.ok()
                .contentType(GEO_JSON)
                .body(BoundaryGeoJson.collection(boundaries.children(actor, code(code)), crs(crs)));
    }

    /** The import report with messages in the caller's language. */
    public record Report(
            boolean dryRun,
            int rows,
            int applied,
            List<Map<String, Object>> issues,
            List<BoundaryImportReport.Repair> repaired,
            List<BoundaryImportReport.SiblingIssue> siblings) {}

    @PostMapping(path = "/boundaries/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Report importBoundaries(
            Actor actor,
            @RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            Locale locale)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            var rows = BoundaryFiles.read(in, file.getOriginalFilename());
            BoundaryImportReport r =
                    boundaries.importBoundaries(actor, rows, dryRun, "import:" + file.getOriginalFilename());
            var issues = r.issues().stream()
                    .map(i -> Map.<String, Object>of(
                            "row", i.row(),
                            "code", String.valueOf(i.code()),
                            "field", i.field(),
                            "message", messages.getMessage(i.messageKey(), i.args(), i.messageKey(), locale)))
                    .toList();
            return new Report(r.dryRun(), r.rows(), r.applied(), issues, r.repaired(), r.siblings());
        }
    }

    private static org.cityos.kernel.DivisionCode code(String value) {
        return DivisionRules.code(value)
                .orElseThrow(() -> InvalidInput.of("code", "problem.invalid-division-code", String.valueOf(value)));
    }

    private static Crs crs(String name) {
        return PlaceController.crs(name);
    }
}
