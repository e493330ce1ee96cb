package uk.safeguarding.platform.time;

import jakarta.validation.Validator;
import jakarta.validation.constraints.PastOrPresent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PlatformClockTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(PlatformClockAutoConfiguration.class, ValidationAutoConfiguration.class));

    @Test
    void withoutAnOffsetTheClockIsTheSystemClock() {
        // (blank, as the suite's own -Dplatform.clock.offset would otherwise move it)
        context.withPropertyValues("platform.clock.offset=").run(c -> assertThat(c.getBean(Clock.class).instant())
                .isCloseTo(Instant.now(), within(Duration.ofSeconds(5))));
    }

    @Test
    void anOffsetMovesEveryServicesClockByThatDuration() {
        context.withPropertyValues("platform.clock.offset=P400D").run(c -> assertThat(c.getBean(Clock.class).instant())
                .isCloseTo(Instant.now().plus(Duration.ofDays(400)), within(Duration.ofSeconds(5))));
        context.withPropertyValues("platform.clock.offset=-PT6H").run(c -> assertThat(c.getBean(Clock.class).instant())
                .isCloseTo(Instant.now().minus(Duration.ofHours(6)), within(Duration.ofSeconds(5))));
    }

    @Test
    void aServiceThatDeclaresItsOwnClockKeepsIt() {
        Clock fixed = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        context.withBean(Clock.class, () -> fixed).withPropertyValues("platform.clock.offset=P400D")
                .run(c -> assertThat(c.getBean(Clock.class)).isSameAs(fixed));
    }

    record Report(@PastOrPresent Instant reportedAt) {
    }

    @Test
    void beanValidationReadsTheMovedClock() {
        // given a report dated 200 days from the machine's today
        Report report = new Report(Instant.now().plus(Duration.ofDays(200)));
        // then it is in the future on the machine's clock, and in the past on a clock moved 400 days on
        context.withPropertyValues("platform.clock.offset=")
                .run(c -> assertThat(c.getBean(Validator.class).validate(report)).hasSize(1));
        context.withPropertyValues("platform.clock.offset=P400D")
                .run(c -> assertThat(c.getBean(Validator.class).validate(report)).isEmpty());
    }

    @Test
    void aMalformedOffsetStopsStartupNamingTheSettingAndItsForm() {
        assertThatThrownBy(() -> PlatformClock.offset("400 days"))
                .hasMessageContaining("platform.clock.offset").hasMessageContaining("P400D");
        context.withPropertyValues("platform.clock.offset=1 year").run(c -> assertThat(c).hasFailed());
    }

    @Test
    void blankMeansNoOffset() {
        assertThat(PlatformClock.offset(null)).isZero();
        assertThat(PlatformClock.offset(" ")).isZero();
        assertThat(PlatformClock.offset("P1DT2H")).isEqualTo(Duration.ofHours(26));
    }
}
