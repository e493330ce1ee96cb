package uk.safeguarding.notification.shared.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.safeguarding.notification.shared.scheduling.Poller;

import java.time.Duration;

/** The audit relay's poller: the outbox of disclosure_audit to audit.disclosures. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    Poller auditRelayPoller(AuditRelay relay,
                            @Value("${notification.audit.relay-interval:PT0.5S}") Duration interval,
                            @Value("${notification.audit.relay-enabled:true}") boolean enabled) {
        return new Poller("audit-relay", interval, enabled, relay::relay);
    }
}
