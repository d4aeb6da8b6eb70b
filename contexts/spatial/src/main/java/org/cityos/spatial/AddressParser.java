package org.cityos.spatial;

import org.cityos.spatial.internal.geocoding.AddressTextParser;

/**
 * Splits free Chinese address text ("北京市大兴区旧宫镇旧宫西路88号院3号楼2单元") into the parts of a
 * {@link StandardAddress}. Tolerates missing prefixes, short town names, full-width digits, Chinese
 * numerals, spaces and punctuation; parts it cannot find stay {@code null}. Thread-safe.
 */
public final class AddressParser {
    private final AddressTextParser parser;

    public AddressParser(AddressVocabulary vocabulary) {
        this.parser = new AddressTextParser(vocabulary);
    }

    public StandardAddress parse(String text) {
        return parser.parse(text);
    }
}
