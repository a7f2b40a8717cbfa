package org.evsettle.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When an overdue invoice blocks cards under an operator's policy. */
class DunningPolicyTest {

    @ParameterizedTest(name = "blockCards {0}, after {1} days, {2} days overdue: blocks {3}")
    @CsvSource({
            "true, 14, 13, false",
            "true, 14, 14, true",
            "true, 14, 60, true",
            "true, 0, 0, true",
            "false, 14, 60, false",
            "false, 0, 0, false"})
    void blocksCardsOnlyWhenThePolicyIsOnAndTheInvoiceIsOverdueLongEnough(boolean blockCards, int after, int days,
                                                                        boolean blocks) {
        Operator operator = new Operator();
        operator.dunningBlockCards = blockCards;
        operator.dunningBlockAfterDaysOverdue = after;

        assertThat(Dunning.blocks(operator, days)).isEqualTo(blocks);
    }
}
