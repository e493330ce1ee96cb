package uk.safeguarding.notification.routing.calendar;

/**
 * One bank holiday as the admin API shows it. {@code source}: {@code CONFIGURED} from the bank holiday files
 * (England and Wales, and any file an area adds), {@code AREA} added through the admin API, {@code RULES} for a year
 * after the published data: the regular holidays deadlines assume until the next file is loaded.
 */
public record BankHolidayDocument(String date, String name, String source) {

    public static final String SOURCE_CONFIGURED = "CONFIGURED";
    public static final String SOURCE_AREA = "AREA";
    public static final String SOURCE_RULES = "RULES";

    /** The body of {@code PUT /api/v1/calendars/bank-holidays/{date}}. */
    public record Extra(String name) {
    }
}
