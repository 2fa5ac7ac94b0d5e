package fr.capemploi.cep.rest;

import fr.capemploi.cep.domain.FrenchLabels;
import fr.capemploi.cep.service.LiaisonSheet;
import fr.capemploi.cep.service.SynthesisDossier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Prints the fiche de liaison and the dossier de synthèse, in French, as their readers know them. */
final class PdfDocuments {

    private static final String CEP = "Conseil en évolution professionnelle (arrêté du 16 juillet 2014)";

    private PdfDocuments() {
    }

    static byte[] liaisonSheet(LiaisonSheet sheet, LocalDate today) {
        PdfLayout pdf = new PdfLayout("Fiche de liaison", CEP + " — niveau 1", sheet.structure().display(),
                "Fiche de liaison du CEP — " + sheet.structure().display() + " — éditée le " + FrenchLabels.date(today));
        pdf.title("Fiche de liaison");
        pdf.subtitle("Conseil en évolution professionnelle — niveau 1 : accueil individualisé");

        pdf.section("Opérateur émetteur");
        pdf.field("Structure", sheet.structure().display());
        pdf.field("Conseiller", sheet.counsellor().display());

        pdf.section("Contact");
        pdf.field("Date du contact", FrenchLabels.date(sheet.contactDate()));
        pdf.field("Canal", sheet.channelLabel());
        pdf.field("Demande de la personne", sheet.requestLabel());

        pdf.section("Personne orientée");
        if (sheet.anonymous()) {
            pdf.field("Personne", "Personne anonyme : aucune donnée personnelle n'est transmise");
        } else {
            // the sheet goes to another operator: the person's identity goes with their agreement, not on it
            pdf.paragraph("Les données d'identité de la personne sont communiquées par la structure émettrice, "
                    + "avec son accord, par un canal sécurisé.");
        }

        pdf.section("Orientation");
        pdf.field("Orientée vers", sheet.routedToLabel());
        pdf.paragraph("Cette fiche accompagne la personne vers l'opérateur du conseil en évolution professionnelle "
                + "indiqué ci-dessus, qui poursuit l'analyse de sa demande.");
        return pdf.toBytes();
    }

    static byte[] synthesisDossier(SynthesisDossier dossier, LocalDate today) {
        PdfLayout pdf = new PdfLayout("Dossier de synthèse", CEP + " — " + dossier.levelLabel(),
                dossier.structure().display(), "Dossier de synthèse du CEP — " + dossier.structure().display()
                        + " — édité le " + FrenchLabels.date(today));
        pdf.title("Dossier de synthèse");
        pdf.subtitle("Conseil en évolution professionnelle — " + dossier.levelLabel());

        pdf.section("Personne accompagnée");
        pdf.field("Nom", dossier.beneficiary().display());
        if (dossier.beneficiary().birthDate() != null) {
            pdf.field("Date de naissance", FrenchLabels.date(dossier.beneficiary().birthDate()));
        }

        pdf.section("Accompagnement");
        pdf.field("Structure", dossier.structure().display());
        pdf.field("Conseiller référent", dossier.referentCounsellor().display());
        pdf.field("Service Cap emploi", dossier.capEmploiServiceLabel());
        pdf.field("Niveau du CEP", dossier.levelLabel());
        pdf.field("Début de l'accompagnement", FrenchLabels.date(dossier.startDate()));
        pdf.field("Information sur le CEP", dossier.cepInformedOn() == null ? "Non renseignée"
                : "Donnée le " + FrenchLabels.date(dossier.cepInformedOn()));
        for (SynthesisDossier.LevelStep step : dossier.levelChanges()) {
            pdf.field("Changement de niveau", "Du niveau " + step.fromLevel() + " au niveau " + step.toLevel() + " le "
                    + FrenchLabels.date(step.changedOn()));
        }

        pdf.section("Diagnostic d'entrée");
        pdf.field("Date du diagnostic", FrenchLabels.date(dossier.diagnostic().diagnosedOn()));
        pdf.field("Axe de travail", dossier.diagnostic().workAxisLabel());
        pdf.field("Freins identifiés", dossier.diagnostic().barriers().isEmpty() ? "Aucun"
                : String.join(", ", dossier.diagnostic().barriers()));

        pdf.section("Projet d'évolution professionnelle");
        pdf.paragraph(dossier.synthesis().project());
        pdf.section("Stratégie");
        pdf.paragraph(dossier.synthesis().strategy());

        pdf.section("Plan d'actions");
        if (dossier.actionPlan().isEmpty()) {
            pdf.paragraph("Aucune action n'est inscrite au plan d'actions.");
        }
        for (SynthesisDossier.ActionLine action : dossier.actionPlan()) {
            pdf.bullet(action.kindLabel() + (action.label() == null ? "" : " — " + action.label()), true);
            pdf.indented(actionDates(action));
            if (!action.details().isEmpty()) {
                pdf.indented(action.details());
            }
        }

        pdf.section("Entretiens");
        SynthesisDossier.Interviews interviews = dossier.interviews();
        pdf.paragraph(interviews.count() == 0 ? "Aucun entretien enregistré."
                : interviews.count() + (interviews.count() == 1 ? " entretien" : " entretiens") + ", "
                        + interviews.totalMinutes() + " minutes au total ; dernier entretien le "
                        + FrenchLabels.date(interviews.lastHeldOn()) + ".");

        pdf.section("Décision");
        if (dossier.decision() == null) {
            pdf.paragraph("Accompagnement en cours : la décision de la personne sera consignée à la clôture.");
        } else {
            pdf.field("Clôture", FrenchLabels.date(dossier.decision().closedOn()));
            pdf.field("Issue", dossier.decision().outcomeLabel());
            pdf.field("Décision prise", FrenchLabels.yesNo(dossier.decision().decisionTaken()));
        }

        pdf.section("Remise du dossier");
        pdf.field("Remis le", FrenchLabels.date(dossier.synthesis().issuedOn()));
        pdf.field("Version", Integer.toString(dossier.synthesis().revision()));
        pdf.field("Par", dossier.synthesis().counsellor().display());
        return pdf.toBytes();
    }

    private static String actionDates(SynthesisDossier.ActionLine action) {
        List<String> parts = new ArrayList<>();
        parts.add(action.statusLabel() + (action.statusOn() == null ? "" : " le " + FrenchLabels.date(action.statusOn())));
        parts.add("prescrite le " + FrenchLabels.date(action.plannedOn()));
        if (action.startDate() != null) {
            parts.add(action.endDate() == null ? "à partir du " + FrenchLabels.date(action.startDate())
                    : "du " + FrenchLabels.date(action.startDate()) + " au " + FrenchLabels.date(action.endDate()));
        }
        return String.join(" ; ", parts);
    }
}
