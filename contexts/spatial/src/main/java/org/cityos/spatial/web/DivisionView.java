package org.cityos.spatial.web;

import java.time.Instant;
import java.util.List;
import org.cityos.spatial.Division;
import org.cityos.spatial.DivisionNode;

/** A division as the API shows it, with its kind's Chinese label and the synthetic flag. */
public record DivisionView(
        String code,
        String parentCode,
        String level,
        String kind,
        String kindLabel,
        String name,
        boolean synthetic,
        String source,
        int version,
        Instant updatedAt) {

    public static DivisionView of(Division d) {
        return new DivisionView(
                d.code().value(),
                d.parentCode() == null ? null : d.parentCode().value(),
                d.level().name(),
                d.kind().name(),
                d.kind().label(),
                d.name(),
                d.synthetic(),
                d.source(),
                d.version(),
                d.updatedAt());
    }

    /** A division with the path of its ancestors from the top. */
    public record Detail(DivisionView division, List<DivisionView> path) {
        static Detail of(Division d, List<Division> path) {
            return new Detail(
                    DivisionView.of(d), path.stream().map(DivisionView::of).toList());
        }
    }

    /** A tree node; {@code childCount} tells whether there is more below the requested depth. */
    public record Node(DivisionView division, int childCount, List<Node> children) {
        static Node of(DivisionNode n) {
            return new Node(
                    DivisionView.of(n.division()),
                    n.childCount(),
                    n.children().stream().map(Node::of).toList());
        }
    }
}
