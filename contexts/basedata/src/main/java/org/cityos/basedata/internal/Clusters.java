package org.cityos.basedata.internal;

/** Union–find over record positions, with path halving: merging millions of pairs stays near-linear. */
final class Clusters {
    private final int[] parent;

    Clusters(int size) {
        parent = new int[size];
        for (int i = 0; i < size; i++) {
            parent[i] = i;
        }
    }

    int root(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Joins the two clusters; the smaller position becomes the root, so a cluster's root is its first record. */
    boolean union(int a, int b) {
        int ra = root(a);
        int rb = root(b);
        if (ra == rb) {
            return false;
        }
        if (ra < rb) {
            parent[rb] = ra;
        } else {
            parent[ra] = rb;
        }
        return true;
    }

    int[] roots() {
        int[] out = new int[parent.length];
        for (int i = 0; i < parent.length; i++) {
            out[i] = root(i);
        }
        return out;
    }
}
