package org.evsettle.sessions.report;

import java.io.IOException;
import java.util.List;

/**
 * Writes a charge report in one format as it is read: the header, totals and groups first, then the
 * sessions one at a time (never all in memory), then the end.
 */
public interface ReportWriter {

    void begin(ReportHeader header, ReportFigures totals, List<ReportFigures> groups) throws IOException;

    /** Whether the format lists the sessions one by one (a grouped CSV or JSON lists only the groups). */
    boolean wantsRows();

    void row(ReportRow row) throws IOException;

    void end() throws IOException;
}
