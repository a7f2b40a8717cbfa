package org.evsettle.kit.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CSV as spreadsheets write it, with the line each record starts on for the rejections. */
class CsvTableTest {

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("comma separated", "a,b\n1,2\n", List.of(List.of("1", "2")), List.of(2)),
                Arguments.of("semicolon separated, as Dutch Excel writes", "a;b\r\n1;2,5\r\n",
                        List.of(List.of("1", "2,5")), List.of(2)),
                Arguments.of("tab separated", "a\tb\n1\t2\n", List.of(List.of("1", "2")), List.of(2)),
                Arguments.of("a byte order mark", "\uFEFFa,b\n1,2", List.of(List.of("1", "2")), List.of(2)),
                Arguments.of("quoted separators and quotes", "a,b\n\"x, y\",\"say \"\"hi\"\"\"\n",
                        List.of(List.of("x, y", "say \"hi\"")), List.of(2)),
                Arguments.of("a line break inside quotes", "a,b\n\"line 1\nline 2\",x\ny,z\n",
                        List.of(List.of("line 1\nline 2", "x"), List.of("y", "z")), List.of(2, 4)),
                Arguments.of("blank lines and lines of separators only", "a,b\n\n1,2\n,\n \n3,4",
                        List.of(List.of("1", "2"), List.of("3", "4")), List.of(3, 6)),
                Arguments.of("old Mac line ends", "a,b\r1,2\r3,4\r", List.of(List.of("1", "2"), List.of("3", "4")),
                        List.of(2, 3)),
                Arguments.of("empty cells", "a,b,c\n,2,\n", List.of(List.of("", "2", "")), List.of(2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void readsRecordsWithTheLineEachStartsOn(String what, String text, List<List<String>> cells, List<Integer> lines) {
        CsvTable table = CsvTable.parse(text);

        assertThat(table.header().get(0)).isEqualTo("a");
        assertThat(table.records()).extracting(CsvTable.Record::cells).isEqualTo(cells);
        assertThat(table.records()).extracting(CsvTable.Record::line).isEqualTo(lines);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("", 1, "empty"),
                Arguments.of("a,b\n1,\"open\n2,3\n", 2, "never closed"),
                Arguments.of("a,b\n1,\"x\"y\n", 2, "after the closing quote"),
                Arguments.of("a,b\n1,2\n3,x\"y\n", 3, "quote inside an unquoted field"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("malformed")
    void namesTheLineOfWhatItCannotRead(String text, int line, String message) {
        assertThatThrownBy(() -> CsvTable.parse(text)).isInstanceOfSatisfying(CsvTable.Malformed.class, e -> {
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cellsOfShortRecords")
    void readsMissingTrailingCellsAsEmpty(String text, int column, String expected) {
        assertThat(CsvTable.parse(text).records().get(0).cell(column)).isEqualTo(expected);
    }

    static Stream<Arguments> cellsOfShortRecords() {
        return Stream.of(
                Arguments.of("a,b,c\n 1 ,2\n", 0, "1"),
                Arguments.of("a,b,c\n1,2\n", 2, ""));
    }
}
