package uk.safeguarding.ingest.submission;

import uk.safeguarding.schemas.contract.IdentifierRules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifierRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"9434765919", "4010232137", "943 476 5919", "9999999999"})
    void nhsNumberWithValidCheckDigitIsAccepted(String value) {
        assertThat(IdentifierRules.isNhsNumber(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9434765918", "943476591", "94347659190", "94347659A9", "", "1234567890"})
    void nhsNumberWithWrongCheckDigitOrShapeIsRefused(String value) {
        // 1234567890: its check digit would be 10, a number never issued
        assertThat(IdentifierRules.isNhsNumber(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"A123456789012", "Z000000000000"})
    void upnOfALetterThenTwelveDigitsIsAccepted(String value) {
        assertThat(IdentifierRules.isUniquePupilNumber(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789012", "A12345678901", "A1234567890123", "AB12345678901", "a123456789012", "A12345678901X"})
    void upnOfAnyOtherShapeIsRefused(String value) {
        assertThat(IdentifierRules.isUniquePupilNumber(value)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void nullIsNeitherAnNhsNumberNorAUpn() {
        assertThat(IdentifierRules.isNhsNumber(null)).isFalse();
        assertThat(IdentifierRules.isUniquePupilNumber(null)).isFalse();
    }
}
