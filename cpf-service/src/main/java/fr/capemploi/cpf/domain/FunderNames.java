package fr.capemploi.cpf.domain;

import fr.capemploi.events.cpf.FundingRequested.Funder;

/** Funders as counsellors name them, for French texts. */
public final class FunderNames {

    private FunderNames() {
    }

    public static String french(Funder funder) {
        return switch (funder) {
            case CPF -> "le CPF";
            case AIF_POLE_EMPLOI -> "Pôle emploi (AIF)";
            case AGEFIPH -> "l'Agefiph";
            case FIPHFP -> "le FIPHFP";
            case REGION -> "la Région";
            case OPCA -> "l'OPCA";
            case OPACIF -> "l'OPACIF";
            case EMPLOYER -> "l'employeur";
            case PERSONAL -> "la personne";
            case OTHER -> "l'autre financeur";
        };
    }
}
