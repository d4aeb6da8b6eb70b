package org.cityos.casework;

/**
 * What a configurer sends to add a category, or to rename one: {@code code}, {@code parentCode} and {@code kind}
 * are fixed once created (cases and dispatch rules refer to the code), so a change reads only the names.
 */
public record CategoryDraft(String code, String parentCode, CategoryKind kind, String name, String nameEn) {}
