package fr.capemploi.platform.domain;

import fr.capemploi.platform.problem.ConflictException;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/**
 * When a consent holds: from the day it was given until it is withdrawn, once, and not before it was given. The
 * registry's GDPR consents and the CPF mobilisation consents are different consents (scope, legal ground, who asks),
 * but they run this same course; both tables keep it in {@code given_on} and {@code withdrawn_on}.
 */
@Embeddable
public class ConsentTerm {

    private LocalDate givenOn;

    private LocalDate withdrawnOn;

    protected ConsentTerm() {
    }

    public ConsentTerm(LocalDate givenOn) {
        this.givenOn = givenOn;
    }

    /**
     * @param consent the consent in the words of a refusal, e.g. {@code "Consent 3f2a..."}
     * @throws ConflictException when it was withdrawn already
     * @throws RuleViolation     on {@code withdrawnOn} when {@code on} is before the day it was given
     */
    public void withdraw(LocalDate on, String consent) {
        if (withdrawnOn != null) {
            throw new ConflictException(consent + " was already withdrawn on " + withdrawnOn);
        }
        if (on.isBefore(givenOn)) {
            throw new RuleViolation("withdrawnOn", "must not be before the day the consent was given, " + givenOn);
        }
        withdrawnOn = on;
    }

    /** Not withdrawn (whatever the day). */
    public boolean active() {
        return withdrawnOn == null;
    }

    /** In force on a day: given on or before it and not withdrawn by then. */
    public boolean inForceOn(LocalDate day) {
        return !givenOn.isAfter(day) && (withdrawnOn == null || withdrawnOn.isAfter(day));
    }

    public LocalDate givenOn() {
        return givenOn;
    }

    public LocalDate withdrawnOn() {
        return withdrawnOn;
    }
}
