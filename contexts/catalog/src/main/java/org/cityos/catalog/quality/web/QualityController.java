package org.cityos.catalog.quality.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.cityos.catalog.quality.Quality;
import org.cityos.catalog.quality.QualityBinding;
import org.cityos.catalog.quality.QualityRule;
import org.cityos.catalog.quality.QualityRun;
import org.cityos.catalog.quality.RuleDraft;
import org.cityos.catalog.quality.Scorecards.DepartmentScorecard;
import org.cityos.catalog.quality.Scorecards.ResourceScorecard;
import org.cityos.kernel.access.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Quality of catalogue resources: sources, rules, uploads, runs, and scorecards per resource and department. */
@RestController
@RequestMapping(path = "/api/catalog/quality", produces = MediaType.APPLICATION_JSON_VALUE)
public class QualityController {
    private final Quality quality;

    public QualityController(Quality quality) {
        this.quality = quality;
    }

    /** The body that gives a resource its data source. */
    public record SourceRequest(String source, Double threshold) {}

    @GetMapping("/sources")
    public Map<String, Boolean> sources(Actor actor) {
        return quality.sources(actor);
    }

    @PutMapping("/resources/{code}/source")
    public QualityBinding bind(Actor actor, @PathVariable String code, @RequestBody SourceRequest request) {
        return quality.bind(actor, code, request.source(), request.threshold());
    }

    @GetMapping("/resources/{code}/rules")
    public List<QualityRule> rules(Actor actor, @PathVariable String code) {
        return quality.rules(actor, code);
    }

    @PostMapping("/resources/{code}/rules")
    public ResponseEntity<QualityRule> define(Actor actor, @PathVariable String code, @RequestBody RuleDraft draft) {
        QualityRule rule = quality.defineRule(actor, code, draft);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/catalog/quality/resources/" + code + "/rules/" + rule.id()))
                .body(rule);
    }

    @DeleteMapping("/resources/{code}/rules/{id}")
    public ResponseEntity<Void> delete(Actor actor, @PathVariable String code, @PathVariable long id) {
        quality.deleteRule(actor, code, id);
        return ResponseEntity.noContent().build();
    }

    /** Replaces the resource's imported rows; answers the run it triggered, or 204 when it has no rules yet. */
    @PostMapping(path = "/resources/{code}/rows", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<QualityRun> upload(
            Actor actor, @PathVariable String code, @RequestPart("file") MultipartFile file) throws IOException {
        return quality.importRows(actor, code, file.getBytes())
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/resources/{code}/runs")
    public QualityRun run(Actor actor, @PathVariable String code) {
        return quality.run(actor, code);
    }

    @GetMapping("/resources/{code}")
    public ResourceScorecard scorecard(
            Actor actor, @PathVariable String code, @RequestParam(defaultValue = "30") int trend) {
        return quality.scorecard(actor, code, trend);
    }

    @GetMapping("/departments/{department}")
    public DepartmentScorecard department(Actor actor, @PathVariable String department) {
        return quality.department(actor, department);
    }
}
