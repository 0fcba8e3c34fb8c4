package com.hirerelay.host.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.api.FieldError;
import com.hirerelay.api.hris.DraftField;
import com.hirerelay.api.hris.DraftFieldType;
import com.hirerelay.api.hris.EmployeeDraft;
import java.util.List;
import org.junit.jupiter.api.Test;

class DraftInputCheckTest {

    private final DraftInputCheck check = new DraftInputCheck();

    private static EmployeeDraft draft(String phone, String country) {
        return new EmployeeDraft(
                "7",
                List.of(
                        DraftField.of("phone", "Phone", DraftFieldType.PHONE).withValue(phone),
                        DraftField.of("country", "Country", DraftFieldType.COUNTRY)
                                .withValue(country)));
    }

    @Test
    void anInternationalNumberIsSentInE164Form() {
        DraftInputCheck.Checked checked = check.check(draft("0034 600-12 34 56", "es"));
        assertThat(checked.errors()).isEmpty();
        assertThat(checked.draft().value("phone")).contains("+34600123456");
        assertThat(checked.draft().value("country")).as("upper-case code").contains("ES");
    }

    @Test
    void aNumberWithoutCountryCodeIsReadInTheDraftsCountry() {
        assertThat(check.check(draft("07911 123456", "GB")).draft().value("phone"))
                .as("the UK trunk 0 is dropped")
                .contains("+447911123456");
        assertThat(check.check(draft("600 12 34 56", "ES")).draft().value("phone"))
                .contains("+34600123456");
    }

    @Test
    void anUnreadableNumberOrCountryIsRefusedBesideItsFieldAndNotChanged() {
        DraftInputCheck.Checked checked = check.check(draft("call me", "Spain"));
        assertThat(checked.errors()).extracting(FieldError::field).containsExactly("phone", "country");
        assertThat(checked.errors().get(1).message()).startsWith("Choose a country from the list");
        assertThat(check.check(draft("12", null)).errors())
                .singleElement()
                .satisfies(error -> assertThat(error.message())
                        .isEqualTo("Enter the phone number with its country code, such as +34 600 000 000."));
        assertThat(checked.draft().value("phone")).as("left as typed").contains("call me");
    }

    @Test
    void aNationalNumberIsNotGuessedWhenTheDraftsCountriesDisagree() {
        EmployeeDraft twoCountries = new EmployeeDraft(
                "7",
                List.of(
                        DraftField.of("phone", "Phone", DraftFieldType.PHONE).withValue("600 12 34 56"),
                        DraftField.of("nationality", "Nationality", DraftFieldType.COUNTRY)
                                .withValue("JP"),
                        DraftField.of("country", "Country", DraftFieldType.COUNTRY)
                                .withValue("ES")));
        assertThat(check.check(twoCountries).errors())
                .singleElement()
                .satisfies(error ->
                        assertThat(error.message()).startsWith("Enter the phone number with its country code"));
        assertThat(check.check(draft("+34 600 12", "ES")).errors())
                .singleElement()
                .satisfies(
                        error -> assertThat(error.message()).startsWith("This number has too few or too many digits"));
    }
}
