package fr.capemploi.reporting.domain;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The indicator catalogue: the identifiers the code names. What readers see of each indicator is data, in the
 * resource {@value #RESOURCE}: the number of the group of the product specification's catalogue (itself drawn from
 * the CNEFOP survey) it belongs to, its unit, its French label and definition. The way each one is computed lives in
 * its SQL resource, {@code indicators/<id>.sql}. A constant without its entry in the resource stops the class from
 * loading, rather than answering an indicator without a label.
 */
public enum Indicator {
    STRUCTURES_REGISTERED("structures-registered"),

    CEP_BENEFICIARIES("cep-beneficiaries"),
    ACCOMPANIMENTS_OPENED("accompaniments-opened"),
    ACCOMPANIMENTS_CLOSED("accompaniments-closed"),

    STRUCTURES_TRACING_LEVEL1("structures-tracing-level1"),
    STRUCTURES_DECLARING_LEVEL1("structures-declaring-level1"),

    COUNSELLORS_DELIVERING_CEP("counsellors-delivering-cep"),

    STRUCTURES_RECORDING_CEP("structures-recording-cep"),

    INFORMED_ABOUT_CEP("informed-about-cep"),

    CPF_PRESENTED("cpf-presented"),
    CPF_OPENING_ASSISTED("cpf-opening-assisted"),
    CPF_CONSENT_COLLECTED("cpf-consent-collected"),

    PMSMP_PRESCRIBED("pmsmp-prescribed"),
    PMSMP_DONE("pmsmp-done"),
    ALTERNANCE_PRESCRIBED("alternance-prescribed"),
    ALTERNANCE_DONE("alternance-done"),

    TRAININGS_NOT_IMPLEMENTED("trainings-not-implemented"),
    STRUCTURES_TRAINING_NOT_IMPLEMENTED("structures-training-not-implemented"),
    STRUCTURES_NEW_FINANCIAL_ENGINEERING("structures-new-financial-engineering"),
    STRUCTURES_NO_NEW_FUNDER("structures-no-new-funder"),
    TRAININGS_STARTED("trainings-started"),
    FUNDING_DECISIONS("funding-decisions"),
    FUNDING_DELAY_MEDIAN("funding-delay-median"),
    FUNDING_DELAY_P90("funding-delay-p90"),

    ENTRIES_BY_ORIENTATION_SOURCE("entries-by-orientation-source"),
    EXITS_BY_REASON("exits-by-reason"),
    CEP_DECISION_TAKEN("cep-decision-taken"),

    AVERAGE_PORTFOLIO("average-portfolio"),

    DECLARED_FTE_LEVEL1_ONLY("declared-fte-level1-only"),
    DECLARED_FTE_LEVELS23_ONLY("declared-fte-levels-2-3-only"),
    DECLARED_FTE_ALL_LEVELS("declared-fte-all-levels"),
    DECLARED_FTE_TOTAL("declared-fte-total"),
    DECLARED_FTE_SUPPORT("declared-fte-support"),

    PROFESSIONALISATION_ACTIONS("professionalisation-actions"),
    SYSTEMATIC_TRAINING("systematic-training"),
    CEP_TRAINING_DAYS_PER_COUNSELLOR("cep-training-days-per-counsellor"),
    MUTUALISED_OFFER_USED("mutualised-offer-used"),
    AT_LEAST_ONE_CEP_TRAINING("at-least-one-cep-training");

    public static final String RESOURCE = "indicator-catalogue.json";

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

    /** One indicator as the resource describes it. */
    public record Entry(String id, int group, Unit unit, String label, String definition) {
        public Entry {
            if (id == null || unit == null || label == null || label.isBlank() || definition == null
                    || definition.isBlank()) {
                throw new IllegalArgumentException("indicator " + id + " needs a unit, a label and a definition");
            }
        }
    }

    private final Entry entry;

    Indicator(String id) {
        this.entry = Optional.ofNullable(Catalogue.ENTRIES.get(id))
                .orElseThrow(() -> new IllegalStateException(RESOURCE + " has no entry for indicator " + id));
    }

    public static Optional<Indicator> byId(String id) {
        return Arrays.stream(values()).filter(i -> i.id().equals(id)).findFirst();
    }

    public int group() {
        return entry.group();
    }

    public String id() {
        return entry.id();
    }

    public Unit unit() {
        return entry.unit();
    }

    public String label() {
        return entry.label();
    }

    public String definition() {
        return entry.definition();
    }

    /** The resource, read once when the first constant is built (an enum's own static fields are not yet there). */
    static final class Catalogue {

        record Resource(List<Entry> indicators) {
        }

        static final Map<String, Entry> ENTRIES = read();

        private Catalogue() {
        }

        private static Map<String, Entry> read() {
            try (InputStream in = Indicator.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("indicator catalogue resource " + RESOURCE + " is missing");
                }
                return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                        .readValue(in, Resource.class).indicators().stream()
                        .collect(Collectors.toMap(Entry::id, Function.identity()));
            } catch (IOException e) {
                throw new UncheckedIOException("indicator catalogue resource " + RESOURCE + " cannot be read", e);
            }
        }
    }
}
