package org.cityos.spatial;

/**
 * An address split into the parts of the national standard layout, from the district down to the
 * room. Any part may be missing ({@code null}); numbers are kept as written in Arabic digits
 * ({@code number} "88", {@code building} "3", {@code unit} "2", {@code room} "301"). A courtyard
 * written "88号院" has the compound "88号院"; a named compound keeps its name ("富强家园").
 */
public record StandardAddress(
        String district,
        String town,
        String community,
        String road,
        String number,
        String compound,
        String building,
        String unit,
        String room) {

    public static StandardAddress empty() {
        return new StandardAddress(null, null, null, null, null, null, null, null, null);
    }

    /** Whether the compound is the courtyard of the house number ("88号院") rather than a named one. */
    public boolean courtyard() {
        return compound != null && number != null && compound.equals(number + "号院");
    }

    /** The address as it is written on a doorplate register; the community is left out as people do. */
    public String text() {
        StringBuilder out = new StringBuilder();
        append(out, district);
        append(out, town);
        append(out, road);
        out.append(houseText());
        return out.toString();
    }

    /** Everything after the road: "88号院3号楼2单元301室". */
    public String houseText() {
        StringBuilder out = new StringBuilder();
        if (number != null) {
            out.append(number).append(courtyard() ? "号院" : "号");
        }
        if (compound != null && !courtyard()) {
            out.append(compound);
        }
        if (building != null) {
            out.append(building).append("号楼");
        }
        if (unit != null) {
            out.append(unit).append("单元");
        }
        if (room != null) {
            out.append(room).append("室");
        }
        return out.toString();
    }

    public StandardAddress withDistrict(String value) {
        return new StandardAddress(value, town, community, road, number, compound, building, unit, room);
    }

    public StandardAddress withTown(String value) {
        return new StandardAddress(district, value, community, road, number, compound, building, unit, room);
    }

    public StandardAddress withRoad(String value) {
        return new StandardAddress(district, town, community, value, number, compound, building, unit, room);
    }

    public StandardAddress withoutUnit() {
        return new StandardAddress(district, town, community, road, number, compound, building, null, room);
    }

    public StandardAddress withoutBuilding() {
        return new StandardAddress(district, town, community, road, number, compound, null, null, room);
    }

    private static void append(StringBuilder out, String part) {
        if (part != null) {
            out.append(part);
        }
    }
}
