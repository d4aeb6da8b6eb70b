package org.cityos.iot.internal.ingest;

import org.cityos.iot.PayloadForm;
import org.cityos.iot.PayloadMapping;

/** How a payload is read: its form (null = detect) and declarative mapping (null = none). */
public record DecodingRule(PayloadForm form, PayloadMapping mapping) {
    public static final DecodingRule DETECT = new DecodingRule(null, null);
}
