package uk.safeguarding.notification.delivery.escalation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.safeguarding.notification.shared.scheduling.Poller;

import java.time.Clock;
import java.time.Duration;

/** The escalation scheduler: every interval, escalates and breaches what is due at the clock's "now". */
@Configuration(proxyBeanMethods = false)
public class EscalationConfiguration {

    @Bean
    Poller escalationPoller(Escalations escalations, Clock clock,
                            @Value("${notification.escalation.interval:PT30S}") Duration interval,
                            @Value("${notification.escalation.enabled:true}") boolean enabled) {
        return new Poller("escalation", interval, enabled, () -> escalations.processDue(clock.instant()));
    }

    /** The deadline gauges (at risk, breached, deliveries by state): one query every interval. */
    @Bean
    Poller deadlineGaugesPoller(DeadlineGauges gauges, Clock clock,
                                @Value("${notification.metrics.refresh-interval:PT1M}") Duration interval,
                                @Value("${notification.metrics.enabled:true}") boolean enabled) {
        return new Poller("deadline-gauges", interval, enabled, () -> gauges.refresh(clock.instant()));
    }
}
