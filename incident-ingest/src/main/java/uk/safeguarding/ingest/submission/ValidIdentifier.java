package uk.safeguarding.ingest.submission;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import uk.safeguarding.schemas.contract.IdentifierRules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The identifier's value has the format its scheme demands; the violation is reported on {@code value}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidIdentifier.Validator.class)
public @interface ValidIdentifier {

    String message() default "must be a valid identifier for its scheme";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidIdentifier, IncidentSubmission.Identifier> {
        @Override
        public boolean isValid(IncidentSubmission.Identifier id, ConstraintValidatorContext context) {
            if (id == null || id.scheme() == null || id.value() == null || id.value().isBlank()) {
                return true; // @NotNull / @NotBlank report these
            }
            String reason = switch (id.scheme()) {
                case UPN -> IdentifierRules.isUniquePupilNumber(id.value()) ? null
                        : "must be a unique pupil number: a capital letter then 12 digits";
                case NHS_NUMBER -> IdentifierRules.isNhsNumber(id.value()) ? null
                        : "must be an NHS number: 10 digits with a valid modulus-11 check digit";
                default -> null;
            };
            if (reason == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(reason).addPropertyNode("value").addConstraintViolation();
            return false;
        }
    }
}
