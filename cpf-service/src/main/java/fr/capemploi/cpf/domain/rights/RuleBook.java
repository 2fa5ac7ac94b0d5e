package fr.capemploi.cpf.domain.rights;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The CPF rules as effective-dated data (resource {@code cpf-rules.json}): accrual per activity year and category,
 * the 2019 conversion of hours into euros, and the holder's co-payment. A change in the regulation is a new row of
 * that file, never a branch in the calculator.
 */
public record RuleBook(List<AccrualRule> accrualRules, List<ConversionRule> conversions, List<CoPaymentRule> coPayments) {

    public static final String RESOURCE = "cpf-rules.json";

    public RuleBook {
        accrualRules = List.copyOf(accrualRules);
        conversions = conversions.stream().sorted(Comparator.comparing(ConversionRule::on)).toList();
        coPayments = coPayments.stream().sorted(Comparator.comparing(CoPaymentRule::from)).toList();
    }

    /** Who a rule is for; a person may fall in several categories, and the most favourable rule applies. */
    public enum Category { GENERAL, LOW_QUALIFIED, BOE, ESAT }

    public enum Unit { HOURS, EUROS }

    /**
     * How a year of part-time work is credited: {@code PROPORTIONAL} to the share of a full-time year (2015-2018),
     * in full from half-time upwards and proportionally below it ({@code BELOW_HALF_TIME}, since 2019), or in full
     * for any year of admission ({@code NONE}, ESAT).
     */
    public enum ProRata { PROPORTIONAL, BELOW_HALF_TIME, NONE }

    public enum Exemption { JOB_SEEKER, EMPLOYER_CO_FUNDING }

    /** One band of a tiered accrual: {@code rate} per full year while the balance is below {@code upTo}. */
    public record Tier(BigDecimal rate, BigDecimal upTo) {
        public Tier {
            Objects.requireNonNull(rate, "rate");
            Objects.requireNonNull(upTo, "upTo");
        }
    }

    public record AccrualRule(String id, String label, String source, Category category, int activityYearFrom,
            Integer activityYearTo, Unit unit, List<Tier> tiers, BigDecimal ceiling, ProRata proRata,
            BigDecimal referenceHours, int roundingScale) {

        public AccrualRule {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(source, "source of " + id);
            Objects.requireNonNull(category, "category of " + id);
            Objects.requireNonNull(unit, "unit of " + id);
            Objects.requireNonNull(ceiling, "ceiling of " + id);
            Objects.requireNonNull(proRata, "proRata of " + id);
            Objects.requireNonNull(referenceHours, "referenceHours of " + id);
            tiers = tiers.stream().sorted(Comparator.comparing(Tier::upTo)).toList();
            if (tiers.isEmpty()) {
                throw new IllegalArgumentException("rule " + id + " has no tier");
            }
        }

        public boolean appliesTo(int activityYear) {
            return activityYear >= activityYearFrom && (activityYearTo == null || activityYear <= activityYearTo);
        }
    }

    public record ConversionRule(String id, String label, String source, LocalDate on, BigDecimal eurosPerHour) {
        public ConversionRule {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(source, "source of " + id);
            Objects.requireNonNull(on, "on of " + id);
            Objects.requireNonNull(eurosPerHour, "eurosPerHour of " + id);
        }
    }

    public record CoPaymentRule(String id, String label, String source, LocalDate from, LocalDate to, BigDecimal amount,
            Set<Exemption> exemptions) {
        public CoPaymentRule {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(source, "source of " + id);
            Objects.requireNonNull(from, "from of " + id);
            Objects.requireNonNull(amount, "amount of " + id);
            exemptions = exemptions == null ? Set.of() : Set.copyOf(exemptions);
        }

        public boolean appliesOn(LocalDate date) {
            return !date.isBefore(from) && (to == null || !date.isAfter(to));
        }
    }

    public List<AccrualRule> accrualRulesFor(int activityYear, Set<Category> categories) {
        return accrualRules.stream().filter(r -> r.appliesTo(activityYear) && categories.contains(r.category())).toList();
    }

    /** The first activity year any rule covers: the CPF did not exist before it. */
    public int firstActivityYear() {
        return accrualRules.stream().mapToInt(AccrualRule::activityYearFrom).min().orElseThrow();
    }

    /** The conversion of hours into euros in force on a date, if hours were converted by then. */
    public Optional<ConversionRule> conversionBy(LocalDate date) {
        return conversions.stream().filter(c -> !c.on().isAfter(date)).reduce((first, second) -> second);
    }

    public Optional<ConversionRule> firstConversion() {
        return conversions.stream().findFirst();
    }

    /**
     * The co-payment rule of a purchase date. After the last known period the last known amount is returned:
     * the amount is revalued every 1 January and the caller says that it may be outdated.
     */
    public Optional<CoPaymentRule> coPaymentOn(LocalDate date) {
        Optional<CoPaymentRule> exact = coPayments.stream().filter(r -> r.appliesOn(date)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        return coPayments.stream().filter(r -> r.to() != null && r.to().isBefore(date)).reduce((a, b) -> b);
    }

    public static RuleBook fromClasspath() {
        return fromClasspath(RESOURCE);
    }

    public static RuleBook fromClasspath(String resource) {
        try (InputStream in = RuleBook.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("CPF rules resource " + resource + " is missing");
            }
            return READER.readValue(in, RuleBook.class);
        } catch (IOException e) {
            throw new UncheckedIOException("CPF rules resource " + resource + " cannot be read", e);
        }
    }

    private static final ObjectMapper READER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
}
