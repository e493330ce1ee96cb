package uk.safeguarding.notification.routing.directory;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.safeguarding.notification.shared.onboarding.OrganisationsWithoutPeople;

import java.util.List;

/**
 * {@code GET /api/v1/operations/organisations-without-people} (OPERATIONS): directory organisations with no key adult
 * or deputy able to sign in, so alerts to them are read by nobody. Invite someone through the directory API.
 */
@RestController
public class OrganisationsWithoutPeopleController {

    /** The answer: how many, and each with how many people are invited and have not yet chosen a password. */
    public record Answer(int count, List<OrganisationsWithoutPeople.Organisation> organisations) {
    }

    private final OrganisationsWithoutPeople query;

    public OrganisationsWithoutPeopleController(OrganisationsWithoutPeople query) {
        this.query = query;
    }

    @GetMapping("/api/v1/operations/organisations-without-people")
    public Answer organisationsWithoutPeople() {
        List<OrganisationsWithoutPeople.Organisation> organisations = query.list();
        return new Answer(organisations.size(), organisations);
    }
}
