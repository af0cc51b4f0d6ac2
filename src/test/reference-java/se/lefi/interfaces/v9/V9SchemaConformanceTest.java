package se.lefi.interfaces.v9;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import se.lefi.domain.register.InformationType;

/**
 * Checks the JSON of the mapping against the agency's OpenAPI yaml itself, as a client generated from the
 * schema with FAIL_ON_UNKNOWN_PROPERTIES would: every property must be declared by the schema at its place,
 * every value must have the schema's JSON type, enums, patterns, date formats, maxItems and required hold.
 */
class V9SchemaConformanceTest {

    /** The agency's description, where the build found it (-Dlefi.reference.dir; pom.xml passes it on). */
    static final Path YAML = Path.of(System.getProperty("lefi.reference.dir", "../shared/reference"))
            .resolve("lefi-v9/lefi-formansinformation-v9.openapi.yaml");

    private static Map<String, Object> schemas;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void loadYaml() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(16 * 1024 * 1024);
        try (Reader r = Files.newBufferedReader(YAML, StandardCharsets.UTF_8)) {
            Map<String, Object> root = new Yaml(new SafeConstructor(options)).load(r);
            schemas = (Map<String, Object>) ((Map<String, Object>) root.get("components")).get("schemas");
        }
    }

    @Test
    void answerForEveryBenefitGroupConformsToTheSchema() {
        JsonObject json = V9Json.answer(V9Fixtures.everythingQuestion(), V9Fixtures.everythingAnswer(), V9Fixtures.TODAY);
        assertConforms("LefiExternFormansinformationSvar", json);

        // Every one of the 27 groups came out in its case list, so every beslut schema used was checked.
        JsonObject f = json.getJsonObject("formansinformation");
        Set<String> expectedLists = new TreeSet<>();
        V9Decisions.CASES.values().forEach(s -> expectedLists.add(s.list()));
        for (String list : expectedLists) {
            assertTrue(f.containsKey(list), "missing case list " + list);
        }
        Set<String> formen = new TreeSet<>();
        for (String list : expectedLists) {
            for (JsonValue c : f.getJsonArray(list)) {
                JsonValue beslut = c.asJsonObject().get("beslut");
                List<JsonValue> all = beslut instanceof JsonArray a ? a : List.of(beslut);
                all.forEach(b -> formen.add(b.asJsonObject().getJsonObject("forman").getString("id")));
            }
        }
        Set<String> all27 = new TreeSet<>();
        V9Codes.FK_BENEFITS.keySet().forEach(c -> all27.add(c.substring(3)));
        assertEquals(all27, formen);
        for (String list : List.of("utbetalningsuppgift", "preliminarautbetalningar", "sjukpenninggrundandeInkomstuppgift",
                "generellPersoninformation")) {
            assertTrue(f.containsKey(list), "missing " + list);
        }
    }

    @Test
    void answerWithDeviationsConformsToTheSchema() {
        Set<InformationType> withheld = EnumSet.of(InformationType.SJP, InformationType.ABB, InformationType.SGI, InformationType.GEPI);
        var answer = V9Fixtures.everythingAnswer();
        answer = V9Fixtures.answer(answer.decisions(), answer.payments(), answer.sgi(), answer.personInformation(), withheld);
        var q = new V9Question(V9Fixtures.PERSON, LocalDate.of(2025, 1, 1), V9Fixtures.TODAY, List.of("FK:SJP", "FK:ABB"),
                List.of("PM:AP", "PM:BTI"), List.of("PM:EF"), List.of("FK:SJP", "PM:EF"), List.of("FK:ABB"),
                List.of("FK:SGI", "FK:GEPI", "FK:PANV", "FK:SKUP", "FK:STAV", "PM:LINT", "PM:PBH", "PM:PU"));
        JsonObject json = V9Json.answer(q, answer, V9Fixtures.TODAY);
        assertConforms("LefiExternFormansinformationSvar", json);
        JsonObject avvikelser = json.getJsonObject("avvikelser");
        assertEquals(Set.of("formansinformation", "preliminaraUtbetalningar", "utbetalningar", "ovrigInformation"), avvikelser.keySet());
    }

    @Test
    void availableTypesAndFelsvarConformToTheSchema() {
        assertConforms("LefiExternTillgangligaInformationstyper", V9Json.availableTypes(EnumSet.allOf(InformationType.class)));
        assertConforms("LefiExternTillgangligaInformationstyper", V9Json.availableTypes(Set.of()));
        assertConforms("LefiFelsvar", V9Json.felsvar("Internt fel.", Instant.parse("2026-06-30T10:15:30.123Z")));
    }

    @Test
    void codeListsEqualTheSchemaEnums() {
        assertEquals(enumOf("LefiFkFormanGruppKod"), List.copyOf(V9Codes.FK_BENEFITS.keySet()));
        assertEquals(enumOf("LefiPmFormanGruppKod"), List.copyOf(V9Codes.PM_BENEFITS.keySet()));
        assertEquals(enumOf("LefiExternFormanGruppKod"), List.copyOf(V9Codes.EXTERN_BENEFITS));
        assertEquals(enumOf("LefiExternOvrigInformationTypKod"), List.copyOf(V9Codes.OTHER_INFORMATION.keySet()));
        // The register's 27 benefit types are exactly the FK groups, and each has a case list.
        Set<String> register = new TreeSet<>();
        for (InformationType t : InformationType.values()) {
            if (t.isBenefit()) {
                register.add(V9Codes.code(t));
                assertTrue(V9Decisions.CASES.containsKey(t), t.name());
            }
        }
        assertEquals(new TreeSet<>(V9Codes.FK_BENEFITS.keySet()), register);
    }

    @Test
    void theValidatorItselfRejectsWhatAGeneratedClientWould() {
        JsonObject bad = jakarta.json.Json.createObjectBuilder()
                .add("avvikelser", jakarta.json.Json.createArrayBuilder()) // the example's [] where the schema has an object
                .add("formansinformation", jakarta.json.Json.createObjectBuilder()
                        .add("sjukpenningarende", jakarta.json.Json.createArrayBuilder().add(jakarta.json.Json.createObjectBuilder()
                                .add("avslaget", false) // not declared by LefiSjukpenningArende
                                .add("beslut", jakarta.json.Json.createArrayBuilder().add(jakarta.json.Json.createObjectBuilder()
                                        .add("dagar", "6") // a string where the schema has an integer
                                        .add("ersattning", jakarta.json.Json.createObjectBuilder().add("id", 101))))))) // object for string
                .build();
        List<String> errors = new ArrayList<>();
        validate(ref("LefiExternFormansinformationSvar"), bad, "$", errors);
        assertEquals(4, errors.size(), errors.toString());
    }

    // ---------------------------------------------------------------------------------------------

    private static void assertConforms(String schema, JsonValue json) {
        List<String> errors = new ArrayList<>();
        validate(ref(schema), json, "$", errors);
        assertTrue(errors.isEmpty(), () -> String.join("\n", errors));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> enumOf(String schema) {
        return (List<Object>) ((Map<String, Object>) schemas.get(schema)).get("enum");
    }

    private static Map<String, Object> ref(String name) {
        return Map.of("$ref", "#/components/schemas/" + name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> schema) {
        while (schema.containsKey("$ref")) {
            String ref = (String) schema.get("$ref");
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            schema = (Map<String, Object>) schemas.get(name);
            if (schema == null) {
                throw new AssertionError("unresolved " + ref);
            }
        }
        return schema;
    }

    @SuppressWarnings("unchecked")
    private static void validate(Map<String, Object> schemaNode, JsonValue value, String path, List<String> errors) {
        Map<String, Object> schema = resolve(schemaNode);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            errors.add(path + ": null");
            return;
        }
        if (schema.containsKey("allOf")) {
            for (Object part : (List<Object>) schema.get("allOf")) {
                validate((Map<String, Object>) part, value, path, errors);
            }
        }
        String type = (String) schema.get("type");
        if (type == null && schema.containsKey("properties")) {
            type = "object";
        }
        if (type == null) {
            errors.add(path + ": schema without type");
            return;
        }
        switch (type) {
            case "object" -> {
                if (!(value instanceof JsonObject o)) {
                    errors.add(path + ": expected object, got " + value.getValueType());
                    return;
                }
                Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
                for (Map.Entry<String, JsonValue> e : o.entrySet()) {
                    Object property = properties.get(e.getKey());
                    if (property == null) {
                        errors.add(path + "." + e.getKey() + ": not declared by the schema");
                    } else {
                        validate((Map<String, Object>) property, e.getValue(), path + "." + e.getKey(), errors);
                    }
                }
                for (Object required : (List<Object>) schema.getOrDefault("required", List.of())) {
                    if (!o.containsKey((String) required)) {
                        errors.add(path + "." + required + ": required, missing");
                    }
                }
            }
            case "array" -> {
                if (!(value instanceof JsonArray a)) {
                    errors.add(path + ": expected array, got " + value.getValueType());
                    return;
                }
                Object max = schema.get("maxItems");
                if (max != null && a.size() > ((Number) max).intValue()) {
                    errors.add(path + ": more than maxItems " + max);
                }
                if (Boolean.TRUE.equals(schema.get("uniqueItems")) && new HashSet<>(a).size() != a.size()) {
                    errors.add(path + ": items not unique");
                }
                for (int i = 0; i < a.size(); i++) {
                    validate((Map<String, Object>) schema.get("items"), a.get(i), path + "[" + i + "]", errors);
                }
            }
            case "string" -> {
                if (!(value instanceof JsonString s)) {
                    errors.add(path + ": expected string, got " + value.getValueType());
                    return;
                }
                String text = s.getString();
                checkEnum(schema, text, path, errors);
                Object pattern = schema.get("pattern");
                if (pattern != null && !Pattern.compile((String) pattern).matcher(text).find()) {
                    errors.add(path + ": does not match " + pattern);
                }
                Object format = schema.get("format");
                try {
                    if ("date".equals(format)) {
                        LocalDate.parse(text);
                    } else if ("date-time".equals(format)) {
                        OffsetDateTime.parse(text);
                    }
                } catch (RuntimeException e) {
                    errors.add(path + ": not a " + format);
                }
            }
            case "integer" -> {
                if (!(value instanceof JsonNumber n) || !n.isIntegral()) {
                    errors.add(path + ": expected integer, got " + value);
                    return;
                }
                checkEnum(schema, n.intValue(), path, errors);
            }
            case "number" -> {
                if (!(value instanceof JsonNumber)) {
                    errors.add(path + ": expected number, got " + value.getValueType());
                }
            }
            case "boolean" -> {
                if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                    errors.add(path + ": expected boolean, got " + value.getValueType());
                }
            }
            default -> errors.add(path + ": unknown schema type " + type);
        }
    }

    private static void checkEnum(Map<String, Object> schema, Object v, String path, List<String> errors) {
        Object values = schema.get("enum");
        if (values instanceof List<?> list && !list.contains(v)) {
            errors.add(path + ": " + v + " not in enum");
        }
    }
}
