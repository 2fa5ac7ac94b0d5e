package fr.capemploi.cpf.service;

/** A training funded by the CPF cannot start without the holder's consent to mobilise it. */
public class ConsentMissingException extends RuntimeException {
    public ConsentMissingException(String detail) {
        super(detail);
    }
}
