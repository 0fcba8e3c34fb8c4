package com.hirerelay.api.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * some row, so a rule cannot lose its test, nor a test its rule, without a red build. The rules that bind the
 * host name a test of the host ({@code Class#method}), which must exist in the host's test sources.
 */
class RuleTableTest {

    private static final Pattern TEST_NAME = Pattern.compile("`([a-z][A-Za-z]+)(\\[op\\])?`");
    private static final Pattern HOST_TEST = Pattern.compile("`([A-Z][A-Za-z]+)#([a-z][A-Za-z]+)`");
    private static final Path HOST_TESTS = Path.of("../../host-demo/app/src/test/java");
    private static final String HOST_SECTION = "### The host's side of the contract";

    /** Test name to whether the table writes it {@code name[op]}. */
    private static Map<String, Boolean> named;

    /** Test name to whether it is parameterised. */
    private static Map<String, Boolean> kitTests;

    /** Each row of the host's table, with the host tests it names ({@code Class#method}). */
    private static Map<String, List<String>> hostRows;

    @BeforeAll
    static void readTheTableAndTheKit() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## The rules and the tests that check them");
        int end = readme.indexOf(HOST_SECTION);
        assertThat(start).as("the README's rule table section").isNotNegative();
        assertThat(end).as("the README's table of the host's rules").isGreaterThan(start);
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
        hostRows = new LinkedHashMap<>();
        String hostSection = readme.substring(end);
        int hostEnd = hostSection.indexOf("\n### ", HOST_SECTION.length());
        hostSection
                .substring(0, hostEnd < 0 ? hostSection.length() : hostEnd)
                .lines()
                .filter(line -> line.startsWith("| `"))
                .forEach(line -> {
                    List<String> tests = new ArrayList<>();
                    Matcher matcher = HOST_TEST.matcher(line.substring(line.lastIndexOf("| ", line.length() - 2)));
                    while (matcher.find()) {
                        tests.add(matcher.group(1) + "#" + matcher.group(2));
                    }
                    hostRows.put(line, tests);
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
    void everyRuleOfTheHostNamesAHostTestThatExists() throws IOException {
        assertThat(hostRows).as("rows of README.md's table of the host's rules").isNotEmpty();
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(HOST_TESTS)) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith("Test.java")).toList()) {
                String name = file.getFileName().toString();
                sources.put(name.substring(0, name.length() - ".java".length()), Files.readString(file));
            }
        }
        hostRows.forEach((row, tests) -> {
            assertThat(tests).as("the host test that checks: %s", row).isNotEmpty();
            for (String test : tests) {
                String testClass = test.substring(0, test.indexOf('#'));
                String method = test.substring(test.indexOf('#') + 1);
                assertThat(sources)
                        .as("README.md names %s, but the host has no test class %s", test, testClass)
                        .containsKey(testClass);
                assertThat(sources.get(testClass))
                        .as("README.md names %s, but %s has no such test", test, testClass)
                        .containsPattern("void " + method + "\\(");
            }
        });
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
