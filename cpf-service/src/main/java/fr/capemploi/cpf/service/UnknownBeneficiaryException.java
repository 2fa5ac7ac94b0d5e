package fr.capemploi.cpf.service;

import java.util.UUID;

/**
 * The beneficiary named by a request is not one of the caller's structure, or not known yet after the wait for its
 * registration. A beneficiary of another structure is answered the same way, as if it did not exist.
 *
 * @param field where the request named the beneficiary: the path ({@code beneficiaryId}, answered 404) or the body
 *              (answered 422)
 */
public class UnknownBeneficiaryException extends RuntimeException {

    public enum Location { PATH, BODY }

    private final UUID beneficiaryId;
    private final Location location;

    public UnknownBeneficiaryException(UUID beneficiaryId, Location location) {
        super("Beneficiary " + beneficiaryId + " is not known in your structure");
        this.beneficiaryId = beneficiaryId;
        this.location = location;
    }

    public UUID beneficiaryId() {
        return beneficiaryId;
    }

    public Location location() {
        return location;
    }
}
