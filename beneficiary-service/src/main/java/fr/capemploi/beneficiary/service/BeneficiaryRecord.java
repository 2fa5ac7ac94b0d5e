package fr.capemploi.beneficiary.service;

import fr.capemploi.beneficiary.domain.Beneficiary;
import fr.capemploi.beneficiary.domain.Nir;

/** A beneficiary as a use case hands it to the web layer: the record and its NIR, decrypted for this answer only. */
public record BeneficiaryRecord(Beneficiary beneficiary, Nir nir) {
}
