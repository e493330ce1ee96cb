package uk.safeguarding.notification.routing.directory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.safeguarding.notification.shared.scheduling.Poller;

import java.time.Duration;

/** Runs the blocking-key catch-up (children written outside DirectoryService, and the first start after V50). */
@Configuration(proxyBeanMethods = false)
class BlockingKeyConfiguration {

    @Bean
    Poller blockingKeyCatchUp(ChildBlockingKeyIndex index,
                              @Value("${notification.matching.keys-catch-up-interval:PT5S}") Duration interval,
                              @Value("${notification.matching.keys-catch-up-batch:1000}") int batch) {
        return new Poller("blocking-key-catch-up", interval, true, () -> {
            while (index.catchUp(batch) == batch) {
                // a whole batch was stale: there may be more (first start on an existing directory)
            }
        });
    }
}
