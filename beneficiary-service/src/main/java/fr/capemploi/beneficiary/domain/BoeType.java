package fr.capemploi.beneficiary.domain;

/**
 * The ground of the obligation d'emploi (code du travail, L5212-13). Health data (GDPR art. 9): stored here only,
 * never published; events say BOE yes/no.
 */
public enum BoeType {
    /** Reconnaissance de la qualité de travailleur handicapé. */
    RQTH,
    /** Rente d'accident du travail ou de maladie professionnelle (IPP of 10 % or more). */
    WORK_ACCIDENT_ANNUITY,
    /** Pension d'invalidité (working capacity reduced by two thirds). */
    INVALIDITY_PENSION,
    /** Pension militaire d'invalidité and assimilated. */
    MILITARY_INVALIDITY_PENSION,
    /** Allocation or rente of volunteer firefighters. */
    VOLUNTEER_FIREFIGHTER_ALLOWANCE,
    /** Carte mobilité inclusion, mention invalidité. */
    CMI_INVALIDITY,
    /** Allocation aux adultes handicapés. */
    AAH
}
