package uk.safeguarding.notification.routing.router;

import uk.safeguarding.notification.shared.vocabulary.Names;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTest {

    @Test
    void caseAccentsSpacesHyphensAndApostrophesDoNotCount() {
        assertThat(Names.normalise("Zoë")).isEqualTo(Names.normalise("ZOE")).isEqualTo("zoe");
        assertThat(Names.normalise("Smith-Jones")).isEqualTo(Names.normalise("smith jones")).isEqualTo("smithjones");
        assertThat(Names.normalise("O'Brien")).isEqualTo(Names.normalise("OBRIEN"));
        assertThat(Names.normalise("Ó Briain")).isEqualTo("obriain");
        assertThat(Names.normalise("  Dąbrowski ")).isEqualTo("dabrowski");
        assertThat(Names.normalise(null)).isEmpty();
    }

    @Test
    void differentLettersStillCount() {
        assertThat(Names.normalise("Jon")).isNotEqualTo(Names.normalise("John"));
        assertThat(Names.normalisedFullName("Ann", "Lee")).isNotEqualTo(Names.normalisedFullName("Anne", "Lee"));
    }

    @Test
    void givenAndFamilyNameStayApartInTheKey() {
        assertThat(Names.normalisedFullName("Mary Ann", "Lee")).isNotEqualTo(Names.normalisedFullName("Mary", "Annlee"));
    }

    @Test
    void aNameKeyNeedsADateOfBirth() {
        assertThat(Names.nameAndBirthKey("Ann", "Lee", null)).isNull();
        assertThat(Names.nameAndBirthKey("ANN", "lee", LocalDate.of(2015, 1, 2)))
                .isEqualTo(Names.nameAndBirthKey("Ann", "Lee", LocalDate.of(2015, 1, 2)));
    }

    @Test
    void identifiersIgnoreSpacesHyphensAndCase() {
        assertThat(Names.normaliseIdentifier("943 476 5919")).isEqualTo("9434765919");
        assertThat(Names.normaliseIdentifier("a123-456")).isEqualTo("A123456");
    }
}
