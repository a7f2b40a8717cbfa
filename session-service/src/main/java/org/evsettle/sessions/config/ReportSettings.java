package org.evsettle.sessions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the charge report reads its rows ({@code evsettle.report.*}): a download streams in constant
 * memory, so these bound what one download holds and sorts at a time.
 */
@ConfigMapping(prefix = "evsettle.report")
public interface ReportSettings {

    /** Rows fetched from PostgreSQL at a time while a download streams (a cursor). */
    @WithDefault("2000")
    int fetchSize();

    /** What PostgreSQL may sort a report's rows in, for the report's transaction only, rather than in temporary files. */
    @WithDefault("64MB")
    String workMem();
}
