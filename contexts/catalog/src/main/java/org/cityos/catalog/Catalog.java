package org.cityos.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.cityos.audit.AuditTrail;
import org.cityos.catalog.CatalogProblems.EntryExists;
import org.cityos.catalog.CatalogProblems.EntryRetired;
import org.cityos.catalog.CatalogProblems.UnknownEntry;
import org.cityos.catalog.internal.LedgerEncoding;
import org.cityos.catalog.persistence.EntryFilter;
import org.cityos.catalog.persistence.EntryStore;
import org.cityos.catalog.persistence.LedgerStore;
import org.cityos.catalog.persistence.StoredVersion;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.event.EventBus;
import org.cityos.kernel.problem.ConcurrentChange;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The resource catalogue: anyone with CATALOG_READ reads every entry (contacts masked unless they may and ask
 * to unmask, which is audited); CATALOG_WRITE creates, changes and retires entries of the actor's own
 * departments. Every write is a new version with who/when/why, recorded in one transaction with its audit
 * record, its domain event and its row on the ledger.
 */
public class Catalog {
    static final String TARGET = "catalog.entry";
    private static final List<String> CONTACT_FIELDS = List.of("contactName", "contactPhone");

    private final EntryStore entries;
    private final LedgerStore ledger;
    private final EntryRules rules;
    private final EntryJson json;
    private final AuditTrail audit;
    private final EventBus events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Catalog(
            EntryStore entries,
            LedgerStore ledger,
            EntryRules rules,
            EntryJson json,
            AuditTrail audit,
            EventBus events,
            TransactionTemplate transactions,
            Clock clock) {
        this.entries = entries;
        this.ledger = ledger;
        this.rules = rules;
        this.json = json;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    public CatalogEntry create(Actor actor, EntryDraft draft) {
        actor.require(Permission.CATALOG_WRITE);
        EntryContent content = valid(draft);
        actor.requireDepartment(DepartmentCode.of(content.providerDepartment()));
        return transactions.execute(status -> {
            if (entries.exists(content.code().value())) {
                throw new EntryExists(content.code().value());
            }
            return write(actor, content, 1, null, "created", "catalog.entry.create");
        });
    }

    /** A new version from {@code draft}, if the entry is still at {@code expectedVersion} (else 409). */
    public CatalogEntry change(Actor actor, String code, int expectedVersion, EntryDraft draft, String reason) {
        actor.require(Permission.CATALOG_WRITE);
        EntryContent content = valid(draft);
        if (!content.code().value().equals(code)) {
            throw InvalidInput.of("code", "catalog.validation.code-fixed", code);
        }
        requireReason(reason);
        return transactions.execute(status -> {
            EntryContent current = current(code);
            actor.requireDepartment(DepartmentCode.of(current.providerDepartment()));
            actor.requireDepartment(DepartmentCode.of(content.providerDepartment()));
            if (current.status() == EntryStatus.RETIRED) {
                throw new EntryRetired(code);
            }
            return write(actor, content, expectedVersion + 1, expectedVersion, reason, "catalog.entry.change");
        });
    }

    /** Retires the entry (a last version, status RETIRED); it stays readable with its history. */
    public CatalogEntry retire(Actor actor, String code, int expectedVersion, String reason) {
        actor.require(Permission.CATALOG_WRITE);
        requireReason(reason);
        return transactions.execute(status -> {
            EntryContent current = current(code);
            actor.requireDepartment(DepartmentCode.of(current.providerDepartment()));
            if (current.status() == EntryStatus.RETIRED) {
                throw new EntryRetired(code);
            }
            return write(
                    actor,
                    current.withStatus(EntryStatus.RETIRED),
                    expectedVersion + 1,
                    expectedVersion,
                    reason,
                    "catalog.entry.retire");
        });
    }

    public CatalogEntry get(Actor actor, String code, boolean unmask) {
        actor.require(Permission.CATALOG_READ);
        return shown(
                        actor,
                        code,
                        unmask,
                        () -> List.of(entry(entries.current(code).orElseThrow(() -> new UnknownEntry(code)))))
                .get(0);
    }

    /** Every version, oldest first. */
    public List<CatalogEntry> history(Actor actor, String code, boolean unmask) {
        actor.require(Permission.CATALOG_READ);
        return shown(actor, code, unmask, () -> {
            List<StoredVersion> versions = entries.history(code);
            if (versions.isEmpty()) {
                throw new UnknownEntry(code);
            }
            return versions.stream().map(this::entry).toList();
        });
    }

    public Page<CatalogEntry> search(Actor actor, CatalogQuery query, PageRequest page) {
        actor.require(Permission.CATALOG_READ);
        EntryFilter filter = filter(query);
        List<CatalogEntry> found = entries.search(filter, page.offset(), page.limit()).stream()
                .map(v -> entry(v).masked())
                .toList();
        return new Page<>(found, entries.count(filter), page.offset(), page.limit());
    }

    /** All current entries matching the query, for export; contacts unmasked only as {@link #get} allows. */
    public List<CatalogEntry> list(Actor actor, CatalogQuery query, boolean unmask) {
        actor.require(Permission.CATALOG_READ);
        if (unmask) {
            actor.require(Permission.PII_UNMASK);
        }
        EntryFilter filter = filter(query);
        List<CatalogEntry> all = new ArrayList<>();
        int offset = 0;
        List<StoredVersion> page;
        do {
            page = entries.search(filter, offset, PageRequest.MAX_LIMIT);
            page.forEach(v -> all.add(entry(v)));
            offset += page.size();
        } while (page.size() == PageRequest.MAX_LIMIT);
        if (!unmask) {
            return all.stream().map(CatalogEntry::masked).toList();
        }
        transactions.executeWithoutResult(
                status -> all.forEach(e -> audit.recordUnmaskedRead(actor, TARGET, e.code(), CONTACT_FIELDS)));
        return all;
    }

    /** Validates every draft; for the importer, which reports all issues of a file at once. */
    EntryContent check(EntryDraft draft, String prefix, List<FieldIssue> issues) {
        return rules.check(draft, prefix, issues);
    }

    boolean exists(String code) {
        return entries.exists(code);
    }

    /** Creates many entries in one transaction: all or none. */
    List<CatalogEntry> createAll(Actor actor, List<EntryContent> contents, String reason) {
        actor.require(Permission.CATALOG_WRITE);
        contents.forEach(c -> actor.requireDepartment(DepartmentCode.of(c.providerDepartment())));
        return transactions.execute(status -> contents.stream()
                .map(c -> {
                    if (entries.exists(c.code().value())) {
                        throw new EntryExists(c.code().value());
                    }
                    return write(actor, c, 1, null, reason, "catalog.entry.create");
                })
                .toList());
    }

    private CatalogEntry write(
            Actor actor, EntryContent content, int version, Integer expected, String reason, String action) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String code = content.code().value();
        EntryStore.Current row = new EntryStore.Current(
                code,
                version,
                content.status().name(),
                content.code().resourceClass(),
                content.name(),
                content.providerDepartment(),
                content.sharingType().name(),
                content.openType().name(),
                searchText(content),
                now);
        if (expected == null) {
            entries.insert(row);
        } else if (!entries.advance(row, expected)) {
            throw new ConcurrentChange(TARGET, code);
        }
        StoredVersion stored = new StoredVersion(code, version, json.write(content), actor.id(), now, reason);
        entries.insertVersion(stored);
        ledger.append(LedgerEncoding.ENTRY_VERSION, code, version, LedgerEncoding.digest(stored), now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", version);
        details.put("reason", reason);
        details.put("department", content.providerDepartment());
        audit.record(actor, action, TARGET, code, details);
        events.publish(new CatalogEntryVersioned(
                code, version, content.status(), content.providerDepartment(), actor.id(), reason));
        return CatalogEntry.of(content, version, actor.id(), now, reason).masked();
    }

    private List<CatalogEntry> shown(
            Actor actor, String code, boolean unmask, java.util.function.Supplier<List<CatalogEntry>> read) {
        if (!unmask) {
            return read.get().stream().map(CatalogEntry::masked).toList();
        }
        actor.require(Permission.PII_UNMASK);
        // The audit entry is a write, so an unmasked read runs in a read-write transaction.
        return transactions.execute(status -> {
            List<CatalogEntry> found = read.get();
            audit.recordUnmaskedRead(actor, TARGET, code, CONTACT_FIELDS);
            return found;
        });
    }

    private EntryContent valid(EntryDraft draft) {
        List<FieldIssue> issues = new ArrayList<>();
        EntryContent content = rules.check(draft, "", issues);
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        return content;
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInput.of("reason", "catalog.validation.required");
        }
    }

    /** The current metadata of an entry, for sharing; 404 when there is none. */
    EntryContent currentContent(String code) {
        return current(code);
    }

    private EntryContent current(String code) {
        return json.read(
                entries.current(code).orElseThrow(() -> new UnknownEntry(code)).content());
    }

    private CatalogEntry entry(StoredVersion v) {
        return CatalogEntry.of(json.read(v.content()), v.version(), v.changedBy(), v.changedAt(), v.reason());
    }

    private static EntryFilter filter(CatalogQuery q) {
        return new EntryFilter(
                q.words(),
                q.department(),
                q.sharingType() == null ? null : q.sharingType().name(),
                q.resourceClass(),
                q.openType() == null ? null : q.openType().name(),
                q.includeRetired());
    }

    static String searchText(EntryContent c) {
        String items =
                c.items().stream().map(i -> i.name() + " " + i.chineseName()).collect(Collectors.joining(" "));
        return String.join("\n", c.name(), c.summary(), items).toLowerCase(Locale.ROOT);
    }
}
