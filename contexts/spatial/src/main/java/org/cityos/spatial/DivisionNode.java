package org.cityos.spatial;

import java.util.List;

/** A division with its children, to a requested depth. */
public record DivisionNode(Division division, List<DivisionNode> children, int childCount) {}
