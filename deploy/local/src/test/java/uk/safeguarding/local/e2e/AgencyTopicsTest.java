package uk.safeguarding.local.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An end-to-end test on the running services that reads the agency topics as recipients would: one set of topic
 * probes per test class, the shared services per test.
 */
@ExtendWith(RunningServices.class)
abstract class AgencyTopicsTest {

    protected static AgencyTopics topics;
    protected Services services;

    @BeforeAll
    static void probes() {
        topics = new AgencyTopics();
    }

    @AfterAll
    static void closeProbes() {
        topics.close();
    }

    @BeforeEach
    void services() {
        services = RunningServices.services();
    }
}
