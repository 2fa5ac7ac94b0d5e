package fr.capemploi.beneficiary.rest;

import fr.capemploi.beneficiary.domain.Contact;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
@Schema(name = "Contact", description = "How to reach the person; personal data, never published")
public record ContactDetails(
        @Email @Size(max = 254) @Schema(examples = "helene.martin@example.fr") String email,
        @Size(max = 20) @Pattern(regexp = "^(0[1-9][0-9]{8}|\\+[1-9][0-9]{7,14})$",
                message = "must be a French number of 10 digits (0612345678) or an international one (+33612345678)")
        @Schema(examples = "0612345678") String phone,
        @Valid PostalAddress address) {

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    @Schema(name = "PostalAddress")
    public record PostalAddress(
            @Size(max = 200) @Schema(examples = "12 rue des Lilas") String street,
            @Size(max = 5) @Pattern(regexp = "^[0-9]{5}$", message = "must be a French postal code of 5 digits")
            @Schema(examples = "75011") String postalCode,
            @Size(max = 100) @Schema(examples = "Paris") String city) {
    }

    Contact toContact() {
        return address == null ? new Contact(email, phone, null, null, null)
                : new Contact(email, phone, address.street(), address.postalCode(), address.city());
    }

    static ContactDetails of(Contact contact) {
        if (contact == null || contact.isEmpty()) {
            return null;
        }
        boolean noAddress = contact.street() == null && contact.postalCode() == null && contact.city() == null;
        return new ContactDetails(contact.email(), contact.phone(),
                noAddress ? null : new PostalAddress(contact.street(), contact.postalCode(), contact.city()));
    }
}
