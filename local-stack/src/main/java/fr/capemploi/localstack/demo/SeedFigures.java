package fr.capemploi.localstack.demo;

import java.math.BigDecimal;

/**
 * The figures of the seed (CHEOPS' answer to the 2016 CNEFOP survey) the demo reproduces. Shares are fractions;
 * counts are those of the whole network (scale 1).
 */
public final class SeedFigures {

    public static final int STRUCTURES = 102;
    public static final int DECLARING_2016 = 65;
    public static final int DECLARING_2015 = 64;

    public static final int PEOPLE_IN_PORTFOLIOS = 115_000;
    public static final int PORTFOLIO_2016 = 161;
    public static final int PORTFOLIO_2015 = 170;

    /** 2016 (6 months): level 1 only, levels 2-3 only, all levels, support. */
    public static final BigDecimal[] FTE_2016 = {new BigDecimal("35.72"), new BigDecimal("146.55"),
            new BigDecimal("529.43"), new BigDecimal("101.72")};
    public static final BigDecimal[] FTE_2015 = {new BigDecimal("28.02"), new BigDecimal("123.40"),
            new BigDecimal("487.25"), new BigDecimal("91.64")};
    public static final BigDecimal TOTAL_FTE_2016 = new BigDecimal("711.70");
    public static final BigDecimal TOTAL_FTE_2015 = new BigDecimal("638.67");

    public static final double TRACING_LEVEL1 = 0.51;
    public static final double DECLARING_LEVEL1 = 0.73;
    public static final double COUNSELLORS_DELIVERING = 0.91;
    public static final double RECORDING_CEP = 0.85;
    public static final double INFORMED_ABOUT_CEP = 0.89;
    public static final double CPF_PRESENTED = 0.96;
    public static final double CPF_OPENING_ASSISTED = 0.89;
    public static final double CPF_CONSENT = 0.85;
    public static final int PMSMP_2016 = 11_753;
    public static final int ALTERNANCE_2016 = 3_881;
    public static final double TRAINING_NOT_IMPLEMENTED = 0.47;
    public static final double NEW_FINANCIAL_ENGINEERING = 0.44;
    public static final double NO_NEW_FUNDER = 0.83;
    public static final double VIA_POLE_EMPLOI = 0.90;

    public static final double PROFESSIONALISATION = 0.83;
    public static final double SYSTEMATIC_TRAINING = 0.47;
    public static final BigDecimal TRAINING_DAYS = new BigDecimal("151.6");
    public static final int TRAINING_DAYS_STRUCTURES = 52;
    public static final BigDecimal DAYS_PER_COUNSELLOR = new BigDecimal("2.66");
    public static final double MUTUALISED_OFFER = 0.41;
    public static final int MUTUALISED_OFFER_ANSWERS = 64;
    public static final double AT_LEAST_ONE_TRAINING = 0.96;
    /** Answers the activity data cannot give (seed: 75 %, 85 %, 55 %, 82 %). */
    public static final double TRAININGS_FIT_NEEDS = 0.75;
    public static final double CPF_RULES_MASTERED = 0.85;
    public static final double SPRO_TOOLS = 0.55;
    public static final double CEP_KIT_INTERNAL = 0.82;

    private SeedFigures() {
    }
}
