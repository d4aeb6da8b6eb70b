package org.cityos.identity;

import org.cityos.kernel.DepartmentCode;

/** A government department (委办局) with what it is responsible for. */
public record Department(
        DepartmentCode code, String name, String shortName, String responsibilities, boolean active, int version) {}
