package fr.capemploi.cpf.domain;

import fr.capemploi.events.cpf.FundingRequested.Funder;

/**
 * An early warning on a training project, mirroring the reasons why trainings were not implemented in the CNEFOP
 * survey. The explanation is in French: counsellors read it.
 *
 * @param funder the funding line concerned, when the warning is about one
 */
public record RiskWarning(Code code, Funder funder, String explanation) {

    public enum Code { LONGER_THAN_ONE_YEAR, NOT_CPF_ELIGIBLE, CPF_BALANCE_SHORT, COST_ABOVE_USUAL_CEILING }
}
