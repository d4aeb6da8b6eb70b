package org.cityos.casework;

import java.util.List;
import org.cityos.kernel.access.Actor;

/** PLACEHOLDER until the categories branch lands. */
public class Categories {
    public boolean usable(String code) {
        return true;
    }

    public List<CategorySuggestion> suggest(Actor actor, String text, int limit) {
        return List.of();
    }
}
