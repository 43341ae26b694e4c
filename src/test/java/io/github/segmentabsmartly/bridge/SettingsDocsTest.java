package io.github.segmentabsmartly.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.segmentabsmartly.bridge.settings.BridgeSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * docs/settings.md against what it documents: a row {@code | `key` | `VARIABLE` | default | meaning |} for every key of
 * application.properties (the credential keys it leaves out as {@code #key=} lines too), with the key's environment
 * variable and its default as the file gives it; no row for a key the file does not have, except {@code | — |} rows
 * for the variables log4j2.properties reads. And the absmartly-sink Kamelet's properties as the Kamelet catalog gives
 * them.
 */
class SettingsDocsTest {

    static final Path PROPERTIES = Path.of("application.properties");
    static final Path DOCS = Path.of("docs/settings.md");
    static final Path LOG4J = Path.of("src/main/resources/log4j2.properties");
    static final Path KAMELET = Path.of("src/main/resources/kamelets/absmartly-sink.kamelet.yaml");

    /** {@code key=value}, or {@code #key=value} for a key left out by default. */
    static final Pattern KEY_LINE = Pattern.compile("^(#?)([a-z][a-z0-9.-]+)=(.*)$");
    static final Pattern KEY_CELL = Pattern.compile("`([a-z][a-z0-9.-]+)`");
    /** A value that is only a placeholder: an environment variable with a default, or another key. */
    static final Pattern ENV_WITH_DEFAULT = Pattern.compile("\\{\\{env:[A-Z0-9_]+:(.*)}}");
    static final Pattern OTHER_KEY = Pattern.compile("\\{\\{([a-z][a-z0-9.-]+)}}");
    static final String NO_PROPERTY = "—";
    static final Pattern BRIDGE_VARIABLE = Pattern.compile("\\bBRIDGE_[A-Z0-9_]+");

    /** A key of application.properties; {@code value} is null for a key the file leaves out. */
    record Setting(String key, String value) {

        String environmentVariable() {
            return BridgeSettings.environmentVariableFor(key);
        }

        /** The default column: the value in backticks, or what a reader needs instead of the raw value. */
        String documentedDefault() {
            if (value == null) {
                return "none (not set)";
            }
            if (value.isEmpty()) {
                return "empty";
            }
            Matcher env = ENV_WITH_DEFAULT.matcher(value);
            if (env.matches()) {
                return "`" + env.group(1) + "`";
            }
            Matcher otherKey = OTHER_KEY.matcher(value);
            if (otherKey.matches()) {
                return "as `" + otherKey.group(1) + "`";
            }
            return "`" + value + "`";
        }
    }

    static Map<String, Setting> settings() throws IOException {
        Map<String, Setting> settings = new LinkedHashMap<>();
        for (String line : Files.readAllLines(PROPERTIES)) {
            Matcher matcher = KEY_LINE.matcher(line);
            if (matcher.matches()) {
                boolean leftOut = matcher.group(1).equals("#");
                settings.put(matcher.group(2), new Setting(matcher.group(2), leftOut ? null : matcher.group(3).strip()));
            }
        }
        return settings;
    }

    /** The cells of each table row of docs/settings.md whose first cell is a key or {@value #NO_PROPERTY}. */
    static List<List<String>> rows() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(DOCS)) {
            if (!line.startsWith("|")) {
                continue;
            }
            String[] split = line.split("(?<!\\\\)\\|", -1);
            List<String> cells = Arrays.stream(split, 1, Math.max(1, split.length - 1)).map(String::strip).toList();
            if (!cells.isEmpty() && (KEY_CELL.matcher(cells.get(0)).matches() || cells.get(0).equals(NO_PROPERTY))) {
                rows.add(cells);
            }
        }
        return rows;
    }

    static Stream<String> keys() throws IOException {
        return settings().keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void eachKeyHasARowWithItsVariableAndDefault(String key) throws IOException {
        Setting setting = settings().get(key);
        List<List<String>> rows = rows().stream().filter(row -> row.get(0).equals("`" + key + "`")).toList();

        assertEquals(1, rows.size(), key + ": docs/settings.md should have one row for it, has " + rows.size());
        List<String> row = rows.get(0);
        assertEquals(4, row.size(), key + ": its row should have 4 cells: " + row);
        assertTrue(row.get(1).contains("`" + setting.environmentVariable() + "`"),
                key + ": its row should name the variable `" + setting.environmentVariable() + "`, not " + row.get(1));
        assertEquals(setting.documentedDefault(), row.get(2), key + ": its row gives another default than"
                + " application.properties");
        assertFalse(row.get(3).isBlank(), key + ": its row says nothing of what it means");
    }

    @Test
    void noRowForAKeyTheFileDoesNotHaveAndOneForEachVariableLog4jReads() throws IOException {
        Set<String> keys = settings().keySet();
        Set<String> log4jVariables = log4jVariables();
        Set<String> documentedVariables = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (List<String> row : rows()) {
            Matcher key = KEY_CELL.matcher(row.get(0));
            if (key.matches() && !keys.contains(key.group(1))) {
                problems.add(key.group(1) + ": docs/settings.md has a row for it, application.properties no such key");
            } else if (!key.matches()) {
                String variable = row.size() > 1 ? row.get(1).replace("`", "") : "";
                documentedVariables.add(variable);
                if (!log4jVariables.contains(variable)) {
                    problems.add(variable + ": docs/settings.md has a row for it with no property, and log4j2.properties"
                            + " does not read it");
                }
            }
        }
        for (String variable : log4jVariables) {
            if (!documentedVariables.contains(variable)) {
                problems.add(variable + ": log4j2.properties reads it, docs/settings.md has no row for it");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The bridge's variables named in log4j2.properties' settings (not its comments). */
    static Set<String> log4jVariables() throws IOException {
        Set<String> variables = new TreeSet<>();
        for (String line : Files.readAllLines(LOG4J)) {
            if (line.startsWith("#")) {
                continue;
            }
            Matcher variable = BRIDGE_VARIABLE.matcher(line);
            while (variable.find()) {
                variables.add(variable.group());
            }
        }
        assertFalse(variables.isEmpty(), "log4j2.properties reads no BRIDGE_ variable");
        return variables;
    }

    @Test
    void eachKameletPropertyHasATitleDescriptionTypeDefaultAndExample() throws IOException {
        Map<?, ?> kamelet = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(KAMELET));
        Map<?, ?> properties = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) kamelet.get("spec")).get("definition"))
                .get("properties");
        assertNotNull(properties, "the Kamelet has no spec.definition.properties");
        assertFalse(properties.isEmpty(), "the Kamelet has no properties to check");

        List<String> problems = new ArrayList<>();
        properties.forEach((name, definition) -> {
            Map<?, ?> fields = (Map<?, ?>) definition;
            for (String field : List.of("title", "description", "type", "default", "example")) {
                if (fields == null || !fields.containsKey(field)) {
                    problems.add("Kamelet property " + name + " has no " + field);
                } else if (!field.equals("default") && String.valueOf(fields.get(field)).isBlank()) {
                    problems.add("Kamelet property " + name + " has a blank " + field);
                }
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
