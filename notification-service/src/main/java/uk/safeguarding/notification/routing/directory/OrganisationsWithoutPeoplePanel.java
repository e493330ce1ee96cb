package uk.safeguarding.notification.routing.directory;

import org.springframework.stereotype.Component;
import uk.safeguarding.notification.shared.onboarding.OrganisationsWithoutPeople;
import uk.safeguarding.notification.shared.operations.OperationsPanel;
import uk.safeguarding.notification.shared.operations.PanelView;
import uk.safeguarding.notification.shared.vocabulary.OrganisationKindNames;

import java.time.Instant;
import java.util.List;

/**
 * The operations console's warning about organisations that would receive alerts but have nobody able to read them
 * (no key adult or deputy who has chosen a password): their alerts wait in an inbox nobody signs in to, and their
 * email notices go to nobody. Organisations and counts only; whom to invite is the directory's business.
 */
@Component
public class OrganisationsWithoutPeoplePanel implements OperationsPanel {

    private final OrganisationsWithoutPeople organisations;

    public OrganisationsWithoutPeoplePanel(OrganisationsWithoutPeople organisations) {
        this.organisations = organisations;
    }

    @Override
    public String id() {
        return "without-people";
    }

    @Override
    public String title() {
        return "Organisations nobody can read alerts for";
    }

    @Override
    public String module() {
        return "routing";
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public PanelView view(Instant now) {
        List<OrganisationsWithoutPeople.Organisation> found = organisations.list();
        List<List<String>> rows = found.stream().map(o -> List.of(o.organisationId(), o.name(),
                OrganisationKindNames.forPeople(o.kind()), Integer.toString(o.invited()),
                o.contactEmail() == null ? "" : o.contactEmail())).toList();
        String lead = found.isEmpty()
                ? "Every organisation in the directory has a key adult or deputy who can sign in."
                : "Warning: these organisations would receive alerts, but no key adult or deputy of theirs can sign in."
                + " Ask a directory admin to invite their people (POST /api/v1/directory/people).";
        return new PanelView(lead, List.of(new PanelView.Figure("Without a reader", Integer.toString(found.size()),
                !found.isEmpty())), List.of(new PanelView.Table("By kind, then name", List.of("Organisation",
                "Name", "Kind", "Invited, not yet signed in", "Organisation's contact address"), rows,
                "None.")));
    }
}
