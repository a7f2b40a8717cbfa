package org.evsettle.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Logs carry ids, not people (docs/privacy.md): no Log call of any module prints a value that names a
 * person or their money: an e-mail address, a recipient, a person's name, an IBAN, who asked (a user
 * name). A source scan of every module's main code, so that a new call that does is caught at once.
 */
class LogsCarryNoPersonalDataTest {

    private static final Pattern LOG_CALL = Pattern.compile("\\bLog\\.(trace|debug|info|warn|error|fatal)f?\\(");
    /** What a log's arguments (its format string aside) must not name. */
    private static final Pattern PERSONAL = Pattern.compile("(?i)(\\w*e-?mail\\w*|\\w*recipient\\w*|\\w*iban\\w*"
            + "|requestedBy|\\bby\\b|caller\\.name\\(\\)|getPrincipal\\(\\)|preferred_username"
            + "|\\b(driver|d|customer|holder|person|user)\\.name\\b|\\bfullName\\b|billingAddress|\\bstreet\\b)");

    @Test
    void noLogCallOfAnyModulePrintsPersonalData() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> offences = new ArrayList<>();
        int calls = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(LogsCarryNoPersonalDataTest::isMainSource).toList()) {
                String source = read(file);
                Matcher call = LOG_CALL.matcher(source);
                while (call.find()) {
                    calls++;
                    String arguments = withoutStrings(argumentsOf(source, call.end()));
                    Matcher personal = PERSONAL.matcher(arguments);
                    if (personal.find()) {
                        offences.add(root.relativize(file) + ": " + personal.group() + " in Log call at line "
                                + lineOf(source, call.start()));
                    }
                }
            }
        }
        assertThat(calls).as("Log calls found").isGreaterThan(50);
        assertThat(offences).isEmpty();
    }

    @Test
    void theScanFindsAnEmailOrANameInALogCall() {
        String source = "Log.infof(\"Mailed %s to %s\", row.step, row.recipient); Log.infof(\"%s\", driver.name);";
        Matcher call = LOG_CALL.matcher(source);
        List<String> found = new ArrayList<>();
        while (call.find()) {
            Matcher personal = PERSONAL.matcher(withoutStrings(argumentsOf(source, call.end())));
            if (personal.find()) {
                found.add(personal.group());
            }
        }
        assertThat(found).containsExactly("recipient", "driver.name");
    }

    private static boolean isMainSource(Path file) {
        String path = file.toString().replace('\\', '/');
        return path.endsWith(".java") && path.contains("/src/main/java/") && !path.contains("/target/")
                && !path.contains("/node_modules/");
    }

    /** The text of a call's arguments: from the opening parenthesis to the one that closes it. */
    static String argumentsOf(String source, int from) {
        int depth = 1;
        boolean inString = false;
        int i = from;
        for (; i < source.length() && depth > 0; i++) {
            char c = source.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        }
        return source.substring(from, Math.max(from, i - 1));
    }

    /** The arguments with their string literals (the format string above all) left out. */
    static String withoutStrings(String arguments) {
        return arguments.replaceAll("\"\"\"[\\s\\S]*?\"\"\"", "\"\"").replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
    }

    private static int lineOf(String source, int index) {
        return (int) source.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
