package org.cityos.casework;

import java.util.List;

/**
 * A leaf category proposed for a case's text.
 *
 * @param path the names from the top level down to this leaf
 * @param score how sure the model is, 0..1 (the scores of all leaves add up to 1)
 * @param basedOn how many past cases of this category the model learnt from (0: only its name)
 */
public record CategorySuggestion(String code, String name, List<String> path, double score, int basedOn) {

    public CategorySuggestion {
        path = List.copyOf(path);
    }
}
