package org.cityos.casework;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Casework settings ({@code cityos.casework.*}).
 *
 * @param duplicateMetres how near an open case of the same category must be to be linked as a likely duplicate
 * @param duplicateWithin how recent it must be
 * @param maxAttachment the largest photo or document taken
 * @param onSiteMetres how near the case the inspector's GPS must be for an on-site check to pass
 * @param geocodeConfidence the least confidence at which an address given without a point is placed on the map
 * @param seed fill empty dispatch-rule and intake-policy tables from the reference files at start
 */
@ConfigurationProperties("cityos.casework")
public record CaseworkProperties(
        @DefaultValue("200") double duplicateMetres,
        @DefaultValue("72h") Duration duplicateWithin,
        @DefaultValue("10MB") DataSize maxAttachment,
        @DefaultValue("300") double onSiteMetres,
        @DefaultValue("0.6") double geocodeConfidence,
        @DefaultValue("true") boolean seed) {}
