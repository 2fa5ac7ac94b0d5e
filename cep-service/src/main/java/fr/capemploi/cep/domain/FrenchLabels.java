package fr.capemploi.cep.domain;

import fr.capemploi.events.cep.AccompanimentClosed.Outcome;
import fr.capemploi.events.cep.ActionPlanned.ActionKind;
import fr.capemploi.events.cep.ActionPlanned.AlternanceContract;
import fr.capemploi.events.cep.ActionPlanned.PmsmpPurpose;
import fr.capemploi.events.cep.DiagnosticRecorded.Barrier;
import fr.capemploi.events.cep.DiagnosticRecorded.CapEmploiService;
import fr.capemploi.events.cep.DiagnosticRecorded.WorkAxis;
import fr.capemploi.events.cep.InterviewHeld.InterviewMode;
import fr.capemploi.events.cep.Level1ContactRecorded.ContactChannel;
import fr.capemploi.events.cep.Level1ContactRecorded.Level1Request;
import fr.capemploi.events.cep.Level1ContactRouted.CepOperator;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The words French readers of the documents expect, for each code of the domain. */
public final class FrenchLabels {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private FrenchLabels() {
    }

    public static String date(LocalDate date) {
        return date == null ? "—" : DATE.format(date);
    }

    public static String of(ContactChannel channel) {
        return switch (channel) {
            case ON_SITE -> "Sur place";
            case PHONE -> "Téléphone";
            case REMOTE -> "À distance";
        };
    }

    public static String of(Level1Request request) {
        return switch (request) {
            case CEP_INFORMATION -> "Information sur le conseil en évolution professionnelle (CEP)";
            case CPF_INFORMATION -> "Information sur le compte personnel de formation (CPF)";
            case TRAINING_INFORMATION -> "Information sur la formation";
            case JOB_INFORMATION -> "Information sur les métiers et l'emploi";
            case OTHER -> "Autre demande";
        };
    }

    public static String of(CepOperator operator) {
        return switch (operator) {
            case POLE_EMPLOI -> "Pôle emploi";
            case APEC -> "Apec";
            case MISSION_LOCALE -> "Mission locale";
            case OPACIF -> "OPACIF (Fongecif)";
            case OTHER_CAP_EMPLOI -> "Autre Cap emploi";
            case REGIONAL_CEP_OPERATOR -> "Opérateur régional du CEP";
            case OTHER -> "Autre opérateur du CEP";
        };
    }

    public static String of(WorkAxis axis) {
        return switch (axis) {
            case DISABILITY_BARRIERS -> "Levée des freins liés au handicap";
            case PROJECT_ELABORATION -> "Élaboration du projet professionnel";
            case TRAINING_PROJECT -> "Projet de formation";
            case JOB_SEARCH -> "Recherche d'emploi";
            case JOB_RETENTION -> "Maintien dans l'emploi";
        };
    }

    public static String of(Barrier barrier) {
        return switch (barrier) {
            case HEALTH -> "Santé";
            case MOBILITY -> "Mobilité";
            case QUALIFICATION -> "Qualification";
            case INACTIVITY_LENGTH -> "Durée d'inactivité";
            case DIGITAL -> "Usages numériques";
            case LANGUAGE -> "Maîtrise de la langue";
            case SOCIAL -> "Situation sociale";
        };
    }

    public static String of(CapEmploiService service) {
        return switch (service) {
            case DISABILITY_BARRIERS_REMOVAL -> "Levée des freins liés au handicap";
            case PROJECT_ELABORATION_AND_VALIDATION -> "Élaboration et validation de projet";
            case TRAINING_PROJECT -> "Définition, mise en œuvre et suivi d'un projet de formation";
            case JOB_SEARCH_SUPPORT -> "Accompagnement vers l'emploi";
            case JOB_RETENTION -> "Maintien dans l'emploi";
        };
    }

    public static String level(int level) {
        return switch (level) {
            case 1 -> "Niveau 1 — accueil individualisé";
            case 2 -> "Niveau 2 — conseil personnalisé";
            case 3 -> "Niveau 3 — accompagnement personnalisé à la mise en œuvre du projet";
            default -> "Niveau " + level;
        };
    }

    public static String of(ActionKind kind) {
        return switch (kind) {
            case PMSMP -> "Période de mise en situation en milieu professionnel (PMSMP)";
            case ALTERNANCE -> "Contrat en alternance";
            case TRAINING -> "Formation";
            case VAE -> "Validation des acquis de l'expérience (VAE)";
            case PARTIAL_CERTIFICATION -> "Certification partielle";
            case SKILLS_ASSESSMENT -> "Bilan de compétences";
            case PRESTATION -> "Prestation";
            case OTHER -> "Autre action";
        };
    }

    public static String of(PmsmpPurpose purpose) {
        return switch (purpose) {
            case DISCOVER_JOB -> "Découvrir un métier ou un secteur d'activité";
            case CONFIRM_PROJECT -> "Confirmer un projet professionnel";
            case START_RECRUITMENT -> "Initier une démarche de recrutement";
        };
    }

    public static String of(AlternanceContract contract) {
        return switch (contract) {
            case APPRENTICESHIP -> "Contrat d'apprentissage";
            case PROFESSIONALISATION -> "Contrat de professionnalisation";
        };
    }

    public static String of(ActionStatus status) {
        return switch (status) {
            case PLANNED -> "Prévue";
            case DONE -> "Réalisée";
            case CANCELLED -> "Annulée";
        };
    }

    public static String of(Outcome outcome) {
        return switch (outcome) {
            case ENGAGE_PROJECT -> "S'engager dans son projet d'évolution professionnelle";
            case START_TRAINING -> "Entrer en formation";
            case JOB_SEARCH -> "Rechercher un emploi";
            case KEEP_SITUATION -> "Conserver sa situation actuelle";
            case NONE_OR_ABANDON -> "Aucune décision ou abandon";
        };
    }

    public static String of(InterviewMode mode) {
        return switch (mode) {
            case ON_SITE -> "Sur place";
            case PHONE -> "Téléphone";
            case VIDEO -> "Visioconférence";
            case OFF_SITE -> "Hors les murs (permanence)";
        };
    }

    public static String yesNo(boolean value) {
        return value ? "oui" : "non";
    }
}
