package uk.safeguarding.ingest.submission;

import org.junit.jupiter.api.Test;
import uk.safeguarding.ingest.submission.RevisionRules.AcceptedRevision;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RevisionRulesTest {

    @Test
    void firstRevisionOfAnIncidentIsPublished() {
        assertThat(RevisionRules.decide(List.of(), 1, "h1")).isEqualTo(new RevisionRules.Publish(1, Optional.empty()));
    }

    @Test
    void sameRevisionWithSameContentIsAlreadyAccepted() {
        assertThat(RevisionRules.decide(List.of(new AcceptedRevision(1, "h1")), 1, "h1"))
                .isEqualTo(new RevisionRules.AlreadyAccepted(1));
    }

    @Test
    void sameRevisionWithDifferentContentConflicts() {
        assertThat(RevisionRules.decide(List.of(new AcceptedRevision(1, "h1")), 1, "h2"))
                .isEqualTo(new RevisionRules.ConflictingContent(1));
    }

    @Test
    void newerRevisionIsPublishedSupersedingTheLatest() {
        List<AcceptedRevision> accepted = List.of(new AcceptedRevision(1, "h1"), new AcceptedRevision(2, "h2"));
        assertThat(RevisionRules.decide(accepted, 3, "h3")).isEqualTo(new RevisionRules.Publish(3, Optional.of(2)));
    }

    @Test
    void gapsInRevisionsAreAllowed() {
        assertThat(RevisionRules.decide(List.of(new AcceptedRevision(1, "h1")), 5, "h5"))
                .isEqualTo(new RevisionRules.Publish(5, Optional.of(1)));
    }

    @Test
    void olderRevisionThanTheLatestIsStale() {
        assertThat(RevisionRules.decide(List.of(new AcceptedRevision(3, "h3")), 2, "h2"))
                .isEqualTo(new RevisionRules.StaleRevision(2, 3));
    }

    @Test
    void retryOfAnOlderAcceptedRevisionIsStillAlreadyAccepted() {
        List<AcceptedRevision> accepted = List.of(new AcceptedRevision(1, "h1"), new AcceptedRevision(2, "h2"));
        assertThat(RevisionRules.decide(accepted, 1, "h1")).isEqualTo(new RevisionRules.AlreadyAccepted(1));
    }

    @Test
    void revisionBelowOneIsAProgrammingError() {
        assertThatIllegalArgumentException().isThrownBy(() -> RevisionRules.decide(List.of(), 0, "h"));
    }
}
