package org.cityos.catalog;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.cityos.catalog.EntryDraft.ItemDraft;
import org.cityos.kernel.problem.FieldIssue;

/**
 * The rules a draft must meet to become an entry version, each broken rule reported against its field (with
 * {@code prefix}, such as {@code rows[3].}, for a file row). Uniqueness of the code is checked by the caller,
 * which knows the catalogue; existence of the department is asked of {@code departmentExists}.
 */
public final class EntryRules {
    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 4_000;
    private static final Pattern PHONE = Pattern.compile("[0-9+][0-9-]{6,19}");
    private static final Pattern ITEM_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");

    private final Predicate<String> departmentExists;

    public EntryRules(Predicate<String> departmentExists) {
        this.departmentExists = departmentExists;
    }

    /** The content when the draft is valid; otherwise adds its issues to {@code issues} and returns null. */
    public EntryContent check(EntryDraft d, String prefix, List<FieldIssue> issues) {
        int before = issues.size();
        Issues out = new Issues(prefix, issues);
        if (blank(d.code())) {
            out.add("code", "catalog.validation.required");
        } else if (!ResourceCode.isValid(d.code().strip())) {
            out.add("code", "catalog.validation.code-shape", d.code());
        }
        text(out, "name", d.name(), MAX_NAME);
        text(out, "summary", d.summary(), MAX_TEXT);
        if (blank(d.providerDepartment())) {
            out.add("providerDepartment", "catalog.validation.required");
        } else if (!departmentExists.test(d.providerDepartment().strip())) {
            out.add("providerDepartment", "catalog.validation.unknown-department", d.providerDepartment());
        }
        ResourceFormat format = vocabulary(out, "format", d.format(), ResourceFormat.class);
        SharingType sharing = vocabulary(out, "sharingType", d.sharingType(), SharingType.class);
        OpenType open = vocabulary(out, "openType", d.openType(), OpenType.class);
        UpdateCycle cycle = vocabulary(out, "updateCycle", d.updateCycle(), UpdateCycle.class);
        String condition =
                blank(d.sharingCondition()) ? null : d.sharingCondition().strip();
        if (sharing == SharingType.CONDITIONAL && condition == null) {
            out.add("sharingCondition", "catalog.validation.condition-required");
        } else if (sharing == SharingType.NOT_SHARED && condition == null) {
            out.add("sharingCondition", "catalog.validation.reason-required");
        } else if (condition != null && condition.length() > MAX_TEXT) {
            out.add("sharingCondition", "catalog.validation.too-long", MAX_TEXT);
        }
        LocalDate released = date(out, d.releaseDate());
        text(out, "contactName", d.contactName(), 50);
        if (blank(d.contactPhone())) {
            out.add("contactPhone", "catalog.validation.required");
        } else if (!PHONE.matcher(d.contactPhone().strip()).matches()) {
            out.add("contactPhone", "catalog.validation.phone");
        }
        List<DataItem> items = items(out, d.items());
        if (issues.size() > before) {
            return null;
        }
        return new EntryContent(
                new ResourceCode(d.code().strip()),
                EntryStatus.ACTIVE,
                d.name().strip(),
                d.providerDepartment().strip(),
                d.summary().strip(),
                format,
                sharing,
                sharing == SharingType.UNCONDITIONAL ? null : condition,
                open,
                cycle,
                released,
                d.contactName().strip(),
                d.contactPhone().strip(),
                items);
    }

    private static List<DataItem> items(Issues out, List<ItemDraft> drafts) {
        if (drafts == null || drafts.isEmpty()) {
            out.add("items", "catalog.validation.items-required");
            return List.of();
        }
        List<DataItem> items = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            ItemDraft item = drafts.get(i);
            String at = "items[" + i + "].";
            if (item == null) {
                out.add("items[" + i + "]", "catalog.validation.required");
                continue;
            }
            if (blank(item.name())) {
                out.add(at + "name", "catalog.validation.required");
            } else if (!ITEM_NAME.matcher(item.name().strip()).matches()) {
                out.add(at + "name", "catalog.validation.item-name");
            } else if (!names.add(item.name().strip().toLowerCase(java.util.Locale.ROOT))) {
                out.add(at + "name", "catalog.validation.item-duplicate", item.name());
            }
            text(out, at + "chineseName", item.chineseName(), 100);
            ItemType type = vocabulary(out, at + "type", item.type(), ItemType.class);
            if (!blank(item.name()) && !blank(item.chineseName()) && type != null) {
                items.add(new DataItem(
                        item.name().strip(), item.chineseName().strip(), type, Boolean.TRUE.equals(item.personal())));
            }
        }
        return items;
    }

    private static void text(Issues out, String field, String value, int max) {
        if (blank(value)) {
            out.add(field, "catalog.validation.required");
        } else if (value.strip().length() > max) {
            out.add(field, "catalog.validation.too-long", max);
        }
    }

    private static <E extends Enum<E> & Labelled> E vocabulary(Issues out, String field, String value, Class<E> type) {
        if (blank(value)) {
            out.add(field, "catalog.validation.required");
            return null;
        }
        E parsed = Labelled.parse(type, value);
        if (parsed == null) {
            String allowed = String.join(
                    ", ",
                    Arrays.stream(type.getEnumConstants())
                            .map(e -> e.name() + " (" + e.label() + ")")
                            .toList());
            out.add(field, "catalog.validation.one-of", allowed);
        }
        return parsed;
    }

    private static LocalDate date(Issues out, String value) {
        if (blank(value)) {
            out.add("releaseDate", "catalog.validation.required");
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            out.add("releaseDate", "catalog.validation.date");
            return null;
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private record Issues(String prefix, List<FieldIssue> list) {
        void add(String field, String key, Object... args) {
            list.add(new FieldIssue(prefix + field, key, args));
        }
    }
}
