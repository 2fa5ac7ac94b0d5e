package fr.capemploi.reporting.domain;

/**
 * The indicator catalogue: identifiers, French labels and definitions, written once. {@code group} is the number of
 * the catalogue of the product specification (itself drawn from the CNEFOP survey) the indicator belongs to; the
 * way each one is computed lives in its SQL resource, {@code indicators/<id>.sql}, next to nothing else.
 */
public enum Indicator {
    STRUCTURES_REGISTERED(0, "structures-registered", Unit.COUNT, "Cap emploi enregistrés",
            "Nombre de structures Cap emploi inscrites dans l'annuaire au dernier jour de la période "
                    + "(dénominateur des taux de couverture et des parts de structures). Détail par région."),

    CEP_BENEFICIARIES(1, "cep-beneficiaries", Unit.COUNT, "Bénéficiaires du CEP",
            "Personnes distinctes ayant bénéficié du CEP dans la période : niveau 1 (contact de niveau 1 daté de la "
                    + "période ; un contact anonyme compte pour une personne), niveaux 2 et 3 (niveau détenu pendant la "
                    + "période par un accompagnement actif ; une personne compte à chaque niveau détenu). Détail par "
                    + "niveau et par service Cap emploi."),
    ACCOMPANIMENTS_OPENED(1, "accompaniments-opened", Unit.COUNT, "Accompagnements CEP ouverts",
            "Accompagnements CEP (niveaux 2 et 3) dont la date de début est dans la période. Détail par niveau."),
    ACCOMPANIMENTS_CLOSED(1, "accompaniments-closed", Unit.COUNT, "Accompagnements CEP clôturés",
            "Accompagnements CEP clôturés à une date de la période. Détail par issue."),

    STRUCTURES_TRACING_LEVEL1(2, "structures-tracing-level1", Unit.PERCENT, "Cap emploi traçant le 1er niveau du CEP",
            "Part des Cap emploi enregistrés en fin de période ayant enregistré au moins un contact de niveau 1 "
                    + "daté de la période."),
    STRUCTURES_DECLARING_LEVEL1(2, "structures-declaring-level1", Unit.PERCENT,
            "Cap emploi déclarant délivrer le 1er niveau du CEP",
            "Part des Cap emploi ayant déclaré pour la période délivrer le 1er niveau (même non tracé), parmi ceux "
                    + "ayant répondu à la question."),

    COUNSELLORS_DELIVERING_CEP(3, "counsellors-delivering-cep", Unit.PERCENT, "Conseillers délivrant du CEP",
            "Part des conseillers actifs dans la période ayant au moins un acte CEP dans la période (contact de "
                    + "niveau 1, entretien, ou accompagnement actif dont ils sont référents)."),

    STRUCTURES_RECORDING_CEP(4, "structures-recording-cep", Unit.PERCENT, "Cap emploi saisissant le CEP",
            "Part des Cap emploi enregistrés en fin de période ayant au moins un accompagnement CEP actif dans la "
                    + "période."),

    INFORMED_ABOUT_CEP(5, "informed-about-cep", Unit.PERCENT, "Bénéficiaires accompagnés informés sur le CEP",
            "Part des bénéficiaires accompagnés (accompagnement actif dans la période) informés sur le CEP à une date "
                    + "antérieure ou égale à la fin de la période."),

    CPF_PRESENTED(6, "cpf-presented", Unit.PERCENT, "Bénéficiaires accompagnés à qui le CPF a été présenté",
            "Part des bénéficiaires accompagnés à qui le CPF a été présenté au plus tard en fin de période."),
    CPF_OPENING_ASSISTED(6, "cpf-opening-assisted", Unit.PERCENT, "Ouvertures de compte CPF accompagnées",
            "Part des bénéficiaires accompagnés dont l'ouverture du compte CPF a été accompagnée au plus tard en fin "
                    + "de période."),
    CPF_CONSENT_COLLECTED(6, "cpf-consent-collected", Unit.PERCENT, "Accords de mobilisation du CPF recueillis",
            "Part des bénéficiaires accompagnés dont l'accord exprès de mobilisation du CPF a été recueilli au plus "
                    + "tard en fin de période. Détail par modalité de recueil."),

    PMSMP_PRESCRIBED(7, "pmsmp-prescribed", Unit.COUNT, "PMSMP prescrites",
            "Périodes de mise en situation en milieu professionnel dont la date de prescription est dans la période. "
                    + "Détail par objet."),
    PMSMP_DONE(7, "pmsmp-done", Unit.COUNT, "PMSMP réalisées",
            "PMSMP dont la date de réalisation est dans la période. Détail par objet."),
    ALTERNANCE_PRESCRIBED(7, "alternance-prescribed", Unit.COUNT, "Contrats en alternance prescrits",
            "Contrats d'apprentissage et de professionnalisation prescrits dans la période. Détail par type."),
    ALTERNANCE_DONE(7, "alternance-done", Unit.COUNT, "Contrats en alternance réalisés",
            "Contrats d'apprentissage et de professionnalisation réalisés (signés) dans la période. Détail par type."),

    TRAININGS_NOT_IMPLEMENTED(8, "trainings-not-implemented", Unit.COUNT, "Formations non mises en œuvre",
            "Projets de formation déclarés non mis en œuvre à une date de la période. Détail par motif (un projet "
                    + "peut avoir plusieurs motifs)."),
    STRUCTURES_TRAINING_NOT_IMPLEMENTED(8, "structures-training-not-implemented", Unit.PERCENT,
            "Cap emploi ayant eu au moins une formation non mise en œuvre",
            "Part des Cap emploi enregistrés ayant au moins un projet de formation non mis en œuvre dans la période."),
    STRUCTURES_NEW_FINANCIAL_ENGINEERING(8, "structures-new-financial-engineering", Unit.PERCENT,
            "Cap emploi mobilisant de nouvelles ingénieries financières",
            "Part des Cap emploi enregistrés ayant au moins un projet de formation combinant le CPF et un autre "
                    + "financeur, compté dans la période de sa première décision de financement."),
    STRUCTURES_NO_NEW_FUNDER(8, "structures-no-new-funder", Unit.PERCENT,
            "Cap emploi n'ayant pas fait appel à de nouveaux financeurs",
            "Part des Cap emploi déclarant pour la période ne pas avoir fait appel à de nouveaux financeurs, parmi "
                    + "ceux ayant répondu."),
    TRAININGS_STARTED(8, "trainings-started", Unit.COUNT, "Formations entrées",
            "Projets de formation dont la formation a commencé à une date de la période. Détail : financées par le "
                    + "CPF."),
    FUNDING_DECISIONS(8, "funding-decisions", Unit.COUNT, "Décisions de financement",
            "Réponses des financeurs (ou retraits) datées de la période. Détail par décision et par financeur."),
    FUNDING_DELAY_MEDIAN(8, "funding-delay-median", Unit.STATISTIC, "Délai médian de réponse des financeurs (jours)",
            "Médiane du délai entre demande et réponse des décisions de financement de la période (retraits exclus). "
                    + "Détail par financeur ; le dénominateur est le nombre de réponses."),
    FUNDING_DELAY_P90(8, "funding-delay-p90", Unit.STATISTIC, "Délai de réponse des financeurs, 9e décile (jours)",
            "90e centile du délai entre demande et réponse des décisions de financement de la période (retraits "
                    + "exclus). Détail par financeur."),

    ENTRIES_BY_ORIENTATION_SOURCE(9, "entries-by-orientation-source", Unit.PERCENT,
            "Entrées orientées par Pôle emploi",
            "Part des entrées de la période (date d'entrée) orientées par Pôle emploi. Détail : nombre et part des "
                    + "entrées par origine de l'orientation."),
    EXITS_BY_REASON(9, "exits-by-reason", Unit.COUNT, "Sorties",
            "Sorties de la période (date de sortie). Détail par motif."),
    CEP_DECISION_TAKEN(9, "cep-decision-taken", Unit.PERCENT, "CEP réussis (décision prise)",
            "Part des accompagnements CEP clôturés dans la période où la personne a pris une décision. Détail par "
                    + "issue."),

    AVERAGE_PORTFOLIO(10, "average-portfolio", Unit.RATIO, "Taille moyenne du portefeuille d'un conseiller référent",
            "Bénéficiaires présents (entrés, non sortis) au dernier jour de la période, rattachés à leur référent à "
                    + "cette date, divisés par le nombre de conseillers référents d'au moins un bénéficiaire."),

    DECLARED_FTE_LEVEL1_ONLY(11, "declared-fte-level1-only", Unit.SUM,
            "Nombre de conseillers CEP en ETP intervenant uniquement sur le niveau 1",
            "Somme des ETP déclarés pour la période par les Cap emploi ayant répondu."),
    DECLARED_FTE_LEVELS23_ONLY(11, "declared-fte-levels-2-3-only", Unit.SUM,
            "Nombre de conseillers CEP en ETP intervenant uniquement sur les niveaux 2 et 3",
            "Somme des ETP déclarés pour la période par les Cap emploi ayant répondu."),
    DECLARED_FTE_ALL_LEVELS(11, "declared-fte-all-levels", Unit.SUM,
            "Nombre de conseillers CEP en ETP intervenant sur les 3 niveaux",
            "Somme des ETP déclarés pour la période par les Cap emploi ayant répondu."),
    DECLARED_FTE_TOTAL(11, "declared-fte-total", Unit.SUM, "Total ETP conseillers CEP",
            "Somme des ETP conseillers déclarés pour la période par les Cap emploi ayant répondu."),
    DECLARED_FTE_SUPPORT(11, "declared-fte-support", Unit.SUM,
            "Nombre d'ETP assurant une fonction support à la mise en œuvre du CEP",
            "Somme des ETP support (appui administratif, coordination, expert…) déclarés pour la période."),

    PROFESSIONALISATION_ACTIONS(12, "professionalisation-actions", Unit.PERCENT,
            "Cap emploi ayant engagé des actions de professionnalisation",
            "Part des Cap emploi ayant déclaré pour la période des actions de professionnalisation, parmi ceux ayant "
                    + "déclaré. Détail par action."),
    SYSTEMATIC_TRAINING(12, "systematic-training", Unit.PERCENT,
            "Formation systématique des nouveaux conseillers au CEP",
            "Part des Cap emploi dont le plan de formation prévoit une formation systématique au CEP pour tout "
                    + "nouveau conseiller, parmi ceux ayant déclaré."),
    CEP_TRAINING_DAYS_PER_COUNSELLOR(12, "cep-training-days-per-counsellor", Unit.RATIO,
            "Jours de formation spécifiques au CEP par conseiller",
            "Jours de formation CEP déclarés divisés par le nombre de conseillers formés déclaré, sur les Cap emploi "
                    + "ayant renseigné les deux."),
    MUTUALISED_OFFER_USED(12, "mutualised-offer-used", Unit.PERCENT,
            "Cap emploi mobilisant une offre de formation CEP mutualisée ou inter-opérateurs",
            "Part des Cap emploi ayant mobilisé une offre mutualisée, parmi ceux ayant répondu. Détail par nature."),
    AT_LEAST_ONE_CEP_TRAINING(12, "at-least-one-cep-training", Unit.PERCENT,
            "Cap emploi ayant mobilisé au moins une formation sur le CEP",
            "Part des Cap emploi ayant déclaré au moins une formation sur le CEP, parmi ceux ayant déclaré.");

    /** How a value derives from its numerator and denominator. */
    public enum Unit {
        /** a count: the numerator */
        COUNT,
        /** a percentage: 100 × numerator / denominator, one decimal */
        PERCENT,
        /** an average: numerator / denominator, two decimals */
        RATIO,
        /** a sum of declared figures: the numerator */
        SUM,
        /** a statistic (median, percentile) computed over the denominator's items: the numerator */
        STATISTIC
    }

    private final int group;
    private final String id;
    private final Unit unit;
    private final String label;
    private final String definition;

    Indicator(int group, String id, Unit unit, String label, String definition) {
        this.group = group;
        this.id = id;
        this.unit = unit;
        this.label = label;
        this.definition = definition;
    }

    public static java.util.Optional<Indicator> byId(String id) {
        return java.util.Arrays.stream(values()).filter(i -> i.id.equals(id)).findFirst();
    }

    public int group() {
        return group;
    }

    public String id() {
        return id;
    }

    public Unit unit() {
        return unit;
    }

    public String label() {
        return label;
    }

    public String definition() {
        return definition;
    }
}
