package fr.capemploi.reporting.domain;

import java.util.Map;

/** The French words reports print for the categorical values events carry. */
public final class FrenchTerms {

    private static final Map<String, String> TERMS = Map.ofEntries(
            // orientation sources
            Map.entry("POLE_EMPLOI", "Pôle emploi"),
            Map.entry("MISSION_LOCALE", "Mission Locale"),
            Map.entry("APEC", "APEC"),
            Map.entry("OPACIF", "OPACIF"),
            Map.entry("EMPLOYER", "Employeur"),
            Map.entry("OCCUPATIONAL_PHYSICIAN", "Médecin du travail"),
            Map.entry("SPONTANEOUS", "Démarche spontanée"),
            Map.entry("OTHER_CEP_OPERATOR", "Autre opérateur CEP"),
            Map.entry("UNKNOWN", "Non renseigné"),
            // exit reasons
            Map.entry("SUSTAINABLE_JOB", "Emploi durable"),
            Map.entry("TEMPORARY_JOB", "Emploi temporaire"),
            Map.entry("TRAINING", "Formation"),
            Map.entry("MOVED", "Déménagement"),
            Map.entry("REFERRED_ELSEWHERE", "Orientation vers une autre structure"),
            Map.entry("HEALTH_OR_INACTIVITY", "Santé ou inactivité"),
            Map.entry("DROPPED_OUT", "Abandon"),
            // CEP outcomes
            Map.entry("ENGAGE_PROJECT", "S'engager dans un projet"),
            Map.entry("START_TRAINING", "Entrer en formation"),
            Map.entry("JOB_SEARCH", "Rechercher un emploi"),
            Map.entry("KEEP_SITUATION", "Conserver sa situation"),
            Map.entry("NONE_OR_ABANDON", "Pas de décision ou abandon"),
            // levels and services
            Map.entry("level-1", "Niveau 1 : accueil individualisé"),
            Map.entry("level-2", "Niveau 2 : conseil personnalisé"),
            Map.entry("level-3", "Niveau 3 : accompagnement à la mise en œuvre"),
            Map.entry("service-DISABILITY_BARRIERS_REMOVAL", "Levée des freins liés au handicap"),
            Map.entry("service-PROJECT_ELABORATION_AND_VALIDATION", "Élaboration et validation de projet"),
            Map.entry("service-TRAINING_PROJECT", "Définition, mise en œuvre et suivi d'un projet de formation"),
            Map.entry("service-JOB_SEARCH_SUPPORT", "Accompagnement vers l'emploi"),
            Map.entry("service-JOB_RETENTION", "Maintien dans l'emploi"),
            // PMSMP and alternance
            Map.entry("DISCOVER_JOB", "Découvrir un métier"),
            Map.entry("CONFIRM_PROJECT", "Confirmer un projet professionnel"),
            Map.entry("START_RECRUITMENT", "Initier une démarche de recrutement"),
            Map.entry("APPRENTICESHIP", "Contrat d'apprentissage"),
            Map.entry("PROFESSIONALISATION", "Contrat de professionnalisation"),
            // trainings not implemented
            Map.entry("NO_AIF_BUDGET_AND_INSUFFICIENT_CPF_HOURS",
                    "Pas de mobilisation possible de l'AIF par défaut d'enveloppe et pas assez d'heures CPF"),
            Map.entry("TRAINING_LONGER_THAN_ONE_YEAR", "Formation longue de plus d'un an"),
            Map.entry("NOT_CPF_ELIGIBLE_NO_INDIVIDUAL_FUNDING",
                    "Formation non éligible au CPF et pas de financement individuel"),
            Map.entry("SLOW_CO_FUNDING_ANSWERS", "Lenteur des réponses sur les co-financements"),
            Map.entry("COST_TOO_HIGH", "Montant de formation trop important"),
            Map.entry("FUNDER_QUESTIONED_PROJECT", "Remise en question du projet par les financeurs"),
            Map.entry("cpf-funded", "dont financées par le CPF"),
            // funders and decisions
            Map.entry("CPF", "CPF"),
            Map.entry("AIF_POLE_EMPLOI", "AIF Pôle emploi"),
            Map.entry("AGEFIPH", "Agefiph"),
            Map.entry("FIPHFP", "FIPHFP"),
            Map.entry("REGION", "Région"),
            Map.entry("OPCA", "OPCA"),
            Map.entry("PERSONAL", "Financement personnel"),
            Map.entry("GRANTED", "Accordées"),
            Map.entry("PARTLY_GRANTED", "Accordées partiellement"),
            Map.entry("REFUSED", "Refusées"),
            Map.entry("WITHDRAWN", "Retirées"),
            // CPF consent modalities
            Map.entry("SIGNED_STANDARD_LETTER", "Courrier type signé par la personne"),
            Map.entry("INTERVIEW_SYNTHESIS_GIVEN", "Synthèse d'entretien remise à la personne"),
            Map.entry("CPF_SYSTEM_SCREENSHOT", "Impression de l'écran depuis le SI CPF"),
            Map.entry("AIF_REQUEST_SIGNATURE", "Signature de la demande d'AIF auprès de Pôle emploi"),
            Map.entry("COLLECTED_BY_POLE_EMPLOI", "Déjà recueilli par Pôle emploi"),
            // professionalisation actions and mutualised offers (declarations)
            Map.entry("AFPA_LEVEL3_AND_FINANCIAL_ENGINEERING", "Formation sur le 3ème niveau de CEP et l'ingénierie "
                    + "financière de formation délivrée par l'AFPA et financée par l'AGEFIPH et le FIPHFP"),
            Map.entry("REGIONAL_AGEFIPH_FIPHFP_TRAINING", "Formation CEP / guider et accompagner l'orientation des "
                    + "travailleurs handicapés vers des choix professionnels élargis (formations régionales financées "
                    + "par le FIPHFP et l'AGEFIPH)"),
            Map.entry("HANDI_FORMATION", "Formation via le centre de formation de CHEOPS, HANDI FORMATION : impacts "
                    + "et mise en œuvre du CEP"),
            Map.entry("INTERNAL_WITH_CEP_KIT", "Formation en interne via les outils mis à disposition de CHEOPS"),
            Map.entry("SPRO", "Formations organisées dans le cadre du SPRO"),
            Map.entry("CARIF_OREF", "Formations des CARIF OREF"),
            Map.entry("INTER_OPERATOR_CROSS_KNOWLEDGE", "Connaissance réciproque des offres de services des "
                    + "opérateurs CEP"),
            Map.entry("OTHER", "Autre"));

    private FrenchTerms() {
    }

    public static String of(String key) {
        if (key == null) {
            return "Non renseigné";
        }
        if (key.startsWith("funder-")) {
            return of(key.substring("funder-".length()));
        }
        return TERMS.getOrDefault(key, key);
    }
}
