package fr.capemploi.cpf.domain.rights;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A training the person considers buying with the CPF, to work out the co-payment and what is left to fund.
 *
 * @param employerCoFunding the employer tops the CPF up (abondement), directly or under a company, group, branch or
 *                          OPCO agreement
 */
public record TrainingPurchase(LocalDate purchaseDate, BigDecimal cost, boolean jobSeeker, boolean employerCoFunding) {
}
