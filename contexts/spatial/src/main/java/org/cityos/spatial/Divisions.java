package org.cityos.spatial;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityos.audit.AuditTrail;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.DivisionLevel;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.event.EventBus;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.DivisionProblems.DivisionAlreadyExists;
import org.cityos.spatial.DivisionProblems.DivisionChangedConcurrently;
import org.cityos.spatial.DivisionProblems.UnknownDivision;
import org.cityos.spatial.internal.DivisionRules;
import org.cityos.spatial.persistence.DivisionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The division tree: read by everyone in scope, changed by data stewards, every change audited and published. */
@Service
public class Divisions {
    public static final int MAX_TREE_DEPTH = 3;
    private static final int MAX_TREE_NODES = 20_000;

    private final DivisionRepository repository;
    private final AuditTrail audit;
    private final EventBus events;
    private final Clock clock;

    public Divisions(DivisionRepository repository, AuditTrail audit, EventBus events, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Whether a division exists, for other contexts validating codes; no access check. */
    public boolean exists(DivisionCode code) {
        return repository.find(code).isPresent();
    }

    public Optional<Division> find(DivisionCode code) {
        return repository.find(code);
    }

    public Division get(Actor actor, DivisionCode code) {
        actor.require(Permission.DIVISION_READ);
        actor.requireDivision(code);
        return repository.find(code).orElseThrow(() -> new UnknownDivision(code));
    }

    /** Direct children of a division, in code order; no access check (for other contexts). */
    public List<Division> children(DivisionCode parent) {
        return repository.children(parent);
    }

    /** The division and its ancestors that exist, from the top down. */
    public List<Division> path(DivisionCode code) {
        List<DivisionCode> codes = new ArrayList<>();
        for (Optional<DivisionCode> c = Optional.of(code);
                c.isPresent();
                c = c.get().parent()) {
            codes.add(c.get());
        }
        return repository.findAll(codes);
    }

    /** Subtrees of {@code root}, or of every scope the actor holds when no root is named. */
    public List<DivisionNode> tree(Actor actor, DivisionCode root, int depth) {
        actor.require(Permission.DIVISION_READ);
        if (depth < 0 || depth > MAX_TREE_DEPTH) {
            throw InvalidInput.of("depth", "validation.range", 0, MAX_TREE_DEPTH);
        }
        List<DivisionCode> roots = new ArrayList<>();
        if (root != null) {
            actor.requireDivision(root);
            if (!exists(root)) {
                throw new UnknownDivision(root);
            }
            roots.add(root);
        } else if (actor.isSystem()) {
            repository.search(List.of(""), DivisionLevel.DISTRICT, null, 0, 100).forEach(d -> roots.add(d.code()));
        } else {
            roots.addAll(actor.divisions());
        }
        List<DivisionNode> nodes = new ArrayList<>();
        for (DivisionCode r : roots) {
            subtree(r, depth).ifPresent(nodes::add);
        }
        return nodes;
    }

    private Optional<DivisionNode> subtree(DivisionCode root, int depth) {
        List<DivisionLevel> levels = new ArrayList<>();
        for (DivisionLevel level : EnumSet.range(root.level(), DivisionLevel.GRID)) {
            if (level.ordinal() <= root.level().ordinal() + depth) {
                levels.add(level);
            }
        }
        List<Division> rows = repository.subtree(root, levels, MAX_TREE_NODES);
        Map<DivisionCode, List<Division>> byParent = new LinkedHashMap<>();
        for (Division d : rows) {
            if (d.parentCode() != null) {
                byParent.computeIfAbsent(d.parentCode(), k -> new ArrayList<>()).add(d);
            }
        }
        List<DivisionCode> leaves = rows.stream()
                .filter(d -> d.level().ordinal() == root.level().ordinal() + depth)
                .map(Division::code)
                .toList();
        Map<String, Integer> leafCounts = leaves.isEmpty() ? Map.of() : repository.childCounts(leaves);
        return rows.stream().filter(d -> d.code().equals(root)).findFirst().map(d -> node(d, byParent, leafCounts));
    }

    private static DivisionNode node(
            Division d, Map<DivisionCode, List<Division>> byParent, Map<String, Integer> leafCounts) {
        List<Division> kids = byParent.getOrDefault(d.code(), List.of());
        List<DivisionNode> children = kids.stream()
                .sorted(Comparator.comparing(Division::code))
                .map(k -> node(k, byParent, leafCounts))
                .toList();
        int count = children.isEmpty() ? leafCounts.getOrDefault(d.code().value(), 0) : children.size();
        return new DivisionNode(d, children, count);
    }

    public Page<Division> search(Actor actor, DivisionLevel level, String nameContains, PageRequest page) {
        actor.require(Permission.DIVISION_READ);
        List<String> prefixes = actor.isSystem()
                ? List.of("")
                : actor.divisions().stream().map(DivisionCode::prefix).toList();
        if (prefixes.isEmpty()) {
            return new Page<>(List.of(), 0, page.offset(), page.limit());
        }
        String name = nameContains == null || nameContains.isBlank() ? null : nameContains.strip();
        return new Page<>(
                repository.search(prefixes, level, name, page.offset(), page.limit()),
                repository.count(prefixes, level, name),
                page.offset(),
                page.limit());
    }

    @Transactional
    public Division create(Actor actor, CreateDivision command) {
        actor.require(Permission.DIVISION_WRITE);
        DivisionCode parent = command.code()
                .parent()
                .orElseThrow(() -> InvalidInput.of("code", "problem.division-needs-parent", command.code()));
        actor.requireDivision(parent);
        List<FieldIssue> issues = new ArrayList<>(DivisionRules.checkName(command.name()));
        if (command.kind() == null || command.kind().level() != command.code().level()) {
            issues.add(new FieldIssue(
                    "kind",
                    "problem.kind-level-mismatch",
                    String.valueOf(command.kind()),
                    command.code().level().name()));
        }
        if (!exists(parent)) {
            issues.add(new FieldIssue("code", "problem.unknown-parent", parent.value()));
        }
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        if (exists(command.code())) {
            throw new DivisionAlreadyExists(command.code());
        }
        Division division = new Division(
                command.code(), parent, command.kind(), command.name().strip(), false, "manual", 0, clock.instant());
        repository.insert(division, clock.instant());
        audit.record(
                actor,
                "spatial.division.create",
                "division",
                command.code().value(),
                Map.of("name", division.name(), "kind", division.kind().name()));
        events.publish(new DivisionCreated(
                division.code().value(), parent.value(), division.kind().name(), division.name()));
        return division;
    }

    @Transactional
    public Division change(Actor actor, ChangeDivision command) {
        actor.require(Permission.DIVISION_WRITE);
        actor.requireDivision(command.code());
        Division current = repository.find(command.code()).orElseThrow(() -> new UnknownDivision(command.code()));
        List<FieldIssue> issues = new ArrayList<>(DivisionRules.checkName(command.name()));
        if (command.kind() == null || command.kind().level() != command.code().level()) {
            issues.add(new FieldIssue(
                    "kind",
                    "problem.kind-level-mismatch",
                    String.valueOf(command.kind()),
                    command.code().level().name()));
        }
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        String name = command.name().strip();
        if (!repository.update(command.code(), command.kind(), name, command.expectedVersion(), clock.instant())) {
            throw new DivisionChangedConcurrently(command.code(), command.expectedVersion());
        }
        audit.record(
                actor,
                "spatial.division.change",
                "division",
                command.code().value(),
                Map.of(
                        "from",
                                Map.of(
                                        "name",
                                        current.name(),
                                        "kind",
                                        current.kind().name()),
                        "to", Map.of("name", name, "kind", command.kind().name())));
        events.publish(new DivisionChanged(
                command.code().value(), command.kind().name(), name, command.expectedVersion() + 1));
        return repository.find(command.code()).orElseThrow();
    }
}
