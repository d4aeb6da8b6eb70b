package org.cityos.simulator.scenario;

/**
 * What a scenario changes on the people's side of the city — citizens who call and handlers who work cases —
 * beside the physical {@link org.cityos.simulator.conditions.CityConditions}. Implemented by the citizens package.
 */
public interface CaseLevers {
    /** Files the burst's requests now. */
    void fileComplaints(ScenarioStep.Complaints burst);

    /** Makes a unit's handlers stop (or resume) signing what is dispatched to them. */
    void stopSigning(String unit, boolean stopped);
}
