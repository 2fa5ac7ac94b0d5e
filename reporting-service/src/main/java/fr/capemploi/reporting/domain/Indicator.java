package fr.capemploi.reporting.domain;

/**
 * The indicator catalogue: identifiers, French labels and definitions, written once. The numbering follows the
 * catalogue of the product specification, itself drawn from the CNEFOP survey.
 */
public enum Indicator {
    STRUCTURES_REGISTERED("structures-registered", "Cap emploi enregistrés",
            "Nombre de structures Cap emploi inscrites dans l'annuaire au dernier jour de la période "
                    + "(dénominateur des taux de couverture et des parts de structures).");

    private final String id;
    private final String label;
    private final String definition;

    Indicator(String id, String label, String definition) {
        this.id = id;
        this.label = label;
        this.definition = definition;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public String definition() {
        return definition;
    }
}
