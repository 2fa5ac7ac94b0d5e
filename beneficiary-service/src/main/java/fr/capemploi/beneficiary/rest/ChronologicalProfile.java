package fr.capemploi.beneficiary.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * Dates of a profile in a possible order: born in 1900 or later, before entering the accompaniment. Each broken
 * rule names its own field.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ChronologicalProfile.Validator.class)
public @interface ChronologicalProfile {

    LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    String message() default "dates are not in a possible order";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The dates the rule reads. */
    interface Dated {
        LocalDate birthDate();

        LocalDate entryDate();
    }

    class Validator implements ConstraintValidator<ChronologicalProfile, Dated> {
        @Override
        public boolean isValid(Dated value, ConstraintValidatorContext context) {
            if (value == null || value.birthDate() == null) {
                return true;
            }
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            if (value.birthDate().isBefore(EARLIEST_BIRTH)) {
                context.buildConstraintViolationWithTemplate("must be on or after 1900-01-01")
                        .addPropertyNode("birthDate").addConstraintViolation();
                valid = false;
            }
            if (value.entryDate() != null && !value.birthDate().isBefore(value.entryDate())) {
                context.buildConstraintViolationWithTemplate("must be before the entry date")
                        .addPropertyNode("birthDate").addConstraintViolation();
                valid = false;
            }
            return valid;
        }
    }
}
