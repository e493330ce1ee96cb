package uk.safeguarding.notification.routing.concern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads {@code notification.concerns.*} once, at startup; a bad setting stops startup. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConcernProperties.class)
public class ConcernConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConcernConfiguration.class);

    @Bean
    ConcernAreas concernAreas(ConcernProperties properties) {
        List<ConcernArea> areas = new ArrayList<>();
        if (properties.enabled() && properties.areas() != null) {
            properties.areas().forEach((name, a) -> {
                if (a.recipientOrganisationId() == null || a.recipientOrganisationId().isBlank()) {
                    log.info("Concern area {} has no recipient organisation: it raises no concern alerts", name);
                    return;
                }
                areas.add(new ConcernArea(name, a.forces() == null ? Set.of() : Set.copyOf(a.forces()),
                        a.recipientOrganisationId().trim(), a.highRisk(), a.escalatingConcernIncidents(),
                        a.repeatReferral(), a.window()));
            });
        }
        log.info("Concern areas: {}", areas.stream().map(a -> a.name() + " -> " + a.recipientOrganisationId()).toList());
        return new ConcernAreas(areas);
    }
}
