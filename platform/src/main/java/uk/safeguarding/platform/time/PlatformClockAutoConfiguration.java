package uk.safeguarding.platform.time;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;
import java.time.Duration;

/**
 * The {@link Clock} bean of every service ({@link PlatformClock}), and Bean Validation's clock set to it, so that
 * {@code @Past} and "not in the future" checks agree with every other decision about time. A test that moves time
 * itself declares its own Clock bean.
 */
@AutoConfiguration
public class PlatformClockAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlatformClockAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock platformClock(Environment environment) {
        String setting = environment.getProperty(PlatformClock.OFFSET_PROPERTY);
        Duration offset = PlatformClock.offset(setting);
        Clock clock = PlatformClock.of(offset);
        if (!offset.isZero()) {
            log.warn("The platform clock is moved by {}={}: it reads {} now. Every deadline, expiry and retention "
                    + "decision takes this time, not the machine's: for rehearsals, training and tests only.",
                    PlatformClock.OFFSET_PROPERTY, setting.trim(), clock.instant());
        }
        return clock;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "jakarta.validation.Validator")
    static class ValidationClock {
        @Bean
        ValidationConfigurationCustomizer platformValidationClock(Clock clock) {
            return configuration -> configuration.clockProvider(() -> clock);
        }
    }
}
