package fr.capemploi.localstack.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the 102 Cap emploi of the demo sit: one per département (two in the Nord), INSEE region codes of 2016, so
 * that every region, overseas ones included, has its structures.
 */
record Territory(String department, String region, String city, boolean populous) {

    private static final String TABLE = """
            01 84 Bourg-en-Bresse|03 84 Moulins|07 84 Privas|15 84 Aurillac|26 84 Valence|38 84 Grenoble*|\
            42 84 Saint-Étienne|43 84 Le Puy-en-Velay|63 84 Clermont-Ferrand|69 84 Lyon*|73 84 Chambéry|74 84 Annecy|\
            21 27 Dijon|25 27 Besançon|39 27 Lons-le-Saunier|58 27 Nevers|70 27 Vesoul|71 27 Mâcon|89 27 Auxerre|\
            90 27 Belfort|22 53 Saint-Brieuc|29 53 Quimper|35 53 Rennes*|56 53 Vannes|18 24 Bourges|28 24 Chartres|\
            36 24 Châteauroux|37 24 Tours|41 24 Blois|45 24 Orléans|2A 94 Ajaccio|2B 94 Bastia|\
            08 44 Charleville-Mézières|10 44 Troyes|51 44 Reims|52 44 Chaumont|54 44 Nancy|55 44 Bar-le-Duc|\
            57 44 Metz*|67 44 Strasbourg*|68 44 Mulhouse|88 44 Épinal|02 32 Laon|59 32 Lille*|59 32 Valenciennes|\
            60 32 Beauvais|62 32 Arras*|80 32 Amiens|75 11 Paris*|77 11 Melun*|78 11 Versailles*|91 11 Évry*|\
            92 11 Nanterre*|93 11 Bobigny*|94 11 Créteil*|95 11 Cergy*|14 28 Caen|27 28 Évreux|50 28 Saint-Lô|\
            61 28 Alençon|76 28 Rouen*|16 75 Angoulême|17 75 La Rochelle|19 75 Tulle|23 75 Guéret|24 75 Périgueux|\
            33 75 Bordeaux*|40 75 Mont-de-Marsan|47 75 Agen|64 75 Pau|79 75 Niort|86 75 Poitiers|87 75 Limoges|\
            09 76 Foix|11 76 Carcassonne|12 76 Rodez|30 76 Nîmes|31 76 Toulouse*|32 76 Auch|34 76 Montpellier*|\
            46 76 Cahors|48 76 Mende|65 76 Tarbes|66 76 Perpignan|81 76 Albi|82 76 Montauban|44 52 Nantes*|\
            49 52 Angers|53 52 Laval|72 52 Le Mans|85 52 La Roche-sur-Yon|04 93 Digne-les-Bains|05 93 Gap|06 93 Nice*|\
            13 93 Marseille*|83 93 Toulon*|84 93 Avignon|971 01 Pointe-à-Pitre|972 02 Fort-de-France|973 03 Cayenne|\
            974 04 Saint-Denis|976 06 Mamoudzou""";

    /** The 102 territories, in a fixed order. */
    static List<Territory> all() {
        List<Territory> territories = new ArrayList<>();
        for (String entry : TABLE.split("\\|")) {
            String[] parts = entry.trim().split(" ", 3);
            boolean populous = parts[2].endsWith("*");
            String city = populous ? parts[2].substring(0, parts[2].length() - 1) : parts[2];
            territories.add(new Territory(parts[0], parts[1], city, populous));
        }
        return List.copyOf(territories);
    }
}
