package org.cityos.spatial.internal.partition;

import java.util.ArrayList;
import java.util.List;

/** A generated partition: town cells clipped to the outline, their communities, and those communities' grids. */
public record Partition(List<Cell> towns, List<Cell> communities, List<Cell> grids) {
    public Partition {
        towns = List.copyOf(towns);
        communities = List.copyOf(communities);
        grids = List.copyOf(grids);
    }

    public List<Cell> all() {
        List<Cell> all = new ArrayList<>(towns);
        all.addAll(communities);
        all.addAll(grids);
        return all;
    }
}
