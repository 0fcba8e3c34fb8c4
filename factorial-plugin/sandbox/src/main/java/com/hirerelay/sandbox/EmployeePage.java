package com.hirerelay.sandbox;

import java.util.List;
import java.util.Map;

/** The read-only HTML page of one sandbox employee; every value is escaped. */
final class EmployeePage {

    private EmployeePage() {}

    static String render(
            String companyName,
            Map<String, Object> employee,
            List<Map<String, Object>> contracts,
            List<Map<String, Object>> customValues) {
        StringBuilder html = new StringBuilder();
        String name = text(employee.get("full_name"));
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(name))
                .append(" · Factorial sandbox</title>")
                .append("<style>body{font-family:sans-serif;margin:2rem;max-width:48rem}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;"
                        + "text-align:left}</style></head><body>")
                .append("<p>Factorial sandbox · ")
                .append(escape(companyName))
                .append(" · read-only</p><h1>")
                .append(escape(name))
                .append("</h1><dl>");
        for (String[] row : new String[][] {
            {"Employee id", "id"},
            {"Login e-mail", "email"},
            {"Personal e-mail", "personal_email"},
            {"Employee number", "company_identifier"},
            {"Active", "active"}
        }) {
            html.append("<dt>")
                    .append(row[0])
                    .append("</dt><dd data-field=\"")
                    .append(row[1])
                    .append("\">")
                    .append(escape(text(employee.get(row[1]))))
                    .append("</dd>");
        }
        html.append("</dl><h2>Contract versions</h2><table><thead><tr><th>Effective on</th><th>Starts on</th>"
                + "<th>Job title</th><th>Salary (cents)</th><th>Period</th></tr></thead><tbody>");
        for (Map<String, Object> c : contracts) {
            html.append("<tr class=\"contract-version\">");
            for (String field :
                    List.of("effective_on", "starts_on", "job_title", "salary_amount", "salary_frequency")) {
                html.append("<td>").append(escape(text(c.get(field)))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table><h2>Custom fields</h2><dl>");
        for (Map<String, Object> v : customValues) {
            html.append("<dt>")
                    .append(escape(text(v.get("label"))))
                    .append("</dt><dd>")
                    .append(escape(text(v.get("value"))))
                    .append("</dd>");
        }
        html.append("</dl><h2>Documents</h2><p>None uploaded.</p></body></html>");
        return html.toString();
    }

    static String notFound(String id) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body>"
                + "<h1>No employee " + escape(id) + " in the Factorial sandbox</h1>"
                + "<p>The sandbox keeps employees in memory; after a restart it starts again from its seed.</p>"
                + "</body></html>";
    }

    private static String text(Object value) {
        return value == null ? "—" : value.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
