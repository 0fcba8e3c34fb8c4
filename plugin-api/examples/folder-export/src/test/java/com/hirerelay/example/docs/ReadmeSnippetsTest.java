package com.hirerelay.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's plugin guide must show code that exists and compiles: every fenced block announced with
 * {@code <!-- snippet: path -->} must be an exact excerpt of that file, which the build compiles (or,
 * for a POM, uses).
 */
class ReadmeSnippetsTest {

    private static final Pattern SNIPPET =
            Pattern.compile("<!-- snippet: (\\S+) -->\\s*\\n```[a-z]*\\n(.*?)\\n```", Pattern.DOTALL);

    private final Path root = Path.of(System.getProperty("project.root", "../../.."))
            .toAbsolutePath()
            .normalize();

    @Test
    void everyAnnouncedSnippetIsAnExactExcerptOfItsSourceFile() throws IOException {
        String readme = Files.readString(root.resolve("README.md"));
        Matcher matcher = SNIPPET.matcher(readme);
        List<String> checked = new ArrayList<>();
        while (matcher.find()) {
            Path source = root.resolve(matcher.group(1));
            assertThat(source).as("README snippet source").exists();
            String text = normalise(Files.readString(source));
            assertThat(text)
                    .as("README snippet from %s must match the file exactly", matcher.group(1))
                    .contains(normalise(matcher.group(2)));
            checked.add(matcher.group(1));
        }
        assertThat(checked).as("snippets found in README.md").hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void everyJavaBlockInThePluginGuideIsAnnounced() throws IOException {
        String readme = Files.readString(root.resolve("README.md"));
        String guide = readme.substring(readme.indexOf("## Writing an HRIS plugin"));
        long javaBlocks = Pattern.compile("```java").matcher(guide).results().count();
        long announced = Pattern.compile("<!-- snippet: \\S+\\.java -->")
                .matcher(guide)
                .results()
                .count();
        assertThat(announced)
                .as("every Java snippet in the guide must name the compiled file it comes from")
                .isEqualTo(javaBlocks);
    }

    private static String normalise(String text) {
        return text.replace("\r\n", "\n")
                .lines()
                .map(String::stripTrailing)
                .reduce((a, b) -> a + "\n" + b)
                .orElse("");
    }
}
