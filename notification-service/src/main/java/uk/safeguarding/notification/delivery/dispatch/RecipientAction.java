package uk.safeguarding.notification.delivery.dispatch;

/** What a key adult recorded they did about an alert. */
public enum RecipientAction {
    SPOKE_TO_CHILD("Spoke to the child"),
    REFERRED_TO_SOCIAL_CARE("Referred to children's social care"),
    MONITORING("Monitoring in school"),
    NO_ACTION("No action needed");

    private final String label;

    RecipientAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
