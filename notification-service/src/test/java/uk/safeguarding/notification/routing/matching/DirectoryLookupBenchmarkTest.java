package uk.safeguarding.notification.routing.matching;

import uk.safeguarding.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentChild;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.PersonIdentifier;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.notification.TestDirectory;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.notification.routing.directory.DirectoryLookup;
import uk.safeguarding.notification.routing.router.DirectoryView;
import uk.safeguarding.notification.routing.router.Router;
import uk.safeguarding.notification.routing.router.Deadlines;
import uk.safeguarding.testkit.SampleIncidents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The batch path's directory lookup, measured: a batch of 500 incidents (one child each, police-style noise from
 * {@link SyntheticReports}) against a 10,000-child synthetic directory in PostgreSQL. Prints the timings; asserts only
 * that the lookup found the right child among the candidates as often as the in-memory evaluation does. Opt-in
 * (it adds 10,000 children to the shared test database): {@code -Dmatching.benchmark=true}.
 */
class DirectoryLookupBenchmarkTest extends IntegrationTestSupport {

    private static final Router ROUTER = new Router(uk.safeguarding.notification.routing.policy.SharingPolicy.standard(),
            uk.safeguarding.notification.routing.router.ProbationQuestion.DEFAULT_ANSWER_WITHIN_WORKING_DAYS);

    @Autowired
    DirectoryLookup lookup;

    @Test
    void aBatchOf500IncidentsAgainstTenThousandChildren() {
        assumeTrue(Boolean.getBoolean("matching.benchmark"), "opt-in: -Dmatching.benchmark=true");
        // given a synthetic directory of 10,000 children at one test school
        String token = unique();
        TestDirectory dir = TestDirectory.create(token);
        SyntheticDirectory synthetic = SyntheticDirectory.generate(20261122L, 10_000, TestClock.today());
        List<DirectoryDocument.Child> children = new ArrayList<>();
        for (Candidate c : synthetic.children()) {
            ChildDetails d = c.details();
            List<DirectoryDocument.Identifier> ids = new ArrayList<>();
            if (d.upn() != null) {
                ids.add(new DirectoryDocument.Identifier(uk.safeguarding.notification.routing.directory.IdentifierScheme.UPN,
                        token + d.upn()));
            }
            children.add(new DirectoryDocument.Child("BM-" + token + "-" + c.id(), d.givenName(), d.familyName(),
                    d.dateOfBirth(), d.postcode(), ids, dir.school(), dir.gp(), null));
        }
        long t0 = System.nanoTime();
        given(new DirectoryDocument(dir.organisations(), children, null, null));
        long importMs = (System.nanoTime() - t0) / 1_000_000;

        // and a batch of 500 incidents, each naming one child as police would write it
        List<SyntheticReports.Report> reports = SyntheticReports.generate(synthetic, 20261123L, 500);
        List<IncidentReported> batch = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            ChildDetails c = reports.get(i).child();
            List<PersonIdentifier> ids = new ArrayList<>();
            if (c.upn() != null) {
                ids.add(SampleIncidents.id(IdentifierScheme.UPN, token + c.upn()));
            }
            IncidentChild child = SampleIncidents.child(c.givenName(), c.familyName(), c.dateOfBirth())
                    .setPostcode(c.postcode()).setIdentifiers(ids).build();
            batch.add(SampleIncidents.incident("BM", "BM-" + token + "-" + i)
                    .setChildren(new ArrayList<>(List.of(child))).build());
        }

        // when the batch's directory view is looked up (warm up twice, then measure five times) and routed
        lookup.viewFor(batch);
        lookup.viewFor(batch);
        long lookupNanos = 0;
        DirectoryView view = null;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            view = lookup.viewFor(batch);
            lookupNanos += System.nanoTime() - start;
        }
        for (int warm = 0; warm < 3; warm++) {
            for (IncidentReported incident : batch) {
                ROUTER.route(incident, view, Deadlines.none(), TestClock.clock().instant());
            }
        }
        long start = System.nanoTime();
        int routedRight = 0;
        int inDirectory = 0;
        for (int i = 0; i < batch.size(); i++) {
            Router.Outcome outcome = ROUTER.route(batch.get(i), view, Deadlines.none(), TestClock.clock().instant());
            String truth = reports.get(i).truthId();
            if (truth != null) {
                inDirectory++;
                String expected = "BM-" + token + "-" + truth;
                if (outcome.alerts().stream().anyMatch(a -> a.getChild().getChildId().equals(expected))) {
                    routedRight++;
                }
            }
        }
        long routeMs = (System.nanoTime() - start) / 1_000_000;

        // then
        System.out.printf("DirectoryLookup benchmark: 10,000 children imported in %d ms; a batch of %d incidents:"
                        + " lookup %.1f ms (mean of 5), %d candidate children, routing (matching included, warm) %d ms; %d of %d children in the"
                        + " directory routed to the right child%n", importMs, batch.size(), lookupNanos / 5e6,
                view.children().size(), routeMs, routedRight, inDirectory);
        assertThat(routedRight).isGreaterThan(inDirectory * 9 / 10);
    }
}
