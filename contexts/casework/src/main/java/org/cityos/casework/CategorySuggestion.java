package org.cityos.casework;

import java.util.List;

/** PLACEHOLDER until the categories branch lands. */
public record CategorySuggestion(String code, String name, List<String> path, double score, int basedOn) {}
