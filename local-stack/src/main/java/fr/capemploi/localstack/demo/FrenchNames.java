package fr.capemploi.localstack.demo;

import java.util.List;

/** Common French first and last names, to give the demo's people and counsellors plausible identities. */
final class FrenchNames {

    static final List<String> WOMEN = List.of("Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Sandrine",
            "Valérie", "Christine", "Stéphanie", "Céline", "Véronique", "Sophie", "Aurélie", "Hélène", "Julie",
            "Émilie", "Laetitia", "Camille", "Élodie", "Karine", "Chantal", "Françoise", "Martine", "Nadia",
            "Fatima", "Brigitte", "Patricia", "Anne", "Laure", "Mélanie", "Agnès", "Josiane");
    static final List<String> MEN = List.of("Jean", "Philippe", "Michel", "Alain", "Patrick", "Nicolas",
            "Christophe", "Pierre", "Frédéric", "Éric", "Laurent", "Stéphane", "David", "Olivier", "Sébastien",
            "Thierry", "Julien", "Pascal", "Didier", "Franck", "Bruno", "Mohamed", "Jérôme", "Cédric", "Thomas",
            "Gérard", "Yannick", "François", "Hervé", "Karim", "Régis", "Joël");
    static final List<String> LAST = List.of("Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard",
            "Durand", "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David",
            "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau",
            "Vincent", "Muller", "Lefebvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier",
            "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin",
            "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Marchand", "Duval", "Denis",
            "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun", "Blanchard", "Giraud",
            "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez", "Gérard", "Roche",
            "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron", "Picard", "Roger", "Fabre", "Aubert",
            "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe", "Bourgeois", "Pierre", "Benoît",
            "Rey", "Leclerc", "Payet", "Rolland", "Leclercq", "Guillaume", "Lecomte", "Hoarau", "Ben Ali");

    private FrenchNames() {
    }
}
