package org.evsettle.invoices.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.LinkedHashMap;
import java.util.Map;
import org.evsettle.invoices.ReminderStep;

/** When overdue invoices are checked and after how many days past the due date each reminder step comes. */
@ConfigMapping(prefix = "evsettle.dunning")
public interface DunningConfig {

    /** How often receivable invoices are checked ("off" disables the check). */
    @WithDefault("1h")
    String every();

    @WithDefault("1")
    int overdueAfterDays();

    @WithDefault("8")
    int firstReminderAfterDays();

    @WithDefault("15")
    int secondReminderAfterDays();

    @WithDefault("22")
    int finalNoticeAfterDays();

    /** The steps in order, each with the days past the due date at which it comes. */
    default Map<ReminderStep, Integer> schedule() {
        Map<ReminderStep, Integer> schedule = new LinkedHashMap<>();
        schedule.put(ReminderStep.OVERDUE, overdueAfterDays());
        schedule.put(ReminderStep.REMINDER_1, firstReminderAfterDays());
        schedule.put(ReminderStep.REMINDER_2, secondReminderAfterDays());
        schedule.put(ReminderStep.FINAL_NOTICE, finalNoticeAfterDays());
        return schedule;
    }
}
