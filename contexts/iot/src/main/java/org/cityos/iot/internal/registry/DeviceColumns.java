package org.cityos.iot.internal.registry;

import java.util.List;

/** The columns of device files; export writes them, import reads them (so an export re-imports). */
public final class DeviceColumns {
    public static final List<String> ALL = List.of(
            "id",
            "type",
            "name",
            "vendor",
            "serial",
            "lon",
            "lat",
            "address",
            "division",
            "department",
            "maintainer_organisation",
            "maintainer_contact",
            "maintainer_phone",
            "installed_on",
            "state",
            "tags",
            "shared_with",
            "parent");
    /**
     * The {@code parent} column names the gateway a device reports through: its device id, or its serial under the
     * same vendor — which may be a gateway row earlier in the same file.
     */
    public static final String PARENT = "parent";

    /** Lists inside one cell (tags, shared departments) are separated by this. */
    public static final String LIST_SEPARATOR = ";";

    private DeviceColumns() {}
}
