package org.evsettle.sessions.report;

import java.io.IOException;
import java.util.List;

/**
 * Writes a charge report in one format as it is read: the header and groups first, then the sessions one
 * at a time (never all in memory), then the end. The totals come at the start or at the end, as the format
 * places them.
 */
public interface ReportWriter {

    /**
     * Whether the totals are written before the rows. A format that writes them after the rows lets the
     * report be read in one pass: they are added up as the rows go by.
     */
    boolean totalsFirst();

    /** The totals are null here when the format writes them at the end. */
    void begin(ReportHeader header, ReportFigures totals, List<ReportFigures> groups) throws IOException;

    /** Whether the format lists the sessions one by one (a grouped CSV or JSON lists only the groups). */
    boolean wantsRows();

    void row(ReportRow row) throws IOException;

    /** The totals, the same as at the start for a format that wrote them there. */
    void end(ReportFigures totals) throws IOException;
}
