package uk.safeguarding.notification.shared.operations;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.safeguarding.notification.shared.consumers.ConsumerProgress;
import uk.safeguarding.notification.shared.consumers.RecordSkipController;
import uk.safeguarding.notification.shared.consumers.RecordSkips;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operations console's beans. Settings: {@code notification.operations.rate-window} (default PT15M: "records in
 * the last ..." per topic), {@code .cache-for} (default PT5S: how long Kafka's answers are kept),
 * {@code .dead-letters-per-partition} (default 50: the newest dead letters read from each partition).
 */
@Configuration(proxyBeanMethods = false)
public class OperationsConfiguration {

    /** The one Kafka admin client of the service, with the console's consumer and replay producer. */
    @Bean(destroyMethod = "close")
    OperationsKafka operationsKafka(Environment environment) {
        return new OperationsKafka(environment);
    }

    @Bean
    KafkaSnapshots kafkaSnapshots(OperationsKafka kafka, ConsumerProgress progress, Clock clock,
                                  @Value("${notification.operations.rate-window:PT15M}") Duration window,
                                  @Value("${notification.operations.cache-for:PT5S}") Duration cacheFor) {
        // records carry the producers' wall-clock time, so "the last 15 minutes" is counted on the wall clock
        return new KafkaSnapshots(kafka.admin(), progress, clock, Clock.systemUTC(), window, cacheFor);
    }

    @Bean
    DeadLetterShelf deadLetterShelf(OperationsKafka kafka, Clock clock,
                                    @Value("${notification.operations.dead-letters-per-partition:50}") int perPartition,
                                    @Value("${notification.operations.cache-for:PT5S}") Duration cacheFor) {
        return new DeadLetterShelf(kafka, clock, perPartition, cacheFor);
    }

    @Bean
    DeadLetterReplays deadLetterReplays(DeadLetterShelf shelf, OperationsKafka kafka, JdbcTemplate jdbc,
                                        PlatformTransactionManager transactions, Clock clock) {
        return new DeadLetterReplays(shelf, kafka, jdbc, new TransactionTemplate(transactions), clock);
    }

    @Bean
    OperationsConsole operationsConsole(KafkaSnapshots kafka, DeadLetterShelf shelf, DeadLetterReplays replays,
                                        ConsumerProgress progress, RecordSkips skips,
                                        ObjectProvider<OperationsPanel> panels, Clock clock,
                                        @Value("${notification.modules:routing,delivery}") String modules) {
        // the modules' sections exist only in a process that runs the module (ModuleSelection leaves the rest out)
        Set<String> running = Arrays.stream(modules.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return new OperationsConsole(kafka, shelf, replays, progress, skips, panels.orderedStream().toList(),
                running, RecordSkipController.CONSUMED, clock);
    }
}
