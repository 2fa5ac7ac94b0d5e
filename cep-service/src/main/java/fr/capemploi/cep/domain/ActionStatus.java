package fr.capemploi.cep.domain;

/** Life of an action-plan item: planned, then done or cancelled, never back. */
public enum ActionStatus { PLANNED, DONE, CANCELLED }
