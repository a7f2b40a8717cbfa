package org.evsettle.invoices;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evsettle.invoices.documents.DocumentText;
import org.evsettle.invoices.documents.Formats;

/**
 * The notes this service writes on lines (a late session, a corrected price) and as the reason of the
 * credit notes it issues itself: written here in English, as they are stored and shown over REST, and
 * read back here into whole sentences of a document's language. A text the service did not write (an
 * admin's reason, the tariff's reason for a new price) is kept as it was written.
 */
public final class LineNote {

    private static final String DATE = "(\\d{4}-\\d{2}-\\d{2})";
    private static final Pattern LATE = Pattern.compile("Started on " + DATE
            + ", in a period that was billed already(?:\\. (.+))?", Pattern.DOTALL);
    private static final Pattern PRICE_CORRECTED = Pattern.compile("Price corrected(?:: (.+))?", Pattern.DOTALL);
    private static final Pattern CORRECTS_CREDITED = Pattern.compile("Corrects the session billed on (\\S+), credited by (\\S+)");
    private static final Pattern CORRECTS_EARLIER = Pattern.compile("Corrects the session shown on an earlier period");
    private static final Pattern CORRECTS_SHOWN = Pattern.compile("Corrects the session shown on (\\S+)");
    private static final Pattern REPRICED = Pattern.compile("Session of " + DATE + " repriced(?:: (.+))?", Pattern.DOTALL);

    private LineNote() {
    }

    /** A session placed on a later invoice because its own period was billed already. */
    static String late(LocalDate started, String note) {
        String late = "Started on " + started + ", in a period that was billed already";
        return note == null ? late : late + ". " + note;
    }

    static String priceCorrected(String reason) {
        return "Price corrected" + because(reason);
    }

    static String correctsCredited(String billedOn, String creditNote) {
        return "Corrects the session billed on " + billedOn + ", credited by " + creditNote;
    }

    static String correctsShown(String shownOn) {
        return shownOn == null ? "Corrects the session shown on an earlier period" : "Corrects the session shown on " + shownOn;
    }

    /** The reason of the credit note that cancels a repriced session. */
    static String repriced(LocalDate started, String reason) {
        return "Session of " + started + " repriced" + because(reason);
    }

    /** The note in the document's language; a text this service did not write as it is. */
    public static String in(String note, DocumentText text) {
        if (note == null || note.isBlank()) {
            return note;
        }
        return translated(note, text).orElse(note);
    }

    private static Optional<String> translated(String note, DocumentText text) {
        Matcher m = LATE.matcher(note);
        if (m.matches()) {
            String late = text.get("note.late", "date", date(m.group(1), text));
            return Optional.of(m.group(2) == null ? late
                    : text.get("note.joined", "first", late, "second", in(m.group(2), text)));
        }
        if ((m = PRICE_CORRECTED.matcher(note)).matches()) {
            return Optional.of(m.group(1) == null ? text.get("note.priceCorrected")
                    : text.get("note.priceCorrected.because", "reason", m.group(1)));
        }
        if ((m = CORRECTS_CREDITED.matcher(note)).matches()) {
            return Optional.of(text.get("note.correctsCredited", "invoice", m.group(1), "creditNote", m.group(2)));
        }
        if (CORRECTS_EARLIER.matcher(note).matches()) {
            return Optional.of(text.get("note.correctsEarlier"));
        }
        if ((m = CORRECTS_SHOWN.matcher(note)).matches()) {
            return Optional.of(text.get("note.correctsShown", "invoice", m.group(1)));
        }
        if ((m = REPRICED.matcher(note)).matches()) {
            String date = date(m.group(1), text);
            return Optional.of(m.group(2) == null ? text.get("note.repriced", "date", date)
                    : text.get("note.repriced.because", "date", date, "reason", m.group(2)));
        }
        return Optional.empty();
    }

    private static String date(String iso, DocumentText text) {
        return Formats.date(LocalDate.parse(iso), text.language());
    }

    private static String because(String reason) {
        return reason == null || reason.isBlank() ? "" : ": " + reason;
    }
}
