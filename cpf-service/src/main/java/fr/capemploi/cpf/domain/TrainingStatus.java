package fr.capemploi.cpf.domain;

/** Where a training project stands: planned, then started and completed, or abandoned before it started. */
public enum TrainingStatus { PLANNED, STARTED, COMPLETED, NOT_IMPLEMENTED }
