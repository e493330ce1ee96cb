package uk.safeguarding.notification.demo;

import uk.safeguarding.notification.routing.directory.DirectoryService;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import uk.safeguarding.notification.routing.router.Deadlines;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Seeds {@link DemoDirectory#standard} of the clock's school year when {@code notification.demo-directory=true} and the directory is empty.
 * Runs once every bean exists and before the Kafka consumers start, so a demo incident never meets an empty directory.
 */
@Component
@ConditionalOnProperty(name = "notification.demo-directory", havingValue = "true")
public class DemoDirectorySeeder implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoDirectorySeeder.class);

    private final DirectoryService directory;
    private final Clock clock;

    public DemoDirectorySeeder(DirectoryService directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!directory.isEmpty()) {
            log.info("Demo directory not seeded: the directory already has entries");
            return;
        }
        DemoDirectory demo = DemoDirectory.standard(LocalDate.ofInstant(clock.instant(), Deadlines.ZONE));
        DirectoryDocument.ImportCounts counts = directory.importDocument(demo.document());
        log.info("Demo directory seeded (ages as on {}): {} organisations, {} children, {} adults, {} household links",
                demo.referenceDate(), counts.organisations().created(), counts.children().created(), counts.adults().created(),
                counts.householdLinks().created());
    }
}
