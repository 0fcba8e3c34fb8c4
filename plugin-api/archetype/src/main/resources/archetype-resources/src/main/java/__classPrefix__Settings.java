package ${package};

/** The connect form's keys, shared by the settings panel and the connection. */
final class ${classPrefix}Settings {

    static final String BASE_URL = "base_url";
    static final String API_TOKEN = "api_token";

    private ${classPrefix}Settings() {}
}
