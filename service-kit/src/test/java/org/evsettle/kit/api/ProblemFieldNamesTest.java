package org.evsettle.kit.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** Problems name a broken field as the client wrote it, list indexes included. */
class ProblemFieldNamesTest {

    record Component(@NotNull String type, @PositiveOrZero int unitPrice) {
    }

    record Form(@NotBlank String name, @Valid List<Component> components, List<@NotBlank String> userTypes) {
    }

    static class Resource {
        public void create(@Valid Form form) {
        }
    }

    private final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @Test
    void namesFieldsWithoutTheMethodAndParameter() throws NoSuchMethodException {
        assertThat(fields(new Form("", List.of(), List.of()))).containsExactly("name");
    }

    @Test
    void putsAListIndexOnTheList() throws NoSuchMethodException {
        Form form = new Form("ok", List.of(new Component("ENERGY", 1), new Component(null, -1)), List.of("A", " "));

        assertThat(fields(form)).containsExactlyInAnyOrder(
                "components[1].type", "components[1].unitPrice", "userTypes[1]");
    }

    private List<String> fields(Form form) throws NoSuchMethodException {
        Method create = Resource.class.getMethod("create", Form.class);
        Set<ConstraintViolation<Resource>> violations =
                validator.forExecutables().validateParameters(new Resource(), create, new Object[] {form});
        return violations.stream().map(ProblemMapper::field).toList();
    }
}
