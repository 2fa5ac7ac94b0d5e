package fr.capemploi.beneficiary.domain;

import jakarta.persistence.Embeddable;

/** How to reach the person; every part is optional. Stored with the person. */
@Embeddable
public record Contact(String email, String phone, String street, String postalCode, String city) {

    public static final Contact NONE = new Contact(null, null, null, null, null);

    public boolean isEmpty() {
        return email == null && phone == null && street == null && postalCode == null && city == null;
    }
}
