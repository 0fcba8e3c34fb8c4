package com.hirerelay.host.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** Stores each integration's {@link RuleBook} (tables {@code mapping_rules} and {@code mapping_required_fields}). */
public final class MappingRuleRepository {

    private final Jdbi jdbi;

    public MappingRuleRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** @return the integration's rules; {@link RuleBook#EMPTY} when it has none */
    public RuleBook load(String connectorId) {
        // One query for both tables: every export and draft loads the book, most often to find it empty.
        List<MappingRule> rules = new ArrayList<>();
        Set<String> required = new HashSet<>();
        jdbi.useHandle(handle -> handle.createQuery("SELECT 0 AS kind, field_key, match_on, match_value, target_value,"
                        + " target_label FROM mapping_rules WHERE connector_id = ? UNION ALL SELECT 1 AS kind,"
                        + " field_key, NULL, NULL, NULL, NULL FROM mapping_required_fields WHERE connector_id = ?"
                        + " ORDER BY kind, field_key, match_on, match_value")
                .bind(0, connectorId)
                .bind(1, connectorId)
                .map((rs, ctx) -> {
                    if (rs.getInt("kind") == 0) {
                        rules.add(new MappingRule(
                                rs.getString("field_key"),
                                MatchOn.valueOf(rs.getString("match_on")),
                                rs.getString("match_value"),
                                rs.getString("target_value"),
                                rs.getString("target_label")));
                    } else {
                        required.add(rs.getString("field_key"));
                    }
                    return 0;
                })
                .list());
        return new RuleBook(rules, required);
    }

    /** Replaces the integration's rules with the book, all or nothing. */
    public void replace(String connectorId, RuleBook book, String userName, Instant now) {
        jdbi.useTransaction(handle -> {
            handle.execute("DELETE FROM mapping_rules WHERE connector_id = ?", connectorId);
            handle.execute("DELETE FROM mapping_required_fields WHERE connector_id = ?", connectorId);
            for (MappingRule rule : book.rules()) {
                handle.createUpdate(
                                "INSERT INTO mapping_rules (connector_id, field_key, match_on, match_value,"
                                        + " target_value, target_label, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                        .bind(0, connectorId)
                        .bind(1, rule.fieldKey())
                        .bind(2, rule.matchOn().name())
                        .bind(3, rule.matchValue())
                        .bind(4, rule.value())
                        .bind(5, rule.valueLabel())
                        .bind(6, userName)
                        .bind(7, now.toString())
                        .execute();
            }
            for (String field : book.requiredFields()) {
                handle.execute(
                        "INSERT INTO mapping_required_fields (connector_id, field_key) VALUES (?, ?)",
                        connectorId,
                        field);
            }
        });
    }
}
