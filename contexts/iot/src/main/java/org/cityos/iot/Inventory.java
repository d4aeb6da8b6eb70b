package org.cityos.iot;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.cityos.iot.persistence.InventoryRepository;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.DivisionLevel;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.Division;
import org.cityos.spatial.Divisions;
import org.springframework.stereotype.Service;

/**
 * The inventory (底数): how many devices of which type, owned by which department, where and in which
 * state; how well a type covers the divisions below a division; which devices are shared. Counts only
 * what the caller's scope shows.
 */
@Service
public class Inventory {
    private final InventoryRepository repository;
    private final Divisions divisions;

    public Inventory(InventoryRepository repository, Divisions divisions) {
        this.repository = repository;
        this.divisions = divisions;
    }

    /** Counts by type × department × division at {@code level} × state, within {@code within} (null = everywhere). */
    public List<InventoryRow> counts(
            Actor actor,
            DivisionLevel level,
            DivisionCode within,
            String typeCode,
            DepartmentCode department,
            DeviceState state) {
        actor.require(Permission.DEVICE_READ);
        DeviceFilter filter = new DeviceFilter(typeCode, state, within, department, null, null);
        return repository.counts(filter, DeviceScope.of(actor), prefixLength(level));
    }

    public InventoryCoverage coverage(Actor actor, DivisionCode division, String typeCode) {
        actor.require(Permission.DEVICE_READ);
        if (typeCode == null || typeCode.isBlank()) {
            throw InvalidInput.of("type", "validation.required");
        }
        actor.requireDivision(division);
        List<Division> children = divisions.children(division);
        if (children.isEmpty()) {
            throw InvalidInput.of("division", "problem.division-without-children", division.value());
        }
        int length = children.get(0).code().prefix().length();
        Map<String, Long> counts = repository.inFieldByPrefix(
                new DeviceFilter(typeCode, null, division, null, null, null), DeviceScope.of(actor), length);
        List<InventoryCoverage.Child> with = new ArrayList<>();
        List<InventoryCoverage.Child> without = new ArrayList<>();
        for (Division child : children) {
            long n = counts.getOrDefault(child.code().prefix(), 0L);
            (n > 0 ? with : without)
                    .add(new InventoryCoverage.Child(child.code().value(), child.name(), n));
        }
        return new InventoryCoverage(division.value(), typeCode, children.size(), with.size(), with, without);
    }

    public Page<Device> shared(Actor actor, DivisionCode within, PageRequest page) {
        actor.require(Permission.DEVICE_READ);
        return repository.shared(new DeviceFilter(null, null, within, null, null, null), DeviceScope.of(actor), page);
    }

    /** The counts as an Excel workbook (one sheet, one row per group). */
    public static void export(List<InventoryRow> rows, OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            Sheet sheet = book.createSheet("inventory");
            String[] header = {"type", "department", "division", "state", "count"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            int r = 1;
            for (InventoryRow row : rows) {
                Row x = sheet.createRow(r++);
                x.createCell(0).setCellValue(row.typeCode());
                x.createCell(1).setCellValue(row.department());
                x.createCell(2).setCellValue(row.division());
                x.createCell(3).setCellValue(row.state());
                x.createCell(4).setCellValue(row.count());
            }
            book.write(out);
        }
    }

    static int prefixLength(DivisionLevel level) {
        return switch (level == null ? DivisionLevel.TOWN : level) {
            case PROVINCE -> 2;
            case CITY -> 4;
            case DISTRICT -> 6;
            case TOWN -> 9;
            case COMMUNITY -> 12;
            case GRID -> 15;
        };
    }
}
