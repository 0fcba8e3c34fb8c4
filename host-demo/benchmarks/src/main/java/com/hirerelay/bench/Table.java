package com.hirerelay.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures table: figure | median | spread | goal | met?. */
final class Table {

    record Row(String figure, String median, String spread, String goal, String met) {}

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String prefix = "";

    /** Puts that text before the name of every row added from now on, for example the store they ran on. */
    synchronized void prefix(String text) {
        prefix = text;
    }

    synchronized void add(String name, String median, String spread, String goal, Boolean met) {
        String figure = prefix + name;
        rows.add(new Row(figure, median, spread, goal, met == null ? "–" : met ? "yes" : "NO"));
        System.out.println("  " + figure + ": " + median + " (" + spread + "), goal " + goal
                + (met == null ? "" : met ? " — met" : " — MISSED"));
    }

    synchronized void note(String text) {
        notes.add(text);
        System.out.println("  note: " + text);
    }

    static String ms(double millis) {
        if (millis >= 10_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000);
        }
        if (millis >= 100) {
            return String.format(Locale.ROOT, "%.0f ms", millis);
        }
        if (millis >= 10) {
            return String.format(Locale.ROOT, "%.1f ms", millis);
        }
        return String.format(Locale.ROOT, "%.2f ms", millis);
    }

    static String num(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** @return the table as Markdown, followed by the notes */
    synchronized String render() {
        String[] head = {"figure", "median", "spread", "goal", "met?"};
        int[] width = new int[head.length];
        for (int i = 0; i < head.length; i++) {
            width[i] = head[i].length();
        }
        for (Row row : rows) {
            String[] cells = cells(row);
            for (int i = 0; i < cells.length; i++) {
                width[i] = Math.max(width[i], cells[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, head, width);
        String[] rule = new String[head.length];
        for (int i = 0; i < head.length; i++) {
            rule[i] = "-".repeat(width[i]);
        }
        line(out, rule, width);
        for (Row row : rows) {
            line(out, cells(row), width);
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            for (String note : notes) {
                out.append("- ").append(note).append('\n');
            }
        }
        return out.toString();
    }

    private static String[] cells(Row row) {
        return new String[] {row.figure(), row.median(), row.spread(), row.goal(), row.met()};
    }

    private static void line(StringBuilder out, String[] cells, int[] width) {
        out.append('|');
        for (int i = 0; i < cells.length; i++) {
            out.append(' ')
                    .append(cells[i])
                    .append(" ".repeat(width[i] - cells[i].length()))
                    .append(" |");
        }
        out.append('\n');
    }
}
