package org.cityos.spatial;

import java.time.Instant;

/** A registered layer: its definition, optimistic-lock version, timestamps and a summary of its features. */
public record Layer(LayerDefinition definition, int version, Instant createdAt, Instant updatedAt, LayerExtent extent) {
    public LayerId id() {
        return definition.id();
    }

    /** The title in the reader's language: English when asked for, Chinese otherwise. */
    public String title(boolean english) {
        return english ? definition.titleEn() : definition.titleZh();
    }
}
