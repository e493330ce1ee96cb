package uk.safeguarding.platform.failure;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

    private static SQLException sql(String state) {
        return new SQLException("ERROR: value too long. Detail: Failing row contains (Ada, Marsh, 2017-05-10)", state);
    }

    @Test
    void theDatabaseRefusingARecordsValuesIsTheRecordsFault() {
        assertThat(Failures.blame(new IllegalStateException("wrapped", sql("22001")))).isEqualTo(Failures.Blame.RECORD);
        assertThat(Failures.blame(new BatchUpdateException("batch", "22021", new int[0])))
                .isEqualTo(Failures.Blame.RECORD);
        assertThat(Failures.blame(sql("23505"))).isEqualTo(Failures.Blame.RECORD);
        assertThat(Failures.blame(new NullPointerException())).isEqualTo(Failures.Blame.RECORD);
    }

    @Test
    void anUnreachableOrOverloadedDatabaseOrBrokerIsADependencysFault() {
        assertThat(Failures.blame(new RuntimeException(sql("08006")))).isEqualTo(Failures.Blame.DEPENDENCY);
        assertThat(Failures.blame(sql("57P01"))).isEqualTo(Failures.Blame.DEPENDENCY);
        assertThat(Failures.blame(sql("40P01"))).isEqualTo(Failures.Blame.DEPENDENCY);
        assertThat(Failures.blame(sql("53300"))).isEqualTo(Failures.Blame.DEPENDENCY);
        assertThat(Failures.blame(new IllegalStateException(new ConnectException("refused"))))
                .isEqualTo(Failures.Blame.DEPENDENCY);
        assertThat(Failures.blame(new DependencyFailure("registry unreachable"))).isEqualTo(Failures.Blame.DEPENDENCY);
    }

    @Test
    void aDatabaseFailureIsDescribedByItsStateNeverByTheRowItQuotes() {
        String described = Failures.describe(new IllegalStateException("insert failed: Ada Marsh", sql("22001")));
        assertThat(described).contains("SQLSTATE 22001").doesNotContain("Ada").doesNotContain("2017");
    }

    @Test
    void anyOtherFailureIsDescribedByItsTypesUnlessItsMessageIsWrittenToBeSafe() {
        assertThat(Failures.describe(new IllegalArgumentException("Ada Marsh")))
                .isEqualTo("java.lang.IllegalArgumentException");
        assertThat(Failures.describe(new IllegalStateException("x", new ArithmeticException("Ada"))))
                .isEqualTo("java.lang.IllegalStateException caused by java.lang.ArithmeticException");
        assertThat(Failures.describe(new DependencyFailure("database unreachable\u0000")))
                .isEqualTo("database unreachable\\u0000");
    }

    @Test
    void controlCharactersAreEscapedSoAValueCannotForgeALogLine() {
        assertThat(Text.escaped("a\nb\u0000c\u202Ed")).isEqualTo("a\\u000ab\\u0000c\\u202ed");
        assertThat(Text.escaped("plain")).isEqualTo("plain");
    }
}
