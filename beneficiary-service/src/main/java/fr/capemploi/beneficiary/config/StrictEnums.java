package fr.capemploi.beneficiary.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Jackson reads a number as an enum's position by default, so {@code "sex": 1} would silently mean MALE. A partner
 * system sending codes of its own must get a 400 naming the field instead.
 */
@Singleton
public class StrictEnums implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }
}
