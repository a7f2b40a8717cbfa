package org.evsettle.users;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The driver types an operator bills by: RESIDENT, EMPLOYEE and GUEST, which every operator has, and
 * the operator's own. Tariffs are set per type, so a driver's type must be one of them.
 */
public record UserTypes(List<String> all) {

    public static final String RESIDENT = "RESIDENT";
    public static final List<String> STANDARD = List.of(RESIDENT, "EMPLOYEE", "GUEST");
    /** Upper case, digits and underscores, as tariffs and exports name them. */
    public static final String PATTERN = "[A-Z][A-Z0-9_]{1,29}";
    public static final String PATTERN_RULE = "must be 2 to 30 upper-case letters, digits or _, such as RESIDENT or STUDENT";

    /** The standard types first, then the operator's own in alphabetical order. */
    public static UserTypes withOwn(Collection<String> own) {
        List<String> all = new ArrayList<>(STANDARD);
        new TreeSet<>(own).stream().filter(type -> !STANDARD.contains(type)).forEach(all::add);
        return new UserTypes(List.copyOf(all));
    }

    /** The operator's own types among the given ones (the standard ones need no storing). */
    public static TreeSet<String> ownAmong(Collection<String> types) {
        TreeSet<String> own = new TreeSet<>(types);
        own.removeAll(STANDARD);
        return own;
    }

    public boolean contains(String type) {
        return all.contains(type);
    }

    @Override
    public String toString() {
        return String.join(", ", all);
    }
}
