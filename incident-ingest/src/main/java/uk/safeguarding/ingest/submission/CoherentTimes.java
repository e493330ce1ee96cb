package uk.safeguarding.ingest.submission;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.Instant;

/**
 * occurredAt and reportedAt are not in the future and the incident did not happen after it was reported. A force's
 * clock may run a little ahead of ours, so {@link #ALLOWED_CLOCK_SKEW} is tolerated. The clock is the validator's
 * ClockProvider, so tests can fix it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CoherentTimes.Validator.class)
public @interface CoherentTimes {

    Duration ALLOWED_CLOCK_SKEW = Duration.ofMinutes(5);

    String message() default "times are not coherent";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CoherentTimes, IncidentSubmission> {
        @Override
        public boolean isValid(IncidentSubmission s, ConstraintValidatorContext context) {
            if (s == null) {
                return true;
            }
            Instant latestAcceptable = context.getClockProvider().getClock().instant().plus(ALLOWED_CLOCK_SKEW);
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            if (s.occurredAt() != null && s.occurredAt().isAfter(latestAcceptable)) {
                violation(context, "occurredAt", "must not be in the future");
                valid = false;
            }
            if (s.reportedAt() != null && s.reportedAt().isAfter(latestAcceptable)) {
                violation(context, "reportedAt", "must not be in the future");
                valid = false;
            }
            if (s.occurredAt() != null && s.reportedAt() != null && s.occurredAt().isAfter(s.reportedAt())) {
                violation(context, "occurredAt", "must not be after reportedAt");
                valid = false;
            }
            return valid;
        }

        private static void violation(ConstraintValidatorContext context, String field, String reason) {
            context.buildConstraintViolationWithTemplate(reason).addPropertyNode(field).addConstraintViolation();
        }
    }
}
