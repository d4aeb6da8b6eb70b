package org.cityos.benchmarks.iot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cityos.iot.Device;
import org.cityos.iot.DeviceDraft;
import org.cityos.iot.DeviceId;
import org.cityos.iot.persistence.DeviceImportRepository;
import org.cityos.kernel.DivisionCode;
import org.cityos.spatial.Placement;
import org.cityos.spatial.Places;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Synthetic devices into {@code iot_device} by the registry's fastest public bulk path, the one an
 * import writes with: {@link DeviceImportRepository#insertNew} in JDBC batches, one transaction per
 * batch. The drafts are placed (division from the place index) first, as the import places its rows;
 * type, department and scope checks are left out (the generator only makes valid drafts).
 */
public final class DeviceLoad {
    /** Rows per batch and transaction, the import's default. */
    public static final int BATCH = 1000;

    /** Every {@value}th synthetic device also carries {@link #RARE_TAG}, so a tag filter has something to find. */
    static final int RARE_EVERY = 20;

    public static final String RARE_TAG = "pilot-2026";

    private DeviceLoad() {}

    /** The drafts with {@link #RARE_TAG} added to one in {@value #RARE_EVERY}. */
    public static List<DeviceDraft> tagged(List<DeviceDraft> drafts) {
        List<DeviceDraft> out = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            DeviceDraft d = drafts.get(i);
            if (i % RARE_EVERY != 0) {
                out.add(d);
                continue;
            }
            List<String> tags = new ArrayList<>(d.tags());
            tags.add(RARE_TAG);
            out.add(new DeviceDraft(
                    d.typeCode(),
                    d.name(),
                    d.vendor(),
                    d.serial(),
                    d.location(),
                    d.address(),
                    d.department(),
                    d.maintainer(),
                    d.installedOn(),
                    d.state(),
                    tags,
                    d.parent(),
                    d.sharedWith()));
        }
        return out;
    }

    /** Each draft as the device an import would store (new id, deepest division of its location). */
    public static List<Device> placed(List<DeviceDraft> drafts, Places places) {
        List<Device> devices = new ArrayList<>(drafts.size());
        for (DeviceDraft d : drafts) {
            Placement at = places.locate(d.location());
            DivisionCode division = at.deepest()
                    .orElseThrow(() -> new IllegalStateException("synthetic device outside the district: " + d));
            devices.add(new Device(
                    DeviceId.random(),
                    d.typeCode(),
                    d.name().strip(),
                    d.vendor(),
                    d.serial(),
                    d.location(),
                    d.address(),
                    division,
                    d.department(),
                    d.maintainer(),
                    d.installedOn(),
                    d.state(),
                    d.tags(),
                    null,
                    d.sharedWith(),
                    0,
                    null,
                    null));
        }
        return devices;
    }

    /** Inserts every device, {@link #BATCH} per transaction; returns how many were new. */
    public static int insert(List<Device> devices, DeviceImportRepository repository, TransactionTemplate tx) {
        int inserted = 0;
        for (int from = 0; from < devices.size(); from += BATCH) {
            List<Device> batch = devices.subList(from, Math.min(devices.size(), from + BATCH));
            boolean[] added = tx.execute(status -> repository.insertNew(batch, Instant.now()));
            for (boolean a : added) {
                inserted += a ? 1 : 0;
            }
        }
        return inserted;
    }
}
