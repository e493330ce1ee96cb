package uk.safeguarding.notification.delivery.probation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.safeguarding.notification.shared.scheduling.Poller;

import java.time.Clock;
import java.time.Duration;

/** The scheduled check: every interval, escalates the probation answers overdue at the clock's "now". */
@Configuration(proxyBeanMethods = false)
public class ProbationConfiguration {

    @Bean
    Poller probationAnswerPoller(ProbationEscalations escalations, Clock clock,
                                 @Value("${notification.probation.interval:PT1M}") Duration interval,
                                 @Value("${notification.probation.enabled:true}") boolean enabled) {
        return new Poller("probation-answers", interval, enabled, () -> escalations.processDue(clock.instant()));
    }
}
