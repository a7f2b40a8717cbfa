package org.evsettle.sessions.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.evsettle.kit.api.DomainException;

/**
 * What a charge report may be grouped by, with the SQL that names each group (key) and shows it
 * (label). Days and months are the operator's, from each session's start in the operator's zone.
 */
public enum Grouping {
    CHARGER("s.charge_point_id", "s.charge_point_id", "label"),
    SITE("s.site_id::text", "coalesce(rs.name, s.site_id::text)", "label"),
    DRIVER("s.driver_id::text", "coalesce(rd.name, s.driver_id::text)", "label"),
    CARD("s.card_id::text", "coalesce(rc.label || ' (' || s.id_tag || ')', s.id_tag, s.card_id::text)", "label"),
    USER_TYPE("s.user_type", "s.user_type", "label"),
    DAY("to_char(s.started_at AT TIME ZONE :zone, 'YYYY-MM-DD')",
            "to_char(s.started_at AT TIME ZONE :zone, 'YYYY-MM-DD')", "key"),
    MONTH("to_char(s.started_at AT TIME ZONE :zone, 'YYYY-MM')",
            "to_char(s.started_at AT TIME ZONE :zone, 'YYYY-MM')", "key");

    /** SQL of the group's key; {@code :zone} stands for the operator's zone. */
    final String key;
    /** SQL of the group's label, aggregated with max() over the group. */
    final String label;
    /** Which of the two the groups are ordered by. */
    final String orderBy;

    Grouping(String key, String label, String orderBy) {
        this.key = key;
        this.label = label;
        this.orderBy = orderBy;
    }

    /** The query parameter's name of it: charger, site, driver, card, userType, day, month. */
    public String parameter() {
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    public static Optional<Grouping> of(String parameter) {
        return Arrays.stream(values()).filter(g -> g.parameter().equalsIgnoreCase(parameter.trim())).findFirst();
    }

    /** What {@code groupBy} asks for, in any case; null when absent; 400 naming the allowed values otherwise. */
    public static Grouping asked(String groupBy) {
        if (groupBy == null || groupBy.isBlank()) {
            return null;
        }
        return of(groupBy).orElseThrow(() -> DomainException.invalid("groupBy", "must be one of "
                + Arrays.stream(values()).map(Grouping::parameter).collect(Collectors.joining(", "))));
    }
}
