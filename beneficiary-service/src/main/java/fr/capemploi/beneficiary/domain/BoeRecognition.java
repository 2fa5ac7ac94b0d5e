package fr.capemploi.beneficiary.domain;

import java.time.LocalDate;

/** The person's BOE recognition: its ground and validity ({@code validUntil} absent when granted for life). */
public record BoeRecognition(BoeType type, LocalDate validFrom, LocalDate validUntil) {
}
