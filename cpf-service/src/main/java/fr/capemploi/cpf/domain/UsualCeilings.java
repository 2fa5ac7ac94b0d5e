package fr.capemploi.cpf.domain;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.capemploi.events.cpf.FundingRequested.Funder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The amounts above which a funder usually refuses or cuts a request (resource {@code usual-funding-ceilings.json}).
 * They are a structure's working knowledge, not regulation, hence data that each structure adjusts.
 */
public final class UsualCeilings {

    public static final String RESOURCE = "usual-funding-ceilings.json";

    public record Ceiling(Funder funder, BigDecimal amount, String source) {
    }

    private record File(List<Ceiling> ceilings) {
    }

    private final Map<Funder, Ceiling> byFunder = new EnumMap<>(Funder.class);

    public UsualCeilings(List<Ceiling> ceilings) {
        for (Ceiling ceiling : ceilings) {
            if (byFunder.put(ceiling.funder(), ceiling) != null) {
                throw new IllegalArgumentException("two usual ceilings for " + ceiling.funder());
            }
        }
    }

    public Optional<Ceiling> of(Funder funder) {
        return Optional.ofNullable(byFunder.get(funder));
    }

    public static UsualCeilings fromClasspath() {
        try (InputStream in = UsualCeilings.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing");
            }
            File file = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, File.class);
            return new UsualCeilings(file.ceilings());
        } catch (IOException e) {
            throw new UncheckedIOException("resource " + RESOURCE + " cannot be read", e);
        }
    }
}
