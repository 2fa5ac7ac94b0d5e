package fr.capemploi.beneficiary.domain;

import java.util.Arrays;
import java.util.Optional;

/** The regions of France since 2016, by INSEE code; every structure belongs to one. */
public enum Region {
    GUADELOUPE("01", "Guadeloupe"),
    MARTINIQUE("02", "Martinique"),
    GUYANE("03", "Guyane"),
    LA_REUNION("04", "La Réunion"),
    MAYOTTE("06", "Mayotte"),
    ILE_DE_FRANCE("11", "Île-de-France"),
    CENTRE_VAL_DE_LOIRE("24", "Centre-Val de Loire"),
    BOURGOGNE_FRANCHE_COMTE("27", "Bourgogne-Franche-Comté"),
    NORMANDIE("28", "Normandie"),
    HAUTS_DE_FRANCE("32", "Hauts-de-France"),
    GRAND_EST("44", "Grand Est"),
    PAYS_DE_LA_LOIRE("52", "Pays de la Loire"),
    BRETAGNE("53", "Bretagne"),
    NOUVELLE_AQUITAINE("75", "Nouvelle-Aquitaine"),
    OCCITANIE("76", "Occitanie"),
    AUVERGNE_RHONE_ALPES("84", "Auvergne-Rhône-Alpes"),
    PROVENCE_ALPES_COTE_D_AZUR("93", "Provence-Alpes-Côte d'Azur"),
    CORSE("94", "Corse");

    private final String inseeCode;
    private final String label;

    Region(String inseeCode, String label) {
        this.inseeCode = inseeCode;
        this.label = label;
    }

    public String inseeCode() {
        return inseeCode;
    }

    public String label() {
        return label;
    }

    public static Optional<Region> ofInseeCode(String code) {
        return Arrays.stream(values()).filter(r -> r.inseeCode.equals(code)).findFirst();
    }
}
