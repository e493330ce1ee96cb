package uk.safeguarding.notification.delivery.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What an alert's page says about an update, the family's history and a concern rule, from the ledger's JSON. */
class AlertPageFamilyNoticesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void anUpdateSaysWhichRevisionItReplacesItsKindAndWhatChanged() throws Exception {
        JsonNode update = json("{'previousRevision':1,'previousAlertId':'a','revisionKind':'CORRECTION',"
                + "'changes':['risk level raised from MEDIUM to HIGH','child''s words changed']}".replace("''", "\\u0027"));

        assertThat(InboxAlerts.updateNotice(update)).isEqualTo("Updated: this replaces the alert for revision 1"
                + " (correction): risk level raised from MEDIUM to HIGH; child's words changed.");
        assertThat(InboxAlerts.updateNotice(json("{'previousRevision':2,'revisionKind':'UPDATE','changes':[]}")))
                .isEqualTo("Updated: this replaces the alert for revision 2 (update): nothing you were told has changed.");
        assertThat(InboxAlerts.updateNotice(null)).isNull();
    }

    @Test
    void theFamilysHistoryListsEachEarlierIncidentWithItsRisk() throws Exception {
        JsonNode history = json("{'incidentsLast12Months':2,'repeat':true,'incidents':["
                + "{'incidentId':'b','forceCode':'WMP','occurredAt':'2026-07-01T19:00:00Z','riskLevel':'HIGH'},"
                + "{'incidentId':'a','forceCode':'TST','occurredAt':'2026-03-01T20:00:00Z','riskLevel':'MEDIUM'}]}");

        assertThat(InboxAlerts.familyHistory(history)).isEqualTo("2 earlier incidents involving this family in the"
                + " last 12 months: Wednesday 1 July 2026 at 8:00pm (high risk, WMP);"
                + " Sunday 1 March 2026 at 8:00pm (medium risk, TST).");
        assertThat(InboxAlerts.familyHistory(json("{'incidentsLast12Months':0,'repeat':false,'incidents':[]}")))
                .isEqualTo("No earlier incident involving this family in the last 12 months.");
    }

    @Test
    void aConcernShowsItsFindingsInWords() throws Exception {
        assertThat(InboxAlerts.concern(json("{'rule':'ESCALATING_CONCERN','detail':'Escalating concern: 3 incidents'}")))
                .isEqualTo("Escalating concern: 3 incidents");
    }
}
