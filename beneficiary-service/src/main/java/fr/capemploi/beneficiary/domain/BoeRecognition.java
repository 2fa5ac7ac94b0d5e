package fr.capemploi.beneficiary.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;

/**
 * The person's BOE recognition: its ground and validity ({@code validUntil} absent when granted for life). Stored with
 * the person, in the {@code boe_} columns.
 */
@Embeddable
public record BoeRecognition(
        @Enumerated(EnumType.STRING) @Column(name = "boe_type") BoeType type,
        @Column(name = "boe_valid_from") LocalDate validFrom,
        @Column(name = "boe_valid_until") LocalDate validUntil) {
}
