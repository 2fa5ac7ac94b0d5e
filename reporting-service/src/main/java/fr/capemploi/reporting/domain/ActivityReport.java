package fr.capemploi.reporting.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The quarterly activity report (rapport d'activité trimestriel) of a structure, a region or the nation, in
 * sections of French-labelled lines, each drawn from an indicator of the catalogue, as recorded by {@code asOf} (the
 * instant used, echoed to the reader).
 */
public record ActivityReport(String period,
        Instant asOf,
        List<Section> sections) {

    public static final List<Indicator> INDICATORS = List.of(
            Indicator.ENTRIES_BY_ORIENTATION_SOURCE, Indicator.AVERAGE_PORTFOLIO, Indicator.EXITS_BY_REASON,
            Indicator.CEP_BENEFICIARIES, Indicator.ACCOMPANIMENTS_OPENED, Indicator.ACCOMPANIMENTS_CLOSED,
            Indicator.CEP_DECISION_TAKEN, Indicator.PMSMP_PRESCRIBED, Indicator.PMSMP_DONE,
            Indicator.ALTERNANCE_PRESCRIBED, Indicator.ALTERNANCE_DONE, Indicator.TRAININGS_STARTED,
            Indicator.TRAININGS_NOT_IMPLEMENTED, Indicator.FUNDING_DECISIONS, Indicator.FUNDING_DELAY_MEDIAN,
            Indicator.FUNDING_DELAY_P90);

    public record Section(String key, String title, List<Line> lines) {
    }

    /** One line: {@code key} is stable (indicator id, then the breakdown key), the label is French. */
    public record Line(String key, String label, BigDecimal value) {
    }

    public static ActivityReport of(ReportingPeriod period, Instant asOf, List<IndicatorValue> values) {
        Map<Indicator, IndicatorValue> v = values.stream()
                .collect(Collectors.toMap(IndicatorValue::indicator, Function.identity()));
        List<Section> sections = new ArrayList<>();

        IndicatorValue entries = v.get(Indicator.ENTRIES_BY_ORIENTATION_SOURCE);
        List<Line> entryLines = new ArrayList<>();
        entryLines.add(new Line("entries", "Entrées de la période", entries.denominator()));
        parts(entries, "entries", "Entrées orientées par : ", entryLines);
        sections.add(new Section("entries", "Entrées par origine de l'orientation", entryLines));

        IndicatorValue portfolio = v.get(Indicator.AVERAGE_PORTFOLIO);
        sections.add(new Section("portfolio", "Portefeuille", List.of(
                new Line("portfolio.beneficiaries", "Bénéficiaires présents en fin de période", portfolio.numerator()),
                new Line("portfolio.referents", "Conseillers référents", portfolio.denominator()),
                new Line("portfolio.average", "Taille moyenne du portefeuille", portfolio.value()))));

        IndicatorValue exits = v.get(Indicator.EXITS_BY_REASON);
        List<Line> exitLines = new ArrayList<>();
        exitLines.add(new Line("exits", "Sorties de la période", exits.value()));
        parts(exits, "exits", "Sorties : ", exitLines);
        sections.add(new Section("exits", "Sorties par motif", exitLines));

        List<Line> cep = new ArrayList<>();
        line(v.get(Indicator.CEP_BENEFICIARIES), "Bénéficiaires du CEP (personnes distinctes)", "", cep);
        line(v.get(Indicator.ACCOMPANIMENTS_OPENED), "Accompagnements CEP ouverts", null, cep);
        line(v.get(Indicator.ACCOMPANIMENTS_CLOSED), "Accompagnements CEP clôturés", null, cep);
        cep.add(new Line("cep-decision-taken", "CEP clôturés avec décision prise",
                v.get(Indicator.CEP_DECISION_TAKEN).numerator()));
        sections.add(new Section("cep", "CEP par niveau", cep));

        List<Line> pmsmp = new ArrayList<>();
        line(v.get(Indicator.PMSMP_PRESCRIBED), "PMSMP prescrites", "Prescrites pour : ", pmsmp);
        line(v.get(Indicator.PMSMP_DONE), "PMSMP réalisées", null, pmsmp);
        sections.add(new Section("pmsmp", "Périodes de mise en situation en milieu professionnel", pmsmp));

        List<Line> alternance = new ArrayList<>();
        line(v.get(Indicator.ALTERNANCE_PRESCRIBED), "Contrats en alternance prescrits", null, alternance);
        line(v.get(Indicator.ALTERNANCE_DONE), "Contrats en alternance réalisés", "Réalisés : ", alternance);
        sections.add(new Section("alternance", "Alternance", alternance));

        List<Line> trainings = new ArrayList<>();
        line(v.get(Indicator.TRAININGS_STARTED), "Formations entrées", "", trainings);
        line(v.get(Indicator.TRAININGS_NOT_IMPLEMENTED), "Formations non mises en œuvre", "Motif : ", trainings);
        sections.add(new Section("trainings", "Formations", trainings));

        List<Line> funding = new ArrayList<>();
        line(v.get(Indicator.FUNDING_DECISIONS), "Décisions de financement", "Décisions : ", funding);
        line(v.get(Indicator.FUNDING_DELAY_MEDIAN), "Délai médian de réponse (jours)", "Délai médian (jours) : ",
                funding);
        line(v.get(Indicator.FUNDING_DELAY_P90), "Délai de réponse, 9e décile (jours)", "Délai 9e décile (jours) : ",
                funding);
        sections.add(new Section("funding", "Décisions et délais de financement", funding));

        return new ActivityReport(period.label(), asOf, List.copyOf(sections));
    }

    /**
     * The indicator's line, keyed by its id, with its value; then, when {@code partLabel} is given, a line per key of
     * its breakdown, labelled {@code partLabel} and the key in French.
     */
    private static void line(IndicatorValue value, String label, String partLabel, List<Line> lines) {
        lines.add(new Line(value.indicator().id(), label, value.value()));
        if (partLabel != null) {
            parts(value, value.indicator().id(), partLabel, lines);
        }
    }

    /** Breakdown lines carry counts (the numerator), whatever the unit of the indicator, except statistics. */
    private static void parts(IndicatorValue value, String prefix, String labelPrefix, List<Line> lines) {
        boolean statistic = value.indicator().unit() == Indicator.Unit.STATISTIC;
        value.breakdown().forEach(part -> lines.add(new Line(prefix + "." + part.key(),
                labelPrefix + FrenchTerms.of(part.key()), statistic ? part.value() : part.numerator())));
    }
}
