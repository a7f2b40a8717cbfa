package org.evsettle.sessions.report;

import java.io.IOException;
import java.io.OutputStream;

/** The formats the charge report is written in, each with its media type, its file extension and its writer. */
public enum ReportFormat {
    JSON("application/json", "json"),
    CSV("text/csv;charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    public final String mediaType;
    public final String extension;

    ReportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** A writer of this format onto the download. */
    public ReportWriter writer(OutputStream out) throws IOException {
        return switch (this) {
            case JSON -> new JsonReportWriter(out);
            case CSV -> new CsvReportWriter(out);
            case XLSX -> new XlsxReportWriter(out);
        };
    }
}
