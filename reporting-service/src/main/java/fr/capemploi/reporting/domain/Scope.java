package fr.capemploi.reporting.domain;

import java.util.UUID;

/** Where an indicator is measured: the whole network, one INSEE region, or one structure. */
public record Scope(Kind kind, String id) {

    public enum Kind { NATIONAL, REGION, STRUCTURE }

    public static Scope national() {
        return new Scope(Kind.NATIONAL, "");
    }

    public static Scope region(String code) {
        return new Scope(Kind.REGION, code);
    }

    public static Scope structure(UUID structureId) {
        return new Scope(Kind.STRUCTURE, structureId.toString());
    }

    public String kindName() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
