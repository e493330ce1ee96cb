package uk.safeguarding.notification.delivery.dispatch;

import uk.safeguarding.notification.shared.kafka.AlertBindings;

import uk.safeguarding.notification.shared.scheduling.Poller;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Delivery's moving parts: the consumer function of the six alert topics (bound in notification-service.yml as
 * {@code deliverAlerts}, batch mode, raw bytes, read_committed), and the pollers that send email notices and webhooks
 * and relay status events. Nothing waits for office hours.
 */
@Configuration(proxyBeanMethods = false)
public class DeliveryConfiguration {

    public static final String FUNCTION = AlertBindings.DELIVERY_FUNCTION;

    @Bean
    public Consumer<Message<List<?>>> deliverAlerts(DeliveryBatchConsumer consumer) {
        return consumer::accept;
    }

    /** Email notices: new alerts to key adults, escalations to deputies. */
    @Bean
    Poller emailNoticePoller(EmailNotices notices,
                             @Value("${notification.delivery.dispatch-interval:PT0.25S}") Duration interval,
                             @Value("${notification.delivery.dispatch-enabled:true}") boolean enabled) {
        return new Poller("email-notices", interval, enabled, notices::sendPending);
    }

    /** Webhooks due now, first attempts and retries alike (on its own thread: a slow receiver delays only webhooks). */
    @Bean
    Poller webhookPoller(WebhookDispatcher webhooks, Clock clock,
                         @Value("${notification.delivery.dispatch-interval:PT0.25S}") Duration interval,
                         @Value("${notification.delivery.dispatch-enabled:true}") boolean enabled) {
        return new Poller("webhooks", interval, enabled, () -> webhooks.dispatchDue(clock.instant()));
    }

    @Bean
    Poller statusRelayPoller(StatusRelay relay,
                             @Value("${notification.status-relay.interval:PT0.2S}") Duration interval,
                             @Value("${notification.status-relay.enabled:true}") boolean enabled) {
        return new Poller("status-relay", interval, enabled, relay::relay);
    }
}
