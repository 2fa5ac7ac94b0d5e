package fr.capemploi.beneficiary.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A validity period whose end ({@code validUntil}) is not before its start ({@code validFrom}). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidityPeriod.Validator.class)
public @interface ValidityPeriod {

    String message() default "must not be before validFrom";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidityPeriod, BoeRecognitionDetails> {
        @Override
        public boolean isValid(BoeRecognitionDetails value, ConstraintValidatorContext context) {
            if (value == null || value.validFrom() == null || value.validUntil() == null
                    || !value.validUntil().isBefore(value.validFrom())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("validUntil").addConstraintViolation();
            return false;
        }
    }
}
