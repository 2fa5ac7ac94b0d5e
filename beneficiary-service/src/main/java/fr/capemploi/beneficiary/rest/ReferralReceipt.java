package fr.capemploi.beneficiary.rest;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a referring partner gets back: the id to quote, nothing of the person. */
@Schema(name = "ReferralReceipt")
public record ReferralReceipt(@Schema(examples = "0f8e5a7c-2a44-4c43-8d55-7c7c2b1e9b11") UUID id) {
}
