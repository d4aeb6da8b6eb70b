package org.cityos.spatial.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cityos.kernel.DepartmentCode;
import org.cityos.spatial.Layer;
import org.cityos.spatial.LayerDefinition;
import org.cityos.spatial.LayerImportReport;

/** A layer as the API shows it: its definition, version, timestamps and what it holds. */
public record LayerView(
        String id,
        String titleZh,
        String titleEn,
        String description,
        String owner,
        String geometryType,
        Map<String, Object> style,
        String updateFrequency,
        String access,
        List<String> readers,
        boolean synthetic,
        int version,
        Instant createdAt,
        Instant updatedAt,
        long featureCount,
        double[] bbox,
        Instant earliest,
        Instant latest) {

    static LayerView of(Layer layer) {
        LayerDefinition d = layer.definition();
        return new LayerView(
                d.id().value(),
                d.titleZh(),
                d.titleEn(),
                d.description(),
                d.owner().value(),
                d.geometryType().name(),
                d.style(),
                d.updateFrequency().name(),
                d.access().name(),
                d.readers().stream().map(DepartmentCode::value).sorted().toList(),
                d.synthetic(),
                layer.version(),
                layer.createdAt(),
                layer.updatedAt(),
                layer.extent().featureCount(),
                layer.extent().bbox() == null ? null : layer.extent().bbox().toArray(),
                layer.extent().earliest(),
                layer.extent().latest());
    }

    /** What a bulk feature write did. */
    public record ImportView(int received, long featureCount, List<LayerImportReport.FeatureRepair> repaired) {
        static ImportView of(LayerImportReport r) {
            return new ImportView(r.received(), r.featureCount(), r.repairs());
        }
    }
}
