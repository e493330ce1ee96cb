package uk.safeguarding.notification.delivery;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The clock delivery, deadlines and escalation read "now" from. Tests replace it with one they move, so a deadline
 * passing is a step in the test, not a wait.
 */
@Configuration(proxyBeanMethods = false)
public class DeliveryClock {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }
}
