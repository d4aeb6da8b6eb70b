package org.cityos.casework;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rate formula's settings ({@code cityos.casework.rates.*}); see {@link RateFormula} for what each means.
 *
 * @param responseWeight weight of the response rate in the composite
 * @param resolutionWeight weight of the resolution rate
 * @param satisfactionWeight weight of the satisfaction rate
 * @param basicallySatisfiedWeight how much a 基本满意 counts
 * @param emptyRate REWEIGHT (a rate without denominator is null and left out of the composite) or FULL (100%)
 * @param topCategoryLength the length of a top-level category code
 */
@ConfigurationProperties("cityos.casework.rates")
public record RateProperties(
        @DefaultValue("0.10") double responseWeight,
        @DefaultValue("0.45") double resolutionWeight,
        @DefaultValue("0.45") double satisfactionWeight,
        @DefaultValue("0.8") double basicallySatisfiedWeight,
        @DefaultValue("REWEIGHT") RateFormula.EmptyRate emptyRate,
        @DefaultValue("2") int topCategoryLength) {

    public RateFormula formula() {
        return new RateFormula(
                responseWeight,
                resolutionWeight,
                satisfactionWeight,
                basicallySatisfiedWeight,
                emptyRate,
                topCategoryLength);
    }
}
