package fr.capemploi.beneficiary.rest;

import fr.capemploi.beneficiary.domain.Nir;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A NIR with a matching control key; absent is valid. The message never repeats the number. */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidNir.Validator.class)
public @interface ValidNir {

    String message() default "is not a valid NIR";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidNir, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            return Nir.problemWith(value).map(problem -> {
                context.disableDefaultConstraintViolation();
                // the template language must not interpret anything: the message is ours, not the caller's
                context.buildConstraintViolationWithTemplate(problem.replace("{", "(").replace("}", ")").replace("$", ""))
                        .addConstraintViolation();
                return false;
            }).orElse(true);
        }
    }
}
