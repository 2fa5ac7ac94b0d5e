package fr.capemploi.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The CNEFOP annual survey ("Enquête mise en œuvre CEP rapport annuel CNEFOP") for the Cap emploi network: the rows,
 * French labels and coverage comments of the table the network returned, each generated from the indicators. Values
 * are written the French way (decimal comma), as in the original table.
 */
public record CnefopSurvey(String period, String columnTitle, String title, List<Row> rows) {

    /** Indicators the survey is made of. */
    public static final List<Indicator> INDICATORS = List.of(
            Indicator.DECLARED_FTE_LEVEL1_ONLY, Indicator.DECLARED_FTE_LEVELS23_ONLY, Indicator.DECLARED_FTE_ALL_LEVELS,
            Indicator.DECLARED_FTE_TOTAL, Indicator.AVERAGE_PORTFOLIO, Indicator.DECLARED_FTE_SUPPORT,
            Indicator.PROFESSIONALISATION_ACTIONS, Indicator.SYSTEMATIC_TRAINING,
            Indicator.CEP_TRAINING_DAYS_PER_COUNSELLOR, Indicator.MUTUALISED_OFFER_USED);

    /**
     * One row of the table. {@code value} is the number behind {@code display} (a percentage for yes/no questions),
     * null when no structure answered.
     */
    public record Row(String indicatorId, String label, BigDecimal value, String display, String comment,
            long contributing, long registered) {
    }

    public static CnefopSurvey of(ReportingPeriod period, LocalDate producedOn, List<IndicatorValue> values) {
        Map<Indicator, IndicatorValue> byIndicator = values.stream()
                .collect(Collectors.toMap(IndicatorValue::indicator, Function.identity()));
        String year = period.label().substring(0, 4);
        List<Row> rows = new ArrayList<>();
        rows.add(fte(byIndicator.get(Indicator.DECLARED_FTE_LEVEL1_ONLY),
                "Nombre de conseillers CEP en ETP intervenant uniquement sur le niveau 1 (*)", ""));
        rows.add(fte(byIndicator.get(Indicator.DECLARED_FTE_LEVELS23_ONLY),
                "Nombre de conseillers CEP en ETP intervenant uniquement sur les niveaux 2 et 3 (*)", ""));
        rows.add(fte(byIndicator.get(Indicator.DECLARED_FTE_ALL_LEVELS),
                "Nombre de conseillers CEP en ETP intervenant sur les 3 niveaux (*)", ""));
        rows.add(fte(byIndicator.get(Indicator.DECLARED_FTE_TOTAL), "Total ETP conseillers CEP :",
                " (Attention, il ne s'agit pas d'ETP intervenant directement sur le CEP mais des ETP intervenant sur "
                        + "l'offre de services aux personnes incluant le CEP. Il n'existe pas de requête à ce jour pour "
                        + "déterminer le nombre d'ETP sur le CEP)"));
        IndicatorValue portfolio = byIndicator.get(Indicator.AVERAGE_PORTFOLIO);
        rows.add(new Row(portfolio.indicator().id(),
                "Quelle est la taille moyenne du portefeuille d'un conseiller CEP référent ?", portfolio.value(),
                decimal(portfolio.value(), 2),
                "Attention, il s'agit de la taille moyenne d'un portefeuille services aux personnes Cap emploi dans "
                        + "lequel s'intègre le CEP. Données obtenues sur " + portfolio.coverage().contributing()
                        + " Cap emploi (sur " + portfolio.coverage().registered() + ")",
                portfolio.coverage().contributing(), portfolio.coverage().registered()));
        rows.add(fte(byIndicator.get(Indicator.DECLARED_FTE_SUPPORT),
                "Nombre d'ETP n'intervenant pas directement comme conseiller CEP mais assurant une fonction support à "
                        + "la mise en œuvre du CEP (appui administratif, coordination, expert, etc..) (*)", ""));

        IndicatorValue actions = byIndicator.get(Indicator.PROFESSIONALISATION_ACTIONS);
        StringBuilder actionComment = new StringBuilder();
        if (actions.denominator() != null && actions.denominator().signum() > 0) {
            long yes = actions.numerator().longValue();
            long no = actions.denominator().longValue() - yes;
            actionComment.append(yes).append(" Cap emploi ont répondu oui et ").append(no)
                    .append(" Cap emploi ont répondu non concernant les actions de professionnalisation :");
            actions.breakdown().forEach(part -> actionComment.append("\n- ").append(FrenchTerms.of(part.key()))
                    .append(" (").append(part.numerator().toPlainString()).append(" Cap emploi)"));
        } else {
            actionComment.append(noAnswer(actions));
        }
        rows.add(share(actions, "Avez-vous engagé en " + year + " des actions de professionnalisation pour les "
                + "professionnels mettant en œuvre le CEP ?", actionComment.toString()));

        IndicatorValue systematic = byIndicator.get(Indicator.SYSTEMATIC_TRAINING);
        rows.add(share(systematic, "Votre plan de formation prévoit-il une formation systématique pour tout nouveau "
                + "conseiller intervenant sur le CEP ?", returns(systematic)));

        IndicatorValue days = byIndicator.get(Indicator.CEP_TRAINING_DAYS_PER_COUNSELLOR);
        rows.add(new Row(days.indicator().id(), "Combien les conseillers CEP ont-ils eu de jours de formation "
                + "spécifiques au CEP en moyenne en " + year + " ?", days.value(),
                days.value() == null ? "Non renseigné" : decimal(days.value(), 2) + " jours par conseiller",
                days.coverage().contributing() == 0 ? noAnswer(days)
                        : decimal(days.numerator(), 1) + " jours de formation ont été recensés par les "
                                + days.coverage().contributing() + " Cap emploi ayant répondu à la question (sur "
                                + days.coverage().registered() + ")",
                days.coverage().contributing(), days.coverage().registered()));

        IndicatorValue mutualised = byIndicator.get(Indicator.MUTUALISED_OFFER_USED);
        StringBuilder mutualisedComment = new StringBuilder(returns(mutualised));
        if (!mutualised.breakdown().isEmpty()) {
            mutualisedComment.append("\nNature de l'offre :");
            mutualised.breakdown().forEach(part -> mutualisedComment.append("\n- ").append(FrenchTerms.of(part.key()))
                    .append(" (").append(part.numerator().toPlainString()).append(" Cap emploi)"));
        }
        rows.add(share(mutualised, "Mobilisez-vous, en dehors de votre plan de formation interne, une offre de "
                + "formation dédiée au CEP mutualisée ou inter-opérateurs ? Si oui, précisez la nature de l'offre.",
                mutualisedComment.toString()));

        boolean half = period.label().contains("-H");
        String column = half ? "Année " + year + " (6 mois)" : "Année " + year;
        String title = "Enquête mise en œuvre CEP rapport annuel CNEFOP " + year + " : Nom de l'opérateur : Cap emploi "
                + "Date : " + producedOn.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        return new CnefopSurvey(period.label(), column, title, List.copyOf(rows));
    }

    /**
     * The table with two period columns side by side, earlier first, as the network returned it ("Année 2015" then
     * "Année 2016 (6 mois)"). Title and labels are those of the later period's survey, the one being answered; each
     * cell keeps the value, display text and coverage comment of its own period.
     */
    public record Comparison(String title, List<Column> columns, List<ComparedRow> rows) {

        public static Comparison of(CnefopSurvey first, CnefopSurvey second) {
            ReportingPeriod a = ReportingPeriod.parse(first.period());
            ReportingPeriod b = ReportingPeriod.parse(second.period());
            boolean firstIsEarlier = a.start().isBefore(b.start())
                    || a.start().equals(b.start()) && !a.end().isAfter(b.end());
            CnefopSurvey earlier = firstIsEarlier ? first : second;
            CnefopSurvey later = firstIsEarlier ? second : first;
            if (!earlier.rows().stream().map(Row::indicatorId).toList()
                    .equals(later.rows().stream().map(Row::indicatorId).toList())) {
                throw new IllegalArgumentException("both surveys must have the same rows");
            }
            String earlierTitle = earlier.columnTitle();
            String laterTitle = later.columnTitle();
            // Both halves of one year share "Année 2016 (6 mois)": name the half so the two columns stay apart.
            if (earlierTitle.equals(laterTitle)) {
                earlierTitle = halfTitle(earlier.period());
                laterTitle = halfTitle(later.period());
            }
            List<Column> columns = List.of(new Column(earlier.period(), earlierTitle),
                    new Column(later.period(), laterTitle));
            List<ComparedRow> rows = new ArrayList<>();
            for (int i = 0; i < later.rows().size(); i++) {
                Row e = earlier.rows().get(i);
                Row l = later.rows().get(i);
                rows.add(new ComparedRow(l.indicatorId(), l.label(), List.of(Cell.of(earlier.period(), e),
                        Cell.of(later.period(), l))));
            }
            return new Comparison(later.title(), columns, List.copyOf(rows));
        }

        private static String halfTitle(String period) {
            String year = period.substring(0, 4);
            return period.endsWith("-H1") ? "Année " + year + " (1er semestre)" : "Année " + year + " (2e semestre)";
        }
    }

    /** One period column of a {@link Comparison}. */
    public record Column(String period, String columnTitle) {
    }

    /** A row of a {@link Comparison}: one cell per column, in the columns' order. */
    public record ComparedRow(String indicatorId, String label, List<Cell> cells) {
    }

    /** What one period answers to a row: as {@link Row}, without the label shared by both columns. */
    public record Cell(String period, BigDecimal value, String display, String comment, long contributing,
            long registered) {

        static Cell of(String period, Row row) {
            return new Cell(period, row.value(), row.display(), row.comment(), row.contributing(), row.registered());
        }
    }

    private static Row fte(IndicatorValue value, String label, String caveat) {
        return new Row(value.indicator().id(), label, value.value(), decimal(value.value(), 2),
                returns(value) + caveat, value.coverage().contributing(), value.coverage().registered());
    }

    private static Row share(IndicatorValue value, String label, String comment) {
        String display = value.value() == null ? "Non renseigné"
                : "Oui pour " + value.value().setScale(0, RoundingMode.HALF_UP).toPlainString()
                        + " % des Cap emploi ayant répondu";
        return new Row(value.indicator().id(), label, value.value(), display, comment,
                value.coverage().contributing(), value.coverage().registered());
    }

    /** The seed's coverage comment: "Données obtenues sur 65 retours de Cap emploi (sur 102)". */
    public static String returns(IndicatorValue value) {
        if (value.coverage().contributing() == 0) {
            return noAnswer(value);
        }
        return "Données obtenues sur " + value.coverage().contributing() + " retours de Cap emploi (sur "
                + value.coverage().registered() + ")";
    }

    private static String noAnswer(IndicatorValue value) {
        return "Aucun retour de Cap emploi (sur " + value.coverage().registered() + ")";
    }

    /** French notation: decimal comma, no grouping (spreadsheets read "638,67" as a number). */
    public static String decimal(BigDecimal value, int decimals) {
        if (value == null) {
            return "Non renseigné";
        }
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "0" : "0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.FRANCE));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
