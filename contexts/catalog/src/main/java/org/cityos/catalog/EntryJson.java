package org.cityos.catalog;

import tools.jackson.databind.json.JsonMapper;

/**
 * A version's metadata as the JSON text stored in {@code catalog_entry_version.content}. The text is written
 * once and kept byte for byte (never re-serialised), because the ledger's digest covers exactly these bytes.
 */
final class EntryJson {
    private final JsonMapper json;

    EntryJson(JsonMapper json) {
        this.json = json;
    }

    String write(EntryContent content) {
        return json.writeValueAsString(content);
    }

    EntryContent read(String text) {
        return json.readValue(text, EntryContent.class);
    }
}
