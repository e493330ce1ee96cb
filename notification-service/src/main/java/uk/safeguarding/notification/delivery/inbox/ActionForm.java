package uk.safeguarding.notification.delivery.inbox;

import uk.safeguarding.notification.delivery.dispatch.RecipientAction;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a person records they did about an alert: one {@link RecipientAction} and an optional note. */
public class ActionForm {

    /** The longest note kept (a few paragraphs); the page says so. */
    public static final int NOTE_MAX_LENGTH = 2000;

    private String action;
    private String note;

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    /** Errors by field id (the id of the input the error summary links to), in page order; empty when valid. */
    public Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (recipientAction() == null) {
            errors.put("action", "Select what you did about this alert");
        }
        if (note != null && note.length() > NOTE_MAX_LENGTH) {
            errors.put("note", "The note must be " + String.format("%,d", NOTE_MAX_LENGTH) + " characters or fewer");
        }
        return errors;
    }

    public RecipientAction recipientAction() {
        if (action == null || action.isBlank()) {
            return null;
        }
        try {
            return RecipientAction.valueOf(action);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The note as kept: trimmed, null when empty. */
    public String cleanNote() {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
