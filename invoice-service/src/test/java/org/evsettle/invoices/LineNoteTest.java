package org.evsettle.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.evsettle.events.registry.DocumentLanguage;
import org.evsettle.invoices.documents.DocumentText;
import org.junit.jupiter.api.Test;

class LineNoteTest {

    private static final DocumentText DUTCH = DocumentText.in(DocumentLanguage.NL);
    private static final DocumentText FRENCH = DocumentText.in(DocumentLanguage.FR);

    @Test
    void readsTheNotesItWritesBackInTheDocumentsLanguage() {
        String late = LineNote.late(LocalDate.of(2026, 3, 31),
                LineNote.correctsCredited("LINDE-2026-000001", "LINDE-2026-000007"));
        assertThat(late).isEqualTo("Started on 2026-03-31, in a period that was billed already. Corrects the session"
                + " billed on LINDE-2026-000001, credited by LINDE-2026-000007");
        assertThat(LineNote.in(late, DUTCH)).isEqualTo("Gestart op 31 maart 2026, in een periode die al gefactureerd was."
                + " Corrigeert de sessie gefactureerd op LINDE-2026-000001, gecrediteerd met LINDE-2026-000007");
        assertThat(LineNote.in(LineNote.priceCorrected("meter corrected"), FRENCH))
                .isEqualTo("Prix corrigé : meter corrected");
        assertThat(LineNote.in(LineNote.correctsShown(null), DUTCH)).isEqualTo("Corrigeert de sessie van een eerdere periode");
        assertThat(LineNote.in(LineNote.correctsShown("LINDE-2026-000003"), FRENCH))
                .isEqualTo("Corrige la session figurant sur LINDE-2026-000003");
        assertThat(LineNote.in(LineNote.repriced(LocalDate.of(2026, 12, 2), null), DUTCH))
                .isEqualTo("Sessie van 2 december 2026 opnieuw geprijsd");
    }

    @Test
    void keepsATextItDidNotWriteAsItIs() {
        assertThat(LineNote.in("Goodwill: charger was faulty", DUTCH)).isEqualTo("Goodwill: charger was faulty");
        assertThat(LineNote.in(null, DUTCH)).isNull();
    }
}
