package fr.capemploi.localstack.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * One calibrated row: the seed's figure for an indicator and period, and the tolerance the demo promises. Declared
 * figures (FTE) and averages within 1 % of the seed; percentages within 2 points; counts of the whole network (PMSMP,
 * alternance) scale with the demo's scale and are met within 1 %.
 */
public record Calibration(String label, String period, String indicatorId, BigDecimal seed, Kind kind) {

    public enum Kind { FIGURE, PERCENT, SCALED_COUNT }

    public static final List<Calibration> ROWS = List.of(
            figure("ETP conseillers niveau 1 seulement", "2016-H1", "declared-fte-level1-only", "35.72"),
            figure("ETP conseillers niveaux 2 et 3 seulement", "2016-H1", "declared-fte-levels-2-3-only", "146.55"),
            figure("ETP conseillers sur les 3 niveaux", "2016-H1", "declared-fte-all-levels", "529.43"),
            figure("Total ETP conseillers CEP", "2016-H1", "declared-fte-total", "711.70"),
            figure("ETP fonction support", "2016-H1", "declared-fte-support", "101.72"),
            figure("Taille moyenne du portefeuille", "2016-H1", "average-portfolio", "161"),
            percent("Actions de professionnalisation", "2016-H1", "professionalisation-actions", "83"),
            percent("Formation systématique des nouveaux conseillers", "2016-H1", "systematic-training", "47"),
            figure("Jours de formation CEP par conseiller", "2016-H1", "cep-training-days-per-counsellor", "2.66"),
            percent("Offre de formation mutualisée", "2016-H1", "mutualised-offer-used", "41"),
            percent("Au moins une formation sur le CEP", "2016-H1", "at-least-one-cep-training", "96"),
            percent("Cap emploi traçant le 1er niveau", "2016-H1", "structures-tracing-level1", "51"),
            percent("Cap emploi déclarant délivrer le 1er niveau", "2016-H1", "structures-declaring-level1", "73"),
            percent("Conseillers délivrant du CEP", "2016-H1", "counsellors-delivering-cep", "91"),
            percent("Cap emploi saisissant le CEP", "2016-H1", "structures-recording-cep", "85"),
            percent("Accompagnés informés sur le CEP", "2016-H1", "informed-about-cep", "89"),
            percent("CPF présenté aux accompagnés", "2016-H1", "cpf-presented", "96"),
            percent("Ouvertures de compte CPF accompagnées", "2016-H1", "cpf-opening-assisted", "89"),
            percent("Accords de mobilisation du CPF recueillis", "2016-H1", "cpf-consent-collected", "85"),
            percent("Cap emploi avec une formation non mise en œuvre", "2016-H1",
                    "structures-training-not-implemented", "47"),
            percent("Nouvelles ingénieries financières", "2016-H1", "structures-new-financial-engineering", "44"),
            percent("Sans nouveau financeur", "2016-H1", "structures-no-new-funder", "83"),
            percent("Entrées orientées par Pôle emploi", "2016-H1", "entries-by-orientation-source", "90"),
            new Calibration("PMSMP prescrites en 2016", "2016", "pmsmp-prescribed", new BigDecimal("11753"),
                    Kind.SCALED_COUNT),
            new Calibration("Contrats en alternance en 2016", "2016", "alternance-done", new BigDecimal("3881"),
                    Kind.SCALED_COUNT),
            figure("ETP conseillers niveau 1 seulement", "2015", "declared-fte-level1-only", "28.02"),
            figure("ETP conseillers niveaux 2 et 3 seulement", "2015", "declared-fte-levels-2-3-only", "123.40"),
            figure("ETP conseillers sur les 3 niveaux", "2015", "declared-fte-all-levels", "487.25"),
            figure("Total ETP conseillers CEP", "2015", "declared-fte-total", "638.67"),
            figure("ETP fonction support", "2015", "declared-fte-support", "91.64"),
            figure("Taille moyenne du portefeuille", "2015", "average-portfolio", "170"));

    private static Calibration figure(String label, String period, String id, String seed) {
        return new Calibration(label, period, id, new BigDecimal(seed), Kind.FIGURE);
    }

    private static Calibration percent(String label, String period, String id, String seed) {
        return new Calibration(label, period, id, new BigDecimal(seed), Kind.PERCENT);
    }

    /** The figure to reach at a scale: the seed's, scaled for counts of the whole network. */
    public BigDecimal target(double scale) {
        return kind == Kind.SCALED_COUNT
                ? BigDecimal.valueOf(Math.max(1, Math.round(seed.doubleValue() * scale)))
                : seed;
    }

    public boolean withinTolerance(BigDecimal value, double scale) {
        if (value == null) {
            return false;
        }
        BigDecimal target = target(scale);
        BigDecimal gap = value.subtract(target).abs();
        return switch (kind) {
            case PERCENT -> gap.compareTo(new BigDecimal("2")) <= 0;
            case FIGURE, SCALED_COUNT -> gap.compareTo(target.multiply(new BigDecimal("0.01"))
                    .setScale(4, RoundingMode.HALF_UP)) <= 0;
        };
    }
}
