package uk.safeguarding.notification.directory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Seeds {@link DemoDirectory#standard()} when {@code notification.demo-directory=true} and the directory is empty.
 * Runs once every bean exists and before the Kafka consumers start, so a demo incident never meets an empty directory.
 */
@Component
@ConditionalOnProperty(name = "notification.demo-directory", havingValue = "true")
public class DemoDirectorySeeder implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoDirectorySeeder.class);

    private final DirectoryService directory;

    public DemoDirectorySeeder(DirectoryService directory) {
        this.directory = directory;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!directory.isEmpty()) {
            log.info("Demo directory not seeded: the directory already has entries");
            return;
        }
        DirectoryDocument.ImportCounts counts = directory.importDocument(DemoDirectory.standard().document());
        log.info("Demo directory seeded: {} organisations, {} children, {} adults, {} household links",
                counts.organisations().created(), counts.children().created(), counts.adults().created(),
                counts.householdLinks().created());
    }
}
