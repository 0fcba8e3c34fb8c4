package com.hirerelay.api.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The README's rule table and the kit agree: every test a row names exists (a parameterised one written
 * {@code name[op]}), and every test of {@link HrisPluginContract} and {@link HrisMatchContract} is named by
 * some row, so a rule cannot lose its test, nor a test its rule, without a red build.
 */
class RuleTableTest {

    private static final Pattern TEST_NAME = Pattern.compile("`([a-z][A-Za-z]+)(\\[op\\])?`");

    /** Test name to whether the table writes it {@code name[op]}. */
    private static Map<String, Boolean> named;

    /** Test name to whether it is parameterised. */
    private static Map<String, Boolean> kitTests;

    @BeforeAll
    static void readTheTableAndTheKit() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## The rules and the tests that check them");
        int end = readme.indexOf("### Rules the kit does not check");
        assertThat(start).as("the README's rule table section").isNotNegative();
        assertThat(end).as("the README's list of rules the kit does not check").isGreaterThan(start);
        named = new TreeMap<>();
        readme.substring(start, end)
                .lines()
                .filter(line -> line.startsWith("| `") || line.startsWith("| "))
                .map(line -> line.substring(line.lastIndexOf("| ", line.length() - 2)))
                .forEach(lastColumn -> {
                    Matcher matcher = TEST_NAME.matcher(lastColumn);
                    while (matcher.find()) {
                        named.put(matcher.group(1), matcher.group(2) != null);
                    }
                });
        kitTests = new TreeMap<>();
        Stream.of(HrisPluginContract.class, HrisMatchContract.class)
                .flatMap(kit -> Stream.of(kit.getDeclaredMethods()))
                .filter(method ->
                        method.isAnnotationPresent(Test.class) || method.isAnnotationPresent(ParameterizedTest.class))
                .forEach(method -> kitTests.put(method.getName(), isParameterised(method)));
    }

    private static boolean isParameterised(Method method) {
        return method.isAnnotationPresent(ParameterizedTest.class);
    }

    @Test
    void everyTestTheTableNamesExistsInTheKit() {
        assertThat(kitTests.keySet())
                .as("tests named in README.md's rule table but missing from the kit")
                .containsAll(named.keySet());
    }

    @Test
    void everyKitTestIsNamedByARuleOfTheTable() {
        assertThat(named.keySet())
                .as("kit tests that no row of README.md's rule table names")
                .containsAll(kitTests.keySet());
    }

    @Test
    void theTableWritesExactlyTheParameterisedTestsPerOperation() {
        named.forEach((name, perOperation) -> {
            if (kitTests.containsKey(name)) {
                assertThat(perOperation)
                        .as(
                                "README.md writes '%s' %s, but the kit test is %s",
                                name,
                                perOperation ? "name[op]" : "plain",
                                kitTests.get(name) ? "parameterised" : "a single test")
                        .isEqualTo(kitTests.get(name));
            }
        });
    }
}
