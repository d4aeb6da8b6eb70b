package org.cityos.spatial.web;

/** Body of a create or change: kind is the enum name or its Chinese label; version is needed to change. */
public record DivisionRequest(String code, String kind, String name, Integer version) {}
