package com.hirerelay.host.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Connect-form defaults as an operator gives them: keys {@code connectorId.settingKey}, such as
 * {@code factorial.base_url}, from a properties file or from {@code --plugin-default} flags. The host
 * passes them on without knowing any connector.
 */
final class PluginDefaults {

    private PluginDefaults() {}

    /**
     * @param file a properties file (UTF-8), one {@code connectorId.settingKey=value} a line
     * @return its defaults by key
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the first malformed key
     */
    static Map<String, String> read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException missing) {
            throw new IOException("there is no file " + file, missing);
        } catch (IOException unreadable) {
            throw new IOException("cannot read " + file + ": " + unreadable.getMessage(), unreadable);
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException(
                    file + " is not a properties file: " + malformed.getMessage(), malformed);
        }
        Map<String, String> defaults = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            checkKey(key);
            defaults.put(key, properties.getProperty(key));
        }
        return defaults;
    }

    /**
     * @param key a default's key
     * @throws IllegalArgumentException unless it is a connector id, a dot and a setting key
     */
    static void checkKey(String key) {
        int dot = key.indexOf('.');
        if (dot <= 0 || dot == key.length() - 1) {
            throw new IllegalArgumentException(
                    "'" + key + "' is not CONNECTOR.KEY (a connector id, a dot and a connect-form field, such as"
                            + " factorial.base_url)");
        }
    }
}
