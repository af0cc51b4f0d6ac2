package se.lefi.interfaces.rest.v1;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A GetBenefitInformation body read and checked by hand rather than by the JAX-RS provider, so that
 * an unreadable or invalid one can be audited like every other refusal. {@code invalid} names the
 * fields at fault (never their values), or is null.
 */
public record QueryBody(BenefitInformationJson.Query query, String invalid) {
    private static final Jsonb JSONB = JsonbBuilder.create();

    public static QueryBody read(String json, Validator validator) {
        BenefitInformationJson.Query query;
        try {
            query = json == null || json.isBlank() ? null : JSONB.fromJson(json, BenefitInformationJson.Query.class);
        } catch (JsonbException e) {
            return new QueryBody(null, "The body is not valid JSON of the expected shape.");
        }
        if (query == null) {
            return new QueryBody(null, "The body is empty.");
        }
        Set<ConstraintViolation<BenefitInformationJson.Query>> violations = validator.validate(query);
        if (!violations.isEmpty()) {
            return new QueryBody(null, "Invalid fields: " + violations.stream()
                    .map(v -> v.getPropertyPath().toString()).sorted().distinct().collect(Collectors.joining(", ")));
        }
        return new QueryBody(query, null);
    }
}
