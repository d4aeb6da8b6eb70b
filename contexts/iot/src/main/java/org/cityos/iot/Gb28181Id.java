package org.cityos.iot;

/**
 * A valid 20-digit GB/T 28181 id cut into its parts: centre code (digits 1–8: province, city, district,
 * grass-roots unit), industry (9–10), device type (11–13), network (14) and serial (15–20).
 */
public record Gb28181Id(
        String value, String centre, Gb28181Code industry, Gb28181Code type, Gb28181Code network, String serial) {

    /** The county-level division digits (1–6) that must match the deployment's district. */
    public String districtDigits() {
        return centre.substring(0, 6);
    }

    public String typeCode() {
        return type.code();
    }

    @Override
    public String toString() {
        return value;
    }
}
