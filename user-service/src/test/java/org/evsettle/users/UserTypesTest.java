package org.evsettle.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The user types an operator bills by, in the order everyone lists them. */
class UserTypesTest {

    @Test
    void listsTheStandardTypesFirstThenTheOperatorsOwnAlphabetically() {
        assertThat(UserTypes.withOwn(Set.of("VISITOR", "STUDENT", "GUEST")).all())
                .containsExactly("RESIDENT", "EMPLOYEE", "GUEST", "STUDENT", "VISITOR");
        assertThat(UserTypes.withOwn(Set.of()).all()).containsExactly("RESIDENT", "EMPLOYEE", "GUEST");
    }

    @Test
    void storesOnlyTheOperatorsOwnTypes() {
        assertThat(UserTypes.ownAmong(List.of("RESIDENT", "STUDENT", "STUDENT", "EMPLOYEE"))).containsExactly("STUDENT");
    }
}
