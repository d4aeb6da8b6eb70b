package org.cityos.basedata;

/** Ties address text to a standard address; an import asks once per distinct text. */
@FunctionalInterface
public interface AddressLinker {
    AddressLink link(String text);
}
