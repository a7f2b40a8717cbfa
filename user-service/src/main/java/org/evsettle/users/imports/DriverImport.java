package org.evsettle.users.imports;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Problem;
import org.evsettle.kit.text.CsvTable;
import org.evsettle.users.Card;
import org.evsettle.users.CardIdTag;
import org.evsettle.users.Driver;
import org.evsettle.users.Employers;
import org.evsettle.users.Operator;
import org.evsettle.users.UserTypes;
import org.evsettle.users.api.AddressForm;
import org.evsettle.users.api.DriverForm;
import org.evsettle.users.messaging.RegistryPublisher;

/**
 * Bulk onboarding: drivers (each with at most one card) from a CSV file, all or nothing. Every row is
 * checked by the rules of the API (the same forms, the same validation) and against the operator's
 * data and the other rows; if any row breaks a rule, nothing is imported and every rejection is
 * named. Otherwise every driver and card is created, and published, in the caller's transaction. An
 * employer is named by its e-mail: a driver of the operator registered before (not one of the same file).
 */
@ApplicationScoped
public class DriverImport {

    /** Enough for a large housing estate; a bigger registry is imported in parts. */
    public static final int MAX_ROWS = 5_000;
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd-MM-uuuu"), DateTimeFormatter.ofPattern("dd/MM/uuuu"));

    /** What was created for one row. */
    public record ImportedDriver(int line, UUID driverId, String email, UUID cardId, String cardIdTag) {
    }

    /** What an import created. */
    public record Result(int drivers, int cards, List<ImportedDriver> rows) {
    }

    /** A row that passed every check, ready to be created. */
    private record Row(int line, DriverForm driver, String idTag, String cardLabel, LocalDate cardValidUntil) {
    }

    private final Validator validator;
    private final EntityManager entityManager;
    private final RegistryPublisher registry;
    private final Clock clock;

    public DriverImport(Validator validator, EntityManager entityManager, RegistryPublisher registry, Clock clock) {
        this.validator = validator;
        this.entityManager = entityManager;
        this.registry = registry;
        this.clock = clock;
    }

    /** The header line of a file the import reads, for operators to fill in. */
    public static String template() {
        return String.join(",", DriverColumn.titles()) + "\r\n";
    }

    /** Imports the file for the operator in the caller's transaction, or throws what is wrong with it. */
    public Result run(Operator operator, String csv) {
        long started = System.nanoTime();
        CsvTable table = read(csv);
        Map<DriverColumn, Integer> columns = columns(table.header());
        if (table.records().isEmpty()) {
            throw DomainException.invalid("body", "holds no drivers below the header line");
        }
        if (table.records().size() > MAX_ROWS) {
            throw DomainException.invalid("body", "holds " + table.records().size() + " drivers; at most " + MAX_ROWS
                    + " per import");
        }
        List<Problem.Violation> rejections = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Checks checks = new Checks(operator, table, columns);
        for (CsvTable.Record record : table.records()) {
            check(record, columns, operator, checks, rejections).ifPresent(rows::add);
        }
        if (!rejections.isEmpty()) {
            rejections.sort(Comparator.comparingInt(DriverImport::lineOf).thenComparing(Problem.Violation::field));
            long rejectedRows = rejections.stream().mapToInt(DriverImport::lineOf).distinct().count();
            throw DomainException.unprocessable("Nothing was imported: " + rejectedRows + " of "
                    + table.records().size() + " rows are rejected", rejections);
        }
        Result result = create(operator, rows);
        Log.infof("Imported %d drivers and %d cards for operator %s in %d ms (before the commit)", result.drivers(),
                result.cards(), operator.id, (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    private static CsvTable read(String csv) {
        try {
            return CsvTable.parse(csv == null ? "" : csv);
        } catch (CsvTable.Malformed e) {
            throw DomainException.invalid("line[" + e.line() + "]", "cannot be read as CSV: " + e.getMessage());
        }
    }

    private static Map<DriverColumn, Integer> columns(List<String> header) {
        Map<DriverColumn, Integer> columns = new EnumMap<>(DriverColumn.class);
        for (int i = 0; i < header.size(); i++) {
            String title = header.get(i);
            if (title.isEmpty()) {
                continue;
            }
            DriverColumn column = DriverColumn.named(title).orElseThrow(() -> DomainException.invalid("header",
                    "names an unknown column " + title + "; the columns are " + String.join(", ", DriverColumn.titles())));
            if (columns.put(column, i) != null) {
                throw DomainException.invalid("header", "names column " + column.title() + " twice");
            }
        }
        List<String> missing = Arrays.stream(DriverColumn.values())
                .filter(column -> column.required() && !columns.containsKey(column)).map(DriverColumn::title).toList();
        if (!missing.isEmpty()) {
            throw DomainException.invalid("header", "lacks the required columns " + String.join(", ", missing));
        }
        return columns;
    }

    private Optional<Row> check(CsvTable.Record record, Map<DriverColumn, Integer> columns, Operator operator,
                                Checks checks, List<Problem.Violation> rejections) {
        int before = rejections.size();
        int line = record.line();
        if (record.cells().size() > checks.width
                && record.cells().subList(checks.width, record.cells().size()).stream().anyMatch(c -> !c.isBlank())) {
            rejections.add(reject(line, null, "has more cells than the header has columns"));
        }
        DriverForm form = new DriverForm(
                cell(record, columns, DriverColumn.NAME),
                cell(record, columns, DriverColumn.EMAIL),
                new AddressForm(cell(record, columns, DriverColumn.STREET), cell(record, columns, DriverColumn.POSTAL_CODE),
                        cell(record, columns, DriverColumn.CITY), upper(cell(record, columns, DriverColumn.COUNTRY_CODE))),
                blankToNull(upper(cell(record, columns, DriverColumn.USER_TYPE))),
                blankToNull(cell(record, columns, DriverColumn.COMPANY_NAME)),
                blankToNull(upper(cell(record, columns, DriverColumn.COMPANY_VAT_NUMBER)).replace(" ", "")),
                null, null,
                blankToNull(cell(record, columns, DriverColumn.LANGUAGE)),
                blankToNull(cell(record, columns, DriverColumn.COMPANY_REGISTRATION_NUMBER)),
                null,
                blankToNull(cell(record, columns, DriverColumn.PAYOUT_IBAN)));
        String employerEmail = cell(record, columns, DriverColumn.EMPLOYER_EMAIL).toLowerCase(Locale.ROOT);
        if (!employerEmail.isEmpty()) {
            Driver employer = checks.employers.get(employerEmail);
            if (employer == null) {
                rejections.add(reject(line, DriverColumn.EMPLOYER_EMAIL.title(), "is not the e-mail of a driver of this"
                        + " operator (an employer is registered before its employees)"));
            } else {
                form = form.withEmployer(employer.id);
                Employers.brokenRule(operator, null, form.userTypeOrDefault(), employer.id, Optional.of(employer))
                        .ifPresent(rule -> rejections.add(reject(line, DriverColumn.EMPLOYER_EMAIL.title(), rule)));
            }
        }
        for (ConstraintViolation<DriverForm> violation : validator.validate(form)) {
            rejections.add(reject(line, column(violation.getPropertyPath().toString()), violation.getMessage()));
        }
        if (form.userType() != null && form.userType().matches(UserTypes.PATTERN)
                && !operator.userTypes().contains(form.userType())) {
            rejections.add(reject(line, DriverColumn.USER_TYPE.title(),
                    "must be one of the operator's user types: " + operator.userTypes()));
        }
        for (Problem.Violation violation : form.companyRuleViolations()) {
            rejections.add(reject(line, violation.field(), violation.message()));
        }
        if (!form.email().isBlank()) {
            String email = form.normalizedEmail();
            if (checks.existingEmails.contains(email)) {
                rejections.add(reject(line, DriverColumn.EMAIL.title(), "belongs to a driver of this operator already"));
            } else if (checks.emailLines.get(email) != line) {
                rejections.add(reject(line, DriverColumn.EMAIL.title(), "is on line " + checks.emailLines.get(email)
                        + " too"));
            }
        }
        String idTag = null;
        String rawTag = cell(record, columns, DriverColumn.CARD_ID_TAG);
        if (!rawTag.isEmpty()) {
            idTag = CardIdTag.normalize(rawTag);
            Optional<String> broken = CardIdTag.brokenRule(idTag);
            if (broken.isPresent()) {
                rejections.add(reject(line, DriverColumn.CARD_ID_TAG.title(), broken.get()));
            } else if (checks.existingTags.contains(idTag)) {
                rejections.add(reject(line, DriverColumn.CARD_ID_TAG.title(),
                        "is a card of this operator already (" + idTag + ")"));
            } else if (checks.tagLines.get(idTag) != line) {
                rejections.add(reject(line, DriverColumn.CARD_ID_TAG.title(), "is on line " + checks.tagLines.get(idTag)
                        + " too (" + idTag + ")"));
            }
        }
        String label = blankToNull(cell(record, columns, DriverColumn.CARD_LABEL));
        if (label != null && label.length() > 100) {
            rejections.add(reject(line, DriverColumn.CARD_LABEL.title(), "size must be between 0 and 100"));
        }
        LocalDate validUntil = null;
        String rawDate = cell(record, columns, DriverColumn.CARD_VALID_UNTIL);
        if (!rawDate.isEmpty()) {
            validUntil = date(rawDate);
            if (validUntil == null) {
                rejections.add(reject(line, DriverColumn.CARD_VALID_UNTIL.title(),
                        "must be a date such as 2027-12-31 or 31-12-2027"));
            } else if (validUntil.isBefore(operator.today(clock.instant()))) {
                rejections.add(reject(line, DriverColumn.CARD_VALID_UNTIL.title(),
                        "must be today or later in the operator's time zone"));
            }
        }
        if (rawTag.isEmpty() && (label != null || !rawDate.isEmpty())) {
            rejections.add(reject(line, DriverColumn.CARD_ID_TAG.title(), "is required with a cardLabel or cardValidUntil"));
        }
        return rejections.size() == before ? Optional.of(new Row(line, form, idTag, label, validUntil)) : Optional.empty();
    }

    private Result create(Operator operator, List<Row> rows) {
        List<Driver> drivers = new ArrayList<>(rows.size());
        List<Card> cards = new ArrayList<>();
        List<ImportedDriver> imported = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Driver driver = new Driver();
            driver.id = UUID.randomUUID();
            driver.operatorId = operator.id;
            row.driver().applyTo(driver);
            drivers.add(driver);
            Card card = null;
            if (row.idTag() != null) {
                card = new Card();
                card.id = UUID.randomUUID();
                card.operatorId = operator.id;
                card.driverId = driver.id;
                card.idTag = row.idTag();
                card.label = row.cardLabel();
                card.validUntil = row.cardValidUntil();
                // a new driver is active and owes nothing: the card is usable at once
                card.activate();
                cards.add(card);
            }
            imported.add(new ImportedDriver(row.line(), driver.id, driver.email, card == null ? null : card.id,
                    row.idTag()));
        }
        // drivers first, then cards: one flush writes each kind in JDBC batches; then every record to the outbox
        drivers.forEach(driver -> driver.persist());
        cards.forEach(card -> card.persist());
        registry.changedAll(drivers);
        registry.changedAll(cards);
        return new Result(drivers.size(), cards.size(), imported);
    }

    /** What the rows are checked against: the operator's e-mails and cards, and where each occurs in the file. */
    private final class Checks {
        final Set<String> existingEmails = new HashSet<>();
        final Set<String> existingTags = new HashSet<>();
        final Map<String, Integer> emailLines = new HashMap<>();
        final Map<String, Integer> tagLines = new HashMap<>();
        final Map<String, Driver> employers = new HashMap<>();
        final int width;

        Checks(Operator operator, CsvTable table, Map<DriverColumn, Integer> columns) {
            width = table.header().size();
            for (CsvTable.Record record : table.records()) {
                String email = cell(record, columns, DriverColumn.EMAIL).toLowerCase(Locale.ROOT);
                if (!email.isEmpty()) {
                    emailLines.putIfAbsent(email, record.line());
                }
                String tag = cell(record, columns, DriverColumn.CARD_ID_TAG);
                if (!tag.isEmpty()) {
                    tagLines.putIfAbsent(CardIdTag.normalize(tag), record.line());
                }
            }
            Set<String> employerEmails = new HashSet<>();
            for (CsvTable.Record record : table.records()) {
                String employer = cell(record, columns, DriverColumn.EMPLOYER_EMAIL).toLowerCase(Locale.ROOT);
                if (!employer.isEmpty()) {
                    employerEmails.add(employer);
                }
            }
            if (!employerEmails.isEmpty()) {
                entityManager.createQuery("from Driver d where d.operatorId = :operator and d.email in :emails",
                                Driver.class)
                        .setParameter("operator", operator.id).setParameter("emails", employerEmails)
                        .getResultList().forEach(driver -> employers.put(driver.email, driver));
            }
            if (!emailLines.isEmpty()) {
                existingEmails.addAll(entityManager.createQuery(
                                "select d.email from Driver d where d.operatorId = :operator and d.email in :emails",
                                String.class)
                        .setParameter("operator", operator.id).setParameter("emails", emailLines.keySet())
                        .getResultList());
            }
            if (!tagLines.isEmpty()) {
                existingTags.addAll(entityManager.createQuery(
                                "select c.idTag from Card c where c.operatorId = :operator and c.idTag in :tags",
                                String.class)
                        .setParameter("operator", operator.id).setParameter("tags", tagLines.keySet())
                        .getResultList());
            }
        }
    }

    private static String cell(CsvTable.Record record, Map<DriverColumn, Integer> columns, DriverColumn column) {
        Integer index = columns.get(column);
        return index == null ? "" : record.cell(index);
    }

    /** The import column of a form property: billingAddress.city is the column city. */
    private static String column(String property) {
        return property.startsWith("billingAddress.") ? property.substring("billingAddress.".length()) : property;
    }

    private static Problem.Violation reject(int line, String column, String rule) {
        return new Problem.Violation("line[" + line + "]" + (column == null ? "" : "." + column), rule);
    }

    private static int lineOf(Problem.Violation violation) {
        String field = violation.field();
        return Integer.parseInt(field.substring(field.indexOf('[') + 1, field.indexOf(']')));
    }

    private static LocalDate date(String text) {
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // the next format may read it
            }
        }
        return null;
    }

    private static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
