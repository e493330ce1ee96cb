package uk.safeguarding.notification.routing.concern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Period;
import java.util.List;
import java.util.Map;

/**
 * {@code notification.concerns.*}: the concern rules per area (see {@link ConcernArea}). The area named
 * {@code default} takes every force no other area lists.
 *
 * @param enabled whether concern rules run at all (default true)
 * @param areas   by area name
 */
@ConfigurationProperties("notification.concerns")
public record ConcernProperties(@DefaultValue("true") boolean enabled, Map<String, Area> areas) {

    /**
     * @param forces                     force codes of the area (ignored for the default area)
     * @param recipientOrganisationId    the area's children's social care organisation (directory id); none: the
     *                                   area raises no concern alerts
     * @param highRisk                   HIGH_RISK rule on (default true)
     * @param escalatingConcernIncidents ESCALATING_CONCERN threshold, this incident included (default 3; 0 off)
     * @param repeatReferral             REPEAT_REFERRAL rule on (default true)
     * @param window                     the rules' window (default P12M)
     */
    public record Area(List<String> forces, String recipientOrganisationId, @DefaultValue("true") boolean highRisk,
                       @DefaultValue("3") int escalatingConcernIncidents, @DefaultValue("true") boolean repeatReferral,
                       @DefaultValue("P12M") Period window) {
    }
}
