package fr.capemploi.cpf.domain;

/** What the counsellor did about the CPF account: helped to open it, or found it already open. */
public enum OpeningStep { ASSISTED, ALREADY_OPEN }
