package uk.safeguarding.notification.shared.retention;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.safeguarding.notification.shared.scheduling.Poller;

import java.time.Clock;

/** The retention purge runs on its own poller thread, every {@code notification.retention.interval}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionProperties.class)
public class RetentionConfiguration {

    @Bean
    Poller retentionPoller(RetentionPurge purge, RetentionProperties properties, Clock clock) {
        return new Poller("retention-purge", properties.intervalOrDefault(), properties.enabledOrDefault(),
                () -> purge.purge(clock.instant()));
    }
}
