package fr.capemploi.events.beneficiary;

import fr.capemploi.events.PersonEvent;
import java.util.UUID;

/** A consent given or withdrawn: the consent is the aggregate, the person the key. */
public interface ConsentEvent extends PersonEvent {

    UUID consentId();

    @Override
    default UUID aggregateId() {
        return consentId();
    }
}
